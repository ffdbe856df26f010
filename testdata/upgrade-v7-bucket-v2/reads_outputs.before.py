import pulumi
import pulumi_aws as aws

# The program reads an output that `Bucket` reshapes: changing the class alone breaks the read.
bucket = aws.s3.BucketV2("data", versionings=[{"enabled": True}])
pulumi.export("versioned", bucket.versionings.apply(lambda v: v[0].enabled))
# A nested output is read through the top one: `.lifecycle_rules` holds `expirations` lists.
rules = aws.s3.BucketV2("rules", lifecycle_rules=[{"enabled": True, "expirations": [{"days": 1}]}])
pulumi.export("first_expiry", rules.lifecycle_rules[0].expirations)
