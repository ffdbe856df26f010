from pulumi import Output, ResourceOptions
import pulumi_aws as aws

cluster = aws.ecs.Cluster("cluster")
service = aws.ecs.Service("svc", cluster=cluster.arn, desired_count=1)
target = aws.appautoscaling.Target("target", max_capacity=4, min_capacity=1, resource_id=Output.concat("service/", cluster.name, "/", service.name), scalable_dimension="ecs:service:DesiredCount", service_namespace="ecs", opts=ResourceOptions(depends_on=[service]))


def scale(svc_name):
    # The id is computed just above; the service is the module's.
    resource_id = Output.concat("service/", cluster.name, "/", service.name)
    return aws.appautoscaling.Target(
        svc_name,
        max_capacity=4,
        min_capacity=1,
        resource_id=resource_id,
        scalable_dimension="ecs:service:DesiredCount",
        service_namespace="ecs",
        opts=ResourceOptions(depends_on=[cluster, service]),
    )
