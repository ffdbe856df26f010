import pulumi
import pulumi_aws as aws

bucket = aws.s3.BucketV2("site")
topic = aws.sns.Topic("events")
bucket_policy = aws.s3.BucketV2("policy-holder")

# Two outputs used by one argument, a third not at all.
notification = pulumi.Output.all(bucket.arn, topic.arn, bucket.id).apply(lambda a: aws.s3.BucketNotification(
    "notify",
    bucket=a[2],
    topics=[{"topic_arn": a[1], "events": ["s3:ObjectCreated:*"], "filter_prefix": a[0] + "/"}],
))
# The local name `parameter` is taken: the new one is numbered.
parameter = "taken"
bucket.bucket.apply(lambda name: aws.ssm.Parameter("bucket-name", type="String", value=f"s3://{name}"))
