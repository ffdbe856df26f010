import pulumi_aws as aws

repo = aws.ecr.Repository("app")  # infra-fix: ignore[ecr-force-delete]
# infra-fix: ignore[ecr-force-delete]
other = aws.ecr.Repository("other")
bucket = aws.s3.Bucket("b")  # infra-fix: ignore
text = "# infra-fix: ignore[ecr-force-delete] in a string is not a comment"
