"""The catalog's fix: ServiceDeploymentConfigurationArgs(maximum_percent=...) is a TypeError."""
import pulumi
import pulumi_aws as aws

cluster = aws.ecs.Cluster("cluster")
tg = aws.lb.TargetGroup("tg", port=80, protocol="HTTP", target_type="ip")
lbs = [aws.ecs.ServiceLoadBalancerArgs(target_group_arn=tg.arn, container_name="api", container_port=80)]

# The catalog's IDEAL form, word for word: the wrong argument is last.
catalog = aws.ecs.Service(
    "catalog",
    cluster=cluster.arn,
    load_balancers=lbs,
    health_check_grace_period_seconds=60,  # ✅ GRACE PERIOD
    deployment_maximum_percent=200,  # ✅ ALLOW DOUBLE CAPACITY DURING DEPLOYMENT
    deployment_minimum_healthy_percent=100,  # ✅ MAINTAIN FULL CAPACITY
)

# Last argument, no trailing comma, and a grace period is also missing: two edits.
last_no_comma = aws.ecs.Service(
    "last-no-comma",
    cluster=cluster.arn,
    load_balancers=lbs,
    deployment_maximum_percent=150,
    deployment_minimum_healthy_percent=50,
    health_check_grace_period_seconds=60
)

# Last argument with a trailing comma, grace period missing.
last_comma = aws.ecs.Service(
    "last-comma",
    cluster=cluster.arn,
    load_balancers=lbs,
    deployment_minimum_healthy_percent=50,
    deployment_maximum_percent=150,
    health_check_grace_period_seconds=60,
)

# In the middle of the arguments.
middle = aws.ecs.Service(
    "middle",
    cluster=cluster.arn,
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100,
    load_balancers=lbs,
    health_check_grace_period_seconds=60,
    opts=pulumi.ResourceOptions(depends_on=[tg]),
)

# One-line calls.
one_line = aws.ecs.Service("one-line", cluster=cluster.arn, deployment_maximum_percent=200, deployment_minimum_healthy_percent=100, desired_count=1)
one_line_last = aws.ecs.Service("one-line-last", load_balancers=lbs, deployment_maximum_percent=200, deployment_minimum_healthy_percent=100, health_check_grace_period_seconds=60)

# Only one of the two percents in the wrong form: the other is added.
only_max = aws.ecs.Service(
    "only-max",
    cluster=cluster.arn,
    deployment_maximum_percent=300,
    deployment_minimum_healthy_percent=100,
)

# Already set on the service: the misplaced duplicate (which never ran) goes.
duplicate = aws.ecs.Service(
    "duplicate",
    deployment_maximum_percent=200,
    # why the minimum is 50
    deployment_minimum_healthy_percent=50,
    cluster=cluster.arn,
)
both_set = aws.ecs.Service(
    "both-set",
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100,
)

# Catalog layout with the comment after the last argument and no trailing comma.
commented = aws.ecs.Service(
    "commented",
    cluster=cluster.arn,
    load_balancers=lbs,
    deployment_maximum_percent=200,  # ✅ ALLOW DOUBLE CAPACITY DURING DEPLOYMENT
    deployment_minimum_healthy_percent=100,  # ✅ MAINTAIN FULL CAPACITY
    health_check_grace_period_seconds=60  # ✅ ROLLING UPDATES
    # ❌ MISSING: grace period
)

# Another argument follows on the same line: a trailing comment must not swallow it.
same_line = aws.ecs.Service(
    "same-line",
    deployment_maximum_percent=200,  # kept
    deployment_minimum_healthy_percent=100, desired_count=2,
)
