import pulumi_aws as aws

# One object where the class takes a list, a list of one where it takes one object.
alb = aws.lb.LoadBalancer("alb", subnets=["subnet-1", "subnet-2"])
group = aws.lb.TargetGroup("web", port=80, protocol="HTTP", vpc_id="vpc-1")
listener = aws.lb.Listener(
    "http",
    load_balancer_arn=alb.arn,
    port=80,
    default_actions=[{"type": "forward", "target_group_arn": group.arn}],
)
cluster = aws.ecs.Cluster("cluster")
service = aws.ecs.Service(
    "web",
    cluster=cluster.arn,
    task_definition="web:1",
    deployment_circuit_breaker={"enable": True, "rollback": True},
)
# Written for pulumi-aws 6: the rewrite `upgrade` makes.
assets = aws.s3.Bucket("assets", logging={"target_bucket": "logs"})
