import json
from pulumi import Output
import pulumi_aws as aws

queue = aws.sqs.Queue("jobs")
bucket = aws.s3.Bucket("uploads")

# Non-scopable actions move to their own statement; the queue's ARN joins the existing
# Output.all.
worker = aws.iam.Policy(
    "worker",
    policy=Output.all(bucket.arn, queue.arn).apply(lambda args: json.dumps({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage"],
                "Resource": [args[1]],
            },
            {
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
                "Resource": [args[0], f"{args[0]}/*"],
            },
            {
                "Effect": "Allow",
                "Action": ["xray:PutTraceSegments", "cloudwatch:PutMetricData"],
                "Resource": "*",
            },
        ],
    })),
)
