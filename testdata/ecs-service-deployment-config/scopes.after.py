import pulumi
import pulumi_aws as aws

cluster = aws.ecs.Cluster("cluster")


def make_service(name, task):
    return aws.ecs.Service(
        name,
        cluster=cluster.arn,
        task_definition=task.arn,
        deployment_maximum_percent=200,
        deployment_minimum_healthy_percent=100,
    )


services = []
for i, name in enumerate(["api", "web"]):
    services.append(
        aws.ecs.Service(
            f"svc-{name}",
            cluster=cluster.arn,
            desired_count=i + 1,
            deployment_maximum_percent=200,
            deployment_minimum_healthy_percent=100,
        )
    )

workers = [
    aws.ecs.Service(
        f"worker-{n}",
        cluster=cluster.arn,
        deployment_maximum_percent=200,
        deployment_minimum_healthy_percent=100,
    )
    for n in range(2)
]
by_name = {n: aws.ecs.Service(n, cluster=cluster.arn, desired_count=1, deployment_maximum_percent=200, deployment_minimum_healthy_percent=100) for n in ["a", "b"]}


def later(arn):
    # Created inside a callback: still a Service.
    return aws.ecs.Service(
        "late",
        cluster=arn,
        deployment_maximum_percent=200,
        deployment_minimum_healthy_percent=100,
    )


cluster.arn.apply(later)
cluster.arn.apply(
    lambda arn: aws.ecs.Service(
        "lambda",
        cluster=arn,
        deployment_maximum_percent=200,
        deployment_minimum_healthy_percent=100,
    ),
)
