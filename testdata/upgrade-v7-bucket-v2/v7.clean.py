import pulumi_aws as aws

bucket = aws.s3.Bucket("data", versioning={"enabled": True})
acl = aws.s3.BucketAcl("data", bucket=bucket.id, acl="private")
