import json
from pulumi import Output
import pulumi_aws as aws

queue = aws.sqs.Queue("jobs")
bucket = aws.s3.Bucket("uploads")
role = aws.iam.Role("worker", assume_role_policy=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}))
function = aws.lambda_.Function(
    "worker",
    role=role.arn,
    package_type="Image",
    image_uri="123456789012.dkr.ecr.us-east-1.amazonaws.com/worker:1",
)
# The function consumes the queue: the queue is tied to the role's policy through it.
aws.lambda_.EventSourceMapping("jobs", event_source_arn=queue.arn, function_name=function.name)

# Non-scopable actions move to their own statement; the queue's ARN joins the existing
# Output.all. The bucket is tied to the policy by the policy itself.
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
aws.iam.RolePolicyAttachment("worker", role=role.name, policy_arn=worker.arn)
