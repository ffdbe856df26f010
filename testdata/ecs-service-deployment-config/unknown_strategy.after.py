import pulumi
import pulumi_aws as aws

config = pulumi.Config()
strategy = config.get("strategy") or "REPLICA"

# Might be DAEMON, which takes no percents: reported without a fix.
svc = aws.ecs.Service("svc", scheduling_strategy=strategy)
# A literal REPLICA is an ordinary service.
replica = aws.ecs.Service(
    "replica",
    scheduling_strategy="REPLICA",
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100,
)
