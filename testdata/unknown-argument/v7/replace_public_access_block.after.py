import pulumi_aws as aws

# CloudFormation's PublicAccessBlockConfiguration is a resource of its own in pulumi-aws.
site = aws.s3.Bucket(
    "site",
    tags={"team": "web"},
)
site_public_access_block = aws.s3.BucketPublicAccessBlock(
    "site-public-access-block",
    bucket=site.id,
    block_public_acls=True,
    block_public_policy=True,
    ignore_public_acls=True,
    restrict_public_buckets=True,
)
logs = aws.s3.Bucket("logs")
logs_public_access_block = aws.s3.BucketPublicAccessBlock(
    "logs-public-access-block",
    bucket=logs.id,
    block_public_acls=True,
    block_public_policy=True,
)
