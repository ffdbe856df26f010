import pulumi_aws as aws

cluster = aws.ecs.Cluster("cluster")

quiet = aws.ecs.Service("quiet", cluster=cluster.arn)  # infra-fix: ignore
# infra-fix: ignore[ecs-service-deployment-config]
quiet_above = aws.ecs.Service(
    "quiet-above",
    cluster=cluster.arn,
)
quiet_wrong = aws.ecs.Service(  # infra-fix: ignore[ecs-service-deployment-config]
    "quiet-wrong",
    cluster=cluster.arn,
    deployment_configuration=aws.ecs.ServiceDeploymentConfigurationArgs(maximum_percent=200),
)
other_rule = aws.ecs.Service("other-rule", cluster=cluster.arn, deployment_maximum_percent=200, deployment_minimum_healthy_percent=100)  # infra-fix: ignore[eip-domain-vpc]
