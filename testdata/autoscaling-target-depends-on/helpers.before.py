import pulumi
import pulumi_aws as aws

cluster = aws.ecs.Cluster("cluster")


def autoscale(name: str, service: aws.ecs.Service, capacity):
    # The service comes in as an annotated parameter.
    return aws.appautoscaling.Target(
        f"{name}-target",
        max_capacity=capacity,
        min_capacity=1,
        resource_id=pulumi.Output.concat("service/", cluster.name, "/", service.name),
        scalable_dimension="ecs:service:DesiredCount",
        service_namespace="ecs",
    )


def scale_untyped(name, svc):
    # Not annotated: every call passes a service, so `svc` is one.
    return aws.appautoscaling.Target(
        f"{name}-scaling",
        max_capacity=2,
        min_capacity=1,
        resource_id=pulumi.Output.concat("service/", cluster.name, "/", svc.name),
        scalable_dimension="ecs:service:DesiredCount",
        service_namespace="ecs",
    )


def make_services():
    # A dict filled by a helper.
    services = {}
    for name in ["api", "worker"]:
        services[name] = aws.ecs.Service(name, cluster=cluster.arn, desired_count=1)
    return services


services = make_services()
api = services["api"]
autoscale("api", api, 4)
scale_untyped("worker", services["worker"])

worker_target = aws.appautoscaling.Target(
    "worker-target",
    max_capacity=4,
    min_capacity=1,
    resource_id=pulumi.Output.concat("service/", cluster.name, "/", services["worker"].name),
    scalable_dimension="ecs:service:DesiredCount",
    service_namespace="ecs",
)


def unknown(name, thing):
    # `thing` is given a string: not a service, nothing to depend on.
    return aws.appautoscaling.Target(
        f"{name}-other",
        max_capacity=2,
        min_capacity=1,
        resource_id=pulumi.Output.concat("service/", cluster.name, "/", thing.upper()),
        scalable_dimension="ecs:service:DesiredCount",
        service_namespace="ecs",
    )


unknown("x", "not-a-service")
