import pulumi
import pulumi_aws as aws

vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16", assign_generated_ipv6_cidr_block=True)
alb_sg = aws.ec2.SecurityGroup("alb", vpc_id=vpc.id, description="Load balancer")
app_sg = aws.ec2.SecurityGroup("app", vpc_id=vpc.id, description="Application")
s3_prefix_list = aws.ec2.get_prefix_list(name="com.amazonaws.us-east-1.s3")

aws.vpc.SecurityGroupIngressRule(
    "alb-https-v4",
    security_group_id=alb_sg.id,
    ip_protocol="tcp",
    from_port=443,
    to_port=443,
    cidr_ipv4="0.0.0.0/0",
    description="Allow HTTPS from internet",
)

aws.vpc.SecurityGroupIngressRule(
    "alb-https-v6",
    security_group_id=alb_sg.id,
    ip_protocol="tcp",
    from_port=443,
    to_port=443,
    cidr_ipv6="::/0",
    description="Allow HTTPS from internet",
)

app_from_alb = aws.vpc.SecurityGroupIngressRule(
    "app-from-alb",
    security_group_id=app_sg.id,
    referenced_security_group_id=alb_sg.id,
    ip_protocol="tcp",
    from_port=8080,
    to_port=8080,
    description="Allow alb to reach app on tcp/8080",
)

aws.vpc.SecurityGroupIngressRule(
    "app-from-vpc-udp",
    security_group_id=app_sg.id,
    ip_protocol="udp",
    from_port=8125,
    to_port=8125,
    cidr_ipv4=vpc.cidr_block,
    description="Allow udp/8125 from vpc",
)

aws.vpc.SecurityGroupEgressRule(
    "app-all-out",
    security_group_id=app_sg.id,
    ip_protocol="-1",
    cidr_ipv4="0.0.0.0/0",
    description="Allow all outbound traffic",
)

aws.vpc.SecurityGroupEgressRule(
    "alb-to-app",
    security_group_id=alb_sg.id,
    referenced_security_group_id=app_sg.id,
    ip_protocol="-1",
    description="Allow all traffic from alb to app",
)

aws.vpc.SecurityGroupEgressRule(
    "app-to-s3",
    security_group_id=app_sg.id,
    prefix_list_id=s3_prefix_list.id,
    ip_protocol="tcp",
    from_port=443,
    to_port=443,
    description="Allow HTTPS to s3_prefix_list",
)

aws.vpc.SecurityGroupEgressRule("app-dns", security_group_id=app_sg.id, ip_protocol="udp", from_port=53, to_port=53, cidr_ipv4="10.0.0.2/32", description="Allow DNS to 10.0.0.2/32")

aws.vpc.SecurityGroupIngressRule(
    "app-ssh",
    security_group_id=app_sg.id,
    ip_protocol="tcp",
    from_port=22,
    to_port=22,
    cidr_ipv4="10.0.0.0/8",
    description="SSH from the corporate network",
)
