"""Resource options written as resource arguments: a TypeError at run time."""
import json

import pulumi
import pulumi_aws as aws

role = aws.iam.Role(
    "lambda-role",
    assume_role_policy=json.dumps({"Version": "2012-10-17", "Statement": []}),
)
attachment = aws.iam.RolePolicyAttachment(
    "lambda-logs",
    role=role.name,
    policy_arn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
)

# One option, one per line, trailing comma.
fn = aws.lambda_.Function(
    "handler",
    role=role.arn,
    runtime="python3.12",
    handler="index.handler",
    code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c): pass\n")}),
    opts=pulumi.ResourceOptions(depends_on=[attachment]),  # the role must be able to log first
)

# Several options on one line, not last.
bucket = aws.s3.Bucket("logs", opts=pulumi.ResourceOptions(protect=True, ignore_changes=["tags"]), force_destroy=False)

# Added to an existing ResourceOptions literal, depends_on lists add up.
queue = aws.sqs.Queue(
    "jobs",
    opts=pulumi.ResourceOptions(depends_on=[bucket, role], retain_on_delete=True),
)

# Options held in a variable are merged.
shared = pulumi.ResourceOptions(protect=False)
topic = aws.sns.Topic(
    "alerts",
    opts=pulumi.ResourceOptions.merge(
        shared,
        pulumi.ResourceOptions(delete_before_replace=True),
    ),
)

# A misspelling seen in generated programs.
table = aws.dynamodb.Table(
    "items",
    hash_key="id",
    attributes=[aws.dynamodb.TableAttributeArgs(name="id", type="S")],
    billing_mode="PAY_PER_REQUEST",
    opts=pulumi.ResourceOptions(depends_on=[queue]),
)

# opts=None is replaced.
group = aws.cloudwatch.LogGroup(
    "app",
    retention_in_days=7,
    opts=pulumi.ResourceOptions(parent=None),
)
