"""All rules, pulumi-aws 7: the catalog's misplaced percents are ecs-service-deployment-config's."""
import pulumi_aws as aws

service = aws.ecs.Service(
    "svc",
    cluster="c",
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100,
)
