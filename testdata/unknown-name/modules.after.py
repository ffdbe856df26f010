"""Modules that pulumi-aws spells otherwise, imported by name (the CloudWatch Logs and EventBridge names)."""
import pulumi
from pulumi_aws import cloudwatch, iam
from pulumi_aws.cloudwatch import EventRule as Rule, EventTarget as EventTarget

role = iam.Role(
    "worker",
    assume_role_policy='{"Version": "2012-10-17", "Statement": []}',
)
log_group = cloudwatch.LogGroup("app", retention_in_days=14)
stream = cloudwatch.LogStream("app", log_group_name=log_group.name)
nightly = cloudwatch.EventRule("nightly", schedule_expression="cron(0 3 * * ? *)")
hourly = Rule("hourly", schedule_expression="rate(1 hour)")
target = EventTarget("hourly", rule=hourly.name, arn=log_group.arn)

pulumi.export("log_group", log_group.name)
