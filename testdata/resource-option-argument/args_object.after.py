import pulumi_aws as aws
import pulumi

role = aws.iam.Role("role", assume_role_policy="{}")

# Beside an *Args object the SDK drops every keyword but opts: the program runs, unprotected.
bucket = aws.s3.Bucket(
    "b",
    aws.s3.BucketArgs(force_destroy=True),
    opts=pulumi.ResourceOptions(protect=True),
)
queue = aws.sqs.Queue(
    "q",
    args=aws.sqs.QueueArgs(delay_seconds=5),
    opts=pulumi.ResourceOptions(depends_on=[role]),
)
