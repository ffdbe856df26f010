import pulumi
import pulumi_aws as aws

# The program reads an output that `Bucket` reshapes: changing the class alone breaks the read.
bucket = aws.s3.BucketV2("data", versionings=[{"enabled": True}])
pulumi.export("versioned", bucket.versionings.apply(lambda v: v[0].enabled))
