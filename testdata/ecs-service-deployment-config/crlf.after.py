import pulumi_aws as aws

svc = aws.ecs.Service(
    "svc",
    cluster="arn:aws:ecs:us-east-1:123456789012:cluster/main",  # shared
    load_balancers=[],
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100,
    health_check_grace_period_seconds=60,
)
wrong = aws.ecs.Service(
    "wrong",
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100,
    desired_count=2
)
