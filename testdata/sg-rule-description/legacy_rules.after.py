import pulumi
import pulumi_aws as aws

config = pulumi.Config()
env = pulumi.get_stack()
direction = config.get("bastion_direction") or "ingress"

vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")
web_sg = aws.ec2.SecurityGroup("web-sg", vpc_id=vpc.id, description="Web tier")
db_security_group = aws.ec2.SecurityGroup("db", vpc_id=vpc.id)
s3_endpoint = aws.ec2.VpcEndpoint("s3", vpc_id=vpc.id, service_name="com.amazonaws.us-east-1.s3")

# Ingress from the internet.
aws.ec2.SecurityGroupRule(
    f"web-https-{env}",
    type="ingress",
    protocol="tcp",
    from_port=443,
    to_port=443,
    cidr_blocks=["0.0.0.0/0"],
    ipv6_cidr_blocks=["::/0"],
    security_group_id=web_sg.id,
    description="Allow HTTPS from internet",
)

# Ingress from the VPC only, on a port range.
aws.ec2.SecurityGroupRule(
    "web-ephemeral",
    type="ingress",
    protocol="tcp",
    from_port=1024,
    to_port=65535,
    cidr_blocks=[vpc.cidr_block],
    security_group_id=web_sg.id,
    description="Allow tcp/1024-65535 from vpc",
)

# Egress to everything.
aws.ec2.SecurityGroupRule(
    "web-all-out",
    type="egress",
    protocol="-1",
    from_port=0,
    to_port=0,
    cidr_blocks=["0.0.0.0/0"],
    security_group_id=web_sg.id,
    description="Allow all outbound traffic",
)

# Members of the database group talk to each other.
aws.ec2.SecurityGroupRule(
    "db-self",
    type="ingress",
    protocol="tcp",
    from_port=5432,
    to_port=5432,
    self=True,
    security_group_id=db_security_group.id,
    description="Allow PostgreSQL within db",
)

# Web reaches the database.
aws.ec2.SecurityGroupRule(
    "db-from-web",
    type="ingress",
    protocol="tcp",
    from_port=5432,
    to_port=5432,
    source_security_group_id=web_sg.id,
    security_group_id=db_security_group.id,
    description="Allow web to reach db on PostgreSQL",
)

# Egress to S3 through the gateway endpoint's prefix list.
aws.ec2.SecurityGroupRule(
    "web-to-s3",
    type="egress",
    protocol="tcp",
    from_port=443,
    to_port=443,
    prefix_list_ids=[s3_endpoint.prefix_list_id],
    security_group_id=web_sg.id,
    description="Allow HTTPS to s3_endpoint",
)

# Ping from the office.
aws.ec2.SecurityGroupRule(
    "web-icmp",
    type="ingress",
    protocol="icmp",
    from_port=8,
    to_port=0,
    cidr_blocks=["203.0.113.0/24", "198.51.100.0/24"],
    security_group_id=web_sg.id,
    description="Allow ICMP from 203.0.113.0/24, 198.51.100.0/24",
)

# The direction comes from configuration: reported, not fixed.
aws.ec2.SecurityGroupRule(
    "bastion-ssh",
    type=direction,
    protocol="tcp",
    from_port=22,
    to_port=22,
    cidr_blocks=["203.0.113.10/32"],
    security_group_id=web_sg.id,
)

# A literal group id and a literal source group id.
aws.ec2.SecurityGroupRule(
    "legacy-app",
    type="ingress",
    protocol="tcp",
    from_port=8080,
    to_port=8080,
    source_security_group_id="sg-0a1b2c3d4e5f67890",
    security_group_id="sg-0fedcba9876543210",
    description="Allow tcp/8080 from sg-0a1b2c3d4e5f67890",
)

# Already described: not flagged.
aws.ec2.SecurityGroupRule(
    "web-http",
    type="ingress",
    protocol="tcp",
    from_port=80,
    to_port=80,
    cidr_blocks=["0.0.0.0/0"],
    security_group_id=web_sg.id,
    description="HTTP redirect",
)
