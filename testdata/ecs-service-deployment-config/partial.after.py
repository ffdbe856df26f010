import pulumi_aws as aws

cluster = aws.ecs.Cluster("cluster")
tg = aws.lb.TargetGroup("tg", port=80, protocol="HTTP", target_type="ip")

# Existing arguments in any order; only what is missing is added.
only_min = aws.ecs.Service(
    "only-min",
    deployment_minimum_healthy_percent=50,
    cluster=cluster.arn,
    deployment_maximum_percent=200,
)
only_max = aws.ecs.Service("only-max", deployment_maximum_percent=150, cluster=cluster.arn, deployment_minimum_healthy_percent=100)
both_no_grace = aws.ecs.Service(
    "both-no-grace",
    load_balancers=[aws.ecs.ServiceLoadBalancerArgs(target_group_arn=tg.arn, container_name="web", container_port=80)],
    deployment_minimum_healthy_percent=100,
    deployment_maximum_percent=200,
    cluster=cluster.arn,
    health_check_grace_period_seconds=60,
)
grace_only = aws.ecs.Service(
    "grace-only",
    health_check_grace_period_seconds=120,
    load_balancers=[{"target_group_arn": tg.arn, "container_name": "web", "container_port": 80}],
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100,
)
# No load balancer: a grace period is not valid, so none is added.
no_lb = aws.ecs.Service(
    "no-lb",
    cluster=cluster.arn,
    desired_count=1,
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100,
)
