import pulumi_aws as aws

# On a project already on 7 the upgrade rules stay quiet, deprecated classes included.
bucket = aws.s3.BucketV2("data", versionings=[{"enabled": True}])
acl = aws.s3.BucketAclV2("data", bucket=bucket.id, acl="private")
