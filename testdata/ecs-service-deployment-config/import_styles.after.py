"""Every way a program can name aws.ecs.Service."""
import pulumi
import pulumi_aws as aws
import pulumi_aws
from pulumi_aws import ecs
from pulumi_aws.ecs import Service
from pulumi_aws.ecs import Service as EcsService

cluster = aws.ecs.Cluster("cluster")
task = aws.ecs.TaskDefinition("task", family="api", container_definitions="[]")

a = aws.ecs.Service(
    "a",
    cluster=cluster.arn,
    task_definition=task.arn,
    desired_count=2,
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100,
)
b = pulumi_aws.ecs.Service(
    "b",
    cluster=cluster.arn,
    task_definition=task.arn,
    desired_count=2,
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100
)
c = ecs.Service(
    "c",
    cluster=cluster.arn,
    task_definition=task.arn,
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100,
)
d = Service(
    "d",
    cluster=cluster.arn,
    task_definition=task.arn,
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100,
)
e = EcsService(
    "e",
    cluster=cluster.arn,  # the shared cluster
    task_definition=task.arn,
    launch_type="FARGATE",  # no trailing comma
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100
)
f = EcsService(
    "f",
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100,
)

pulumi.export("services", [a.name, b.name, c.name, d.name, e.name, f.name])
