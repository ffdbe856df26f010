"""Policy documents written in the other ways pulumi-aws takes them, each on the role of a
function that uses the resource it is for."""
import json

import pulumi
import pulumi_aws as aws

queue = aws.sqs.Queue("jobs")
bucket = aws.s3.Bucket("uploads")
topic = aws.sns.Topic("events")
table = aws.dynamodb.Table("orders", hash_key="id", attributes=[{"name": "id", "type": "S"}])
role = aws.iam.Role("worker", assume_role_policy=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}))
aws.lambda_.Function(
    "worker",
    role=role.arn,
    package_type="Image",
    image_uri="123456789012.dkr.ecr.us-east-1.amazonaws.com/worker:1",
    environment={"variables": {"QUEUE": queue.url, "BUCKET": bucket.bucket, "TOPIC": topic.arn, "TABLE": table.name}},
)

# A dict as it is: pulumi-aws serializes it and resolves the outputs in it.
aws.iam.RolePolicy("send", role=role.id, policy={
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": queue.arn},
    ],
})

# `Output.from_input(<document>).apply(json.dumps)` resolves the outputs in it too.
aws.iam.RolePolicy("read", role=role.id, policy=pulumi.Output.from_input({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": ["s3:GetObject"],
            "Resource": bucket.arn.apply(lambda arn: f"{arn}/*"),
        },
    ],
}).apply(json.dumps))

# An `apply` over the topic's ARN: its parameter is that ARN.
aws.iam.RolePolicy("publish", role=role.id, policy=topic.arn.apply(lambda arn: json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "sns:Publish", "Resource": arn}],
})))

# A document built in an `Output.all(...).apply`, then serialized: the table's ARN joins it.
aws.iam.RolePolicy("write", role=role.id, policy=pulumi.Output.all(queue.arn, table.arn).apply(lambda args: {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": ["sqs:DeleteMessage"], "Resource": args[0]},
        {"Effect": "Allow", "Action": ["dynamodb:PutItem"], "Resource": args[1]},
    ],
}).apply(json.dumps))
