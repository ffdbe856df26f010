import pulumi
import pulumi_aws as aws
from pulumi_aws import vpc

# Every rule says why it exists; the groups themselves have no description (not our business).
web_sg = aws.ec2.SecurityGroup(
    "web",
    ingress=[
        aws.ec2.SecurityGroupIngressArgs(
            protocol="tcp",
            from_port=443,
            to_port=443,
            cidr_blocks=["0.0.0.0/0"],
            description="Allow HTTPS from internet",
        ),
        {"protocol": "tcp", "from_port": 80, "to_port": 80, "cidr_blocks": ["0.0.0.0/0"], "description": "Redirect"},
    ],
    egress=[
        aws.ec2.SecurityGroupEgressArgs(
            protocol="-1", from_port=0, to_port=0, cidr_blocks=["0.0.0.0/0"], description="Allow all outbound traffic"
        ),
    ],
)

app_sg = aws.ec2.SecurityGroup("app")

aws.ec2.SecurityGroupRule(
    "app-from-web",
    type="ingress",
    protocol="tcp",
    from_port=5000,
    to_port=5000,
    source_security_group_id=web_sg.id,
    security_group_id=app_sg.id,
    description="Allow web to reach app on tcp/5000",
)

vpc.SecurityGroupEgressRule(
    "app-out",
    security_group_id=app_sg.id,
    ip_protocol="-1",
    cidr_ipv4="0.0.0.0/0",
    description=pulumi.Config().get("egress_description") or "Allow all outbound traffic",
)

# Not security group rules at all.
aws.ec2.NetworkAclRule("nacl", network_acl_id="acl-0123", rule_number=100, egress=False, protocol="tcp", rule_action="allow", cidr_block="0.0.0.0/0", from_port=443, to_port=443)
aws.ec2.SecurityGroup("no-rules", vpc_id="vpc-0123")
