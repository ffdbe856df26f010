"""Modules that pulumi-aws spells otherwise, imported by name (the CloudWatch Logs and EventBridge names)."""
import pulumi
from pulumi_aws import logs, events, iam
from pulumi_aws.events import Rule, Target as EventTarget

role = iam.Role(
    "worker",
    assume_role_policy='{"Version": "2012-10-17", "Statement": []}',
)
log_group = logs.LogGroup("app", retention_in_days=14)
stream = logs.LogStream("app", log_group_name=log_group.name)
nightly = events.Rule("nightly", schedule_expression="cron(0 3 * * ? *)")
hourly = Rule("hourly", schedule_expression="rate(1 hour)")
target = EventTarget("hourly", rule=hourly.name, arn=log_group.arn)

pulumi.export("log_group", log_group.name)
