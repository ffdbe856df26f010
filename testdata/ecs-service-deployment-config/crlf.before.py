import pulumi_aws as aws

svc = aws.ecs.Service(
    "svc",
    cluster="arn:aws:ecs:us-east-1:123456789012:cluster/main",  # shared
    load_balancers=[],
)
wrong = aws.ecs.Service(
    "wrong",
    deployment_configuration=aws.ecs.ServiceDeploymentConfigurationArgs(
        maximum_percent=200,
        minimum_healthy_percent=100,
    ),
    desired_count=2
)
