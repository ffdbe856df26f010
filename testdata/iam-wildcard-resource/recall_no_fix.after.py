"""Policy documents infra-fix reads but cannot scope with certainty: reported, not fixed."""
import json

import pulumi_aws as aws

queue = aws.sqs.Queue("jobs")
bucket = aws.s3.Bucket("uploads")
topic = aws.sns.Topic("events")
role = aws.iam.Role("worker", assume_role_policy=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}))
aws.lambda_.Function(
    "worker",
    role=role.arn,
    package_type="Image",
    image_uri="123456789012.dkr.ecr.us-east-1.amazonaws.com/worker:1",
    environment={"variables": {"QUEUE": queue.url, "BUCKET": bucket.bucket, "TOPIC": topic.arn}},
)


# Built by a helper: its document is used wherever the helper is called.
def reader_policy(arn):
    return json.dumps({
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": f"{arn}/*"},
            {"Effect": "Allow", "Action": ["sqs:ReceiveMessage"], "Resource": "*"},
        ],
    })


aws.iam.RolePolicy("helper", role=role.id, policy=bucket.arn.apply(reader_policy))


def publisher_policy():
    return {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sns:Publish", "Resource": "*"}]}


aws.iam.RolePolicy("built", role=role.id, policy=publisher_policy())

# Statements appended to a list.
statements = []
statements.append({"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": "*"})
aws.iam.RolePolicy("appended", role=role.id, policy=json.dumps({"Version": "2012-10-17", "Statement": statements}))

# An `apply` over the bucket's ARN alone cannot write the queue's.
aws.iam.RolePolicy("other-output", role=role.id, policy=bucket.arn.apply(lambda arn: json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "sqs:DeleteMessage", "Resource": "*"}],
})))
