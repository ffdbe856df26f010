import pulumi_aws as aws

repo = aws.ecr.Repository("app")
eip = aws.ec2.Eip(
    "ip",
    vpc=True,
)
