"""pulumi-aws 5: infra-fix has no tables for it, so the schema rules say nothing."""
import pulumi_aws as aws

bucket = aws.s3.Bucket("assets", bukcet="assets-prod")
