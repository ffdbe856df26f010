"""pulumi-aws 7 strategy settings in deployment_configuration stay where they are."""
import pulumi_aws as aws

cluster = aws.ecs.Cluster("cluster")

blue_green = aws.ecs.Service(
    "blue-green",
    cluster=cluster.arn,
    deployment_configuration=aws.ecs.ServiceDeploymentConfigurationArgs(
        strategy="BLUE_GREEN",
        bake_time_in_minutes="5",
    ),
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100,
)

# A dict is left alone (not rewritten): only the missing top-level arguments are added.
as_dict = aws.ecs.Service(
    "as-dict",
    cluster=cluster.arn,
    deployment_configuration={"strategy": "ROLLING"},
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100,
)

# Percents mixed with a real strategy setting: the percents move out, the strategy stays.
mixed = aws.ecs.Service(
    "mixed",
    cluster=cluster.arn,
    deployment_configuration=aws.ecs.ServiceDeploymentConfigurationArgs(
        strategy="ROLLING",
    ),
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100,
)

# Mixed on one line, percents last without a trailing comma.
mixed_one_line = aws.ecs.Service("mixed-one-line", deployment_configuration=aws.ecs.ServiceDeploymentConfigurationArgs(strategy="ROLLING"), deployment_maximum_percent=200, deployment_minimum_healthy_percent=100)

# Mixed, percents last without a trailing comma, with comments.
mixed_comments = aws.ecs.Service(
    "mixed-comments",
    deployment_configuration=aws.ecs.ServiceDeploymentConfigurationArgs(
        strategy="ROLLING"  # why rolling
    ),
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100
)

# Mixed, percents first.
mixed_first = aws.ecs.Service(
    "mixed-first",
    deployment_configuration=aws.ecs.ServiceDeploymentConfigurationArgs(
        strategy="ROLLING",
    ),
    deployment_minimum_healthy_percent=100,
    deployment_maximum_percent=200,
)

# A dict with the percent keys is left alone too (it is not the Args class); the top-level
# arguments are still added.
dict_percents = aws.ecs.Service(
    "dict-percents",
    deployment_configuration={"maximum_percent": 150},
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100,
)
