import pulumi
import pulumi_aws as aws


class Catalog(pulumi.ComponentResource):
    def __init__(self, name, opts=None):
        super().__init__("catalog:app:Catalog", name, None, opts)
        self.cluster = aws.ecs.Cluster(f"cluster-{name}", opts=pulumi.ResourceOptions(parent=self))
        self.ecs_service = aws.ecs.Service(f"ecs-service-{name}", cluster=self.cluster.arn, desired_count=2, opts=pulumi.ResourceOptions(parent=self))
        self.autoscaling_target = aws.appautoscaling.Target(
            f"ecs-autoscaling-target-{name}",
            max_capacity=10,
            min_capacity=2,
            resource_id=pulumi.Output.all(self.cluster.name, self.ecs_service.name).apply(
                lambda args: f"service/{args[0]}/{args[1]}"
            ),
            scalable_dimension="ecs:service:DesiredCount",
            service_namespace="ecs",
            opts=pulumi.ResourceOptions(parent=self, depends_on=[self.ecs_service]),
        )
