import pulumi
import pulumi_aws as aws

bucket = aws.s3.BucketV2("site")
# The resource's name depends on the value: it cannot leave the callback as is.
named = bucket.bucket.apply(lambda name: aws.s3.BucketV2(f"{name}-logs"))
# More than one resource.
both = bucket.id.apply(lambda i: [aws.ssm.Parameter("a", type="String", value=i), aws.ssm.Parameter("b", type="String", value=i)])
# Nested in another expression.
pulumi.export("param", bucket.id.apply(lambda i: aws.ssm.Parameter("c", type="String", value=i)).arn)
