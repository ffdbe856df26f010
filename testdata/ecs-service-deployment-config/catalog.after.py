"""The catalog's shape (issue 11): a service inside a ComponentResource."""
import pulumi
import pulumi_aws as aws


class EcsStack(pulumi.ComponentResource):
    def __init__(self, name, environment_suffix, vpc, opts=None):
        super().__init__("acme:ecs:EcsStack", name, None, opts)
        self.cluster = aws.ecs.Cluster(
            f"ecs-cluster-{environment_suffix}",
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.target_group = aws.lb.TargetGroup(
            f"tg-{environment_suffix}",
            port=5000,
            protocol="HTTP",
            target_type="ip",
            vpc_id=vpc.id,
            opts=pulumi.ResourceOptions(parent=self),
        )

        self.ecs_service = aws.ecs.Service(
            f"ecs-service-{environment_suffix}",
            cluster=self.cluster.arn,
            task_definition=self.task_definition.arn,
            desired_count=2,
            launch_type="FARGATE",
            network_configuration=aws.ecs.ServiceNetworkConfigurationArgs(
                subnets=[s.id for s in vpc.private_subnets],
                security_groups=[self.ecs_sg.id],
                assign_public_ip=False,
            ),
            load_balancers=[
                aws.ecs.ServiceLoadBalancerArgs(
                    target_group_arn=self.target_group.arn,
                    container_name="product-catalog",
                    container_port=5000,
                )
            ],
            deployment_maximum_percent=200,
            deployment_minimum_healthy_percent=100,
            health_check_grace_period_seconds=60,
            opts=pulumi.ResourceOptions(parent=self)
            # ❌ MISSING: No deployment configuration
        )

        self.worker = aws.ecs.Service(
            f"ecs-worker-{environment_suffix}",
            deployment_maximum_percent=200,
            deployment_minimum_healthy_percent=100,
            # ...
            # ❌ MISSING: No deployment configuration
        )

        self.register_outputs({"service": self.ecs_service.name})
