"""All rules, pulumi-aws 6: the catalog's misplaced percents are ecs-service-deployment-config's."""
import pulumi_aws as aws

service = aws.ecs.Service(
    "svc",
    cluster="c",
    deployment_configuration=aws.ecs.ServiceDeploymentConfigurationArgs(
        maximum_percent=200,
        minimum_healthy_percent=100,
    ),
)
