import pulumi_aws as aws

# No tables for pulumi-aws 5: the schema rules have not run, their ignores stay; the others'
# go.
eip = aws.ec2.Eip("ip", domain="vpc")  # infra-fix: ignore[unknown-argument, ecr-force-delete]
bucket = aws.s3.Bucket("b", acl="private")  # infra-fix: ignore[deprecated-argument]
