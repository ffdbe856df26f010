# The catalog's wrong form. pulumi-aws 7 *does* have Service(deployment_configuration=
# ServiceDeploymentConfigurationArgs(...)), but that block is the deployment *strategy*
# (strategy, bake_time_in_minutes, canary/linear configuration, lifecycle_hooks); the
# percentages are top-level deployment_maximum_percent / deployment_minimum_healthy_percent.
# Must fail: TypeError ... unexpected keyword argument 'maximum_percent'.
import pulumi_aws as aws

aws.ecs.Service(
    "svc",
    cluster="arn:aws:ecs:us-east-1:123456789012:cluster/c",
    task_definition="td:1",
    desired_count=1,
    deployment_configuration=aws.ecs.ServiceDeploymentConfigurationArgs(
        maximum_percent=200, minimum_healthy_percent=100
    ),
)
