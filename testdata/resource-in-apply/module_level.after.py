import pulumi
import pulumi_aws as aws

bucket = aws.s3.BucketV2("site")
topic = aws.sns.Topic("events")
bucket_policy = aws.s3.BucketV2("policy-holder")

# Two outputs used by one argument, a third not at all.
notification = aws.s3.BucketNotification(
    "notify",
    bucket=bucket.id,
    topics=pulumi.Output.all(bucket.arn, topic.arn).apply(
        lambda a: [
            {
                "topic_arn": a[1],
                "events": ["s3:ObjectCreated:*"],
                "filter_prefix": a[0] + "/",
            },
        ],
    ),
)
# The local name `parameter` is taken: the new one is numbered.
parameter = "taken"
parameter_2 = aws.ssm.Parameter("bucket-name", type="String", value=bucket.bucket.apply(lambda name: f"s3://{name}"))
