"""Terraform and CloudFormation names for pulumi-aws classes (no dependency file: the newest major)."""
import pulumi_aws as aws
import pulumi_aws
from pulumi_aws import s3

log_group = aws.cloudwatch.LogGroup("app", retention_in_days=14)
rule = aws.cloudwatch.EventRule(
    "nightly",
    schedule_expression="cron(0 3 * * ? *)",
)
target = pulumi_aws.appautoscaling.Target("svc", max_capacity=4, min_capacity=1, resource_id="service/c/s", scalable_dimension="ecs:service:DesiredCount", service_namespace="ecs")
alb = aws.lb.LoadBalancer("web", internal=False)

# A near spelling in the same module.
bucket = aws.s3.Bucket("assets")

# Suggested, but not fixed: an argument the suggested class does not take, and a name that is
# not written through the package.
listener = aws.elbv2.Listener("http", port=80, default_actions=[], listener_arn="x")
legacy = s3.BucketObjectt("obj", bucket="b")

# A known module, no candidate: reported without a suggestion.
thing = aws.ec2.Frobnicator("x")

# Classes pulumi-aws spells otherwise, and one from another package (reported only).
invoke_config = aws.lambda_.FunctionEventInvokeConfig("cfg", function_name="fn", maximum_retry_attempts=0)
app = aws.codedeploy.Application("app", compute_platform="Server")
password = aws.secretsmanager.RandomPassword("db", length=24)
