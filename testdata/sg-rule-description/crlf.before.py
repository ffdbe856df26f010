import pulumi_aws as aws

app_sg = aws.ec2.SecurityGroup("app")

aws.ec2.SecurityGroupRule(
    "app-https",
    type="ingress",
    protocol="tcp",
    from_port=443,
    to_port=443,
    cidr_blocks=["0.0.0.0/0"],
    security_group_id=app_sg.id,  # public
)

aws.ec2.SecurityGroup(
    "lb",
    egress=[
        {
            "protocol": "-1",
            "from_port": 0,
            "to_port": 0,
            "cidr_blocks": ["0.0.0.0/0"]
        },
    ],
)
