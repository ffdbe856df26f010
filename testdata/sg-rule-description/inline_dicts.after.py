import pulumi_aws as aws

vpc_id = 'vpc-0123456789abcdef0'

# Single quotes dominate this file: the new strings follow.
web = aws.ec2.SecurityGroup(
    'web',
    vpc_id=vpc_id,
    ingress=[
        {
            'protocol': 'tcp',
            'from_port': 443,
            'to_port': 443,
            'cidr_blocks': ['0.0.0.0/0'],
            'description': 'Allow HTTPS from internet',
        },
        {
            'protocol': 'tcp',
            'from_port': 80,
            'to_port': 80,
            'cidr_blocks': ['0.0.0.0/0'],  # redirected to 443
            'description': 'Allow HTTP from internet'
        },
        {'protocol': 'tcp', 'from_port': 22, 'to_port': 22, 'cidr_blocks': ['10.0.0.0/8'], 'description': 'Allow SSH from 10.0.0.0/8'},
        {
            'protocol': 'tcp',
            'from_port': 8080,
            'to_port': 8080,
            'self': True,
            'description': 'Allow tcp/8080 within web',
        },
        {'protocol': 'tcp', 'from_port': 9090, 'to_port': 9090, 'cidr_blocks': ['10.0.0.0/8'], 'description': 'Prometheus'},
    ],
    egress=[{'protocol': '-1', 'from_port': 0, 'to_port': 0, 'cidr_blocks': ['0.0.0.0/0'], 'ipv6_cidr_blocks': ['::/0'], 'description': 'Allow all outbound traffic'}],
    tags={'Name': 'web'},
)

cache_security_group = aws.ec2.SecurityGroup(
    'cache',
    vpc_id=vpc_id,
    ingress=[
        {
            # Only the web tier reaches Redis.
            'protocol': 'tcp',
            'from_port': 6379,
            'to_port': 6379,
            'security_groups': [web.id],
            'description': 'Allow web to reach cache on Redis',
        }
    ],
)
