import pulumi
import pulumi_aws as aws

# Keywords beside an args object are ignored by the SDK: they are added inside it.
service = aws.ecs.Service(
    "api",
    aws.ecs.ServiceArgs(
        cluster="c",
        desired_count=2,
    ),
    pulumi.ResourceOptions(protect=True),
)
# Complete inside the object: nothing to do.
done = aws.ecs.Service("done", args=aws.ecs.ServiceArgs(cluster="c", deployment_maximum_percent=200, deployment_minimum_healthy_percent=100))
# Arguments held in a variable cannot be read: no finding.
shared = aws.ecs.ServiceArgs(cluster="c")
hidden = aws.ecs.Service("hidden", shared)
