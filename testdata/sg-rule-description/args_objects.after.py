import pulumi_aws as aws

app_sg = aws.ec2.SecurityGroup("app-sg")
lb_sg = aws.ec2.SecurityGroup("lb-sg")

# The resource-args form: the SDK ignores other keywords next to an args object, so the
# description belongs in the args object.
aws.ec2.SecurityGroupRule(
    "app-from-lb",
    aws.ec2.SecurityGroupRuleArgs(
        type="ingress",
        protocol="tcp",
        from_port=8080,
        to_port=8080,
        source_security_group_id=lb_sg.id,
        security_group_id=app_sg.id,
        description="Allow lb to reach app on tcp/8080",
    ),
)

aws.vpc.SecurityGroupEgressRule(
    "app-out",
    args=aws.vpc.SecurityGroupEgressRuleArgs(security_group_id=app_sg.id, ip_protocol="-1", cidr_ipv4="0.0.0.0/0", description="Allow all outbound traffic"),
)

aws.ec2.SecurityGroup(
    "edge",
    aws.ec2.SecurityGroupArgs(
        ingress=[
            {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"], "description": "Allow HTTPS from internet"},
        ],
    ),
)
