"""The catalog's service: a listener forwards to its target group, one RDS instance."""
import pulumi
import pulumi_aws as aws


class Catalog(pulumi.ComponentResource):
    def __init__(self, name, network, opts=None):
        super().__init__("catalog:app:Catalog", name, None, opts)
        self.rds_instance = aws.rds.Instance(f"rds-{name}", engine="postgres", instance_class="db.t3.micro", allocated_storage=20, opts=pulumi.ResourceOptions(parent=self))
        self.alb = aws.lb.LoadBalancer(f"alb-{name}", subnets=network.public_subnet_ids, opts=pulumi.ResourceOptions(parent=self))
        self.target_group = aws.lb.TargetGroup(f"tg-{name}", port=5000, protocol="HTTP", target_type="ip", vpc_id=network.vpc_id, opts=pulumi.ResourceOptions(parent=self))
        self.alb_listener = aws.lb.Listener(
            f"listener-{name}",
            load_balancer_arn=self.alb.arn,
            port=80,
            default_actions=[aws.lb.ListenerDefaultActionArgs(type="forward", target_group_arn=self.target_group.arn)],
            opts=pulumi.ResourceOptions(parent=self),
        )
        self._service(name)

    def _service(self, name):
        self.ecs_service = aws.ecs.Service(
            f"ecs-service-{name}",
            cluster="cluster",
            desired_count=2,
            load_balancers=[
                aws.ecs.ServiceLoadBalancerArgs(
                    target_group_arn=self.target_group.arn,
                    container_name="product-catalog",
                    container_port=5000,
                )
            ],
            opts=pulumi.ResourceOptions(
                parent=self,
                depends_on=[self.alb_listener, self.rds_instance],
            ),
        )
