"""Nothing here must be flagged."""
import pulumi_aws as aws

cluster = aws.ecs.Cluster("cluster")
tg = aws.lb.TargetGroup("tg", port=80, protocol="HTTP", target_type="ip")

# Fully configured, with and without load balancers.
api = aws.ecs.Service(
    "api",
    cluster=cluster.arn,
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100,
    health_check_grace_period_seconds=60,
    load_balancers=[aws.ecs.ServiceLoadBalancerArgs(target_group_arn=tg.arn, container_name="api", container_port=80)],
)
worker = aws.ecs.Service("worker", deployment_minimum_healthy_percent=0, deployment_maximum_percent=100)

# Daemon services: one task per instance.
daemon = aws.ecs.Service("daemon", cluster=cluster.arn, scheduling_strategy="DAEMON")
daemon_lb = aws.ecs.Service(
    "daemon-lb",
    scheduling_strategy='DAEMON',
    load_balancers=[aws.ecs.ServiceLoadBalancerArgs(target_group_arn=tg.arn, container_name="x", container_port=80)],
)

# **kwargs may already carry the settings.
common = {"cluster": cluster.arn, "deployment_maximum_percent": 200}
splat = aws.ecs.Service("splat", **common)

# Other ECS classes and other libraries.
cluster2 = aws.ecs.Cluster("cluster2")
capacity = aws.ecs.ClusterCapacityProviders("cp", cluster_name=cluster2.name)
args = aws.ecs.ServiceLoadBalancerArgs(target_group_arn=tg.arn, container_name="x", container_port=80)


class Service:
    def __init__(self, name, **kw):
        self.name = name


mine = Service("not-aws")

# A misplaced percent on a DAEMON service is left to the daemon's own rules.
daemon_wrong = aws.ecs.Service(
    "daemon-wrong",
    scheduling_strategy="DAEMON",
)
