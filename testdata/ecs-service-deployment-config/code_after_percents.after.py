# Found by the fuzzer: percents removed from the end of an Args call whose closing
# parenthesis shares their line, after a kept argument with a comment. Joining that line to
# the comment's line commented the parenthesis out.
import pulumi_aws as aws

one = aws.ecs.Service(
    "one",
    deployment_configuration=aws.ecs.ServiceDeploymentConfigurationArgs(
        strategy="ROLLING"  # why rolling
        ),
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100
)

both = aws.ecs.Service(
    "both",
    deployment_configuration=aws.ecs.ServiceDeploymentConfigurationArgs(
        strategy="ROLLING"  # why rolling
        ),
    desired_count=2,
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=50,
)
