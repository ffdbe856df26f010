import pulumi
import pulumi_aws as aws

db = aws.rds.Cluster("db", engine="aurora-postgresql", master_username="app", manage_master_user_password=True)
alb = aws.lb.LoadBalancer("alb", subnets=["subnet-1", "subnet-2"])
api_tg = aws.lb.TargetGroup("api", port=80, protocol="HTTP", target_type="ip", vpc_id="vpc-1")
admin_tg = aws.lb.TargetGroup("admin", port=81, protocol="HTTP", target_type="ip", vpc_id="vpc-1")
http = aws.lb.Listener("http", load_balancer_arn=alb.arn, port=80, default_actions=[{"type": "forward", "target_group_arn": api_tg.arn}])
admin = aws.lb.Listener("admin", load_balancer_arn=alb.arn, port=81, default_actions=[{"type": "forward", "target_group_arn": admin_tg.arn}])
redirect = aws.lb.Listener("redirect", load_balancer_arn=alb.arn, port=8080, default_actions=[{"type": "redirect", "redirect": {"port": "80", "protocol": "HTTP", "status_code": "HTTP_301"}}])

# The listener is listed already; only the database is missing. Options in a variable are merged.
service_opts = pulumi.ResourceOptions(depends_on=[http])
api = aws.ecs.Service("api", cluster="c", load_balancers=[{"target_group_arn": api_tg.arn, "container_name": "api", "container_port": 80}], opts=pulumi.ResourceOptions.merge(service_opts, pulumi.ResourceOptions(depends_on=[db])))

# Two target groups, two listeners.
both = aws.ecs.Service(
    "both",
    cluster="c",
    load_balancers=[
        {"target_group_arn": api_tg.arn, "container_name": "api", "container_port": 80},
        {"target_group_arn": admin_tg.arn, "container_name": "admin", "container_port": 81},
    ],
    opts=pulumi.ResourceOptions(depends_on=[http, admin, db])
)


def make_listener():
    # Only this function can see the listener it builds.
    tg = aws.lb.TargetGroup("hidden", port=82, protocol="HTTP", target_type="ip", vpc_id="vpc-1")
    aws.lb.Listener("hidden", load_balancer_arn=alb.arn, port=82, default_actions=[{"type": "forward", "target_group_arn": tg.arn}])
    aws.ecs.Service("hidden", cluster="c", load_balancers=[{"target_group_arn": tg.arn, "container_name": "x", "container_port": 82}], opts=pulumi.ResourceOptions(depends_on=[db]))
