import pulumi_aws as aws

repo = aws.ecr.Repository("app")  # infra-fix: ignore[ecr-force-delete]
bucket = aws.s3.Bucket("logs")
q = aws.sqs.Queue("q")
