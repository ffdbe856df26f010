import pulumi_aws as aws

repo = aws.ecr.Repository("app")  # infra-fix: ignore[ecr-force-delete]
eip = aws.ec2.Eip(
    "ip",
    vpc=True,  # infra-fix: ignore[unknown-argument]
)
