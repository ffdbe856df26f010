# The import comes from a fix: the ignore covers a finding only after it, and stays.
import pulumi_aws as aws

repo = aws.ecr.Repository("app")  # infra-fix: ignore[ecr-force-delete]
