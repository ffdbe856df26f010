"""pulumi-aws 7: deprecations without a known-equivalent replacement are reported, not fixed."""
import pulumi_aws as aws

nightly = aws.cloudwatch.EventRule("nightly", schedule_expression="cron(0 3 * * ? *)", is_enabled=True)
web = aws.ec2.Instance(
    "web",
    ami="ami-123",
    instance_type="t3.micro",
    security_groups=["web"],
)
