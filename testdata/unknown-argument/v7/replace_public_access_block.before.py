import pulumi_aws as aws

# CloudFormation's PublicAccessBlockConfiguration is a resource of its own in pulumi-aws.
site = aws.s3.Bucket(
    "site",
    block_public_acls=True,
    block_public_policy=True,
    ignore_public_acls=True,
    restrict_public_buckets=True,
    tags={"team": "web"},
)
logs = aws.s3.Bucket("logs", block_public_acls=True, block_public_policy=True)
