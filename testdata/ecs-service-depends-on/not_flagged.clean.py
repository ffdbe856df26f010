import pulumi
import pulumi_aws as aws

alb = aws.lb.LoadBalancer("alb", subnets=["subnet-1"])
tg = aws.lb.TargetGroup("tg", port=80, protocol="HTTP", target_type="ip", vpc_id="vpc-1")
listener = aws.lb.Listener("http", load_balancer_arn=alb.arn, port=80, default_actions=[{"type": "forward", "target_group_arn": tg.arn}])
# Two databases: which one the service needs is not known, so only the listener counts.
primary = aws.rds.Instance("primary", engine="postgres", instance_class="db.t3.micro", allocated_storage=20)
replica = aws.rds.Instance("replica", replicate_source_db=primary.identifier, instance_class="db.t3.micro")

done = aws.ecs.Service("done", cluster="c", load_balancers=[{"target_group_arn": tg.arn, "container_name": "a", "container_port": 80}], opts=pulumi.ResourceOptions(depends_on=[listener]))
# No load balancer.
worker = aws.ecs.Service("worker", cluster="c", desired_count=1)
# A target group of another stack.
external = aws.ecs.Service("external", cluster="c", load_balancers=[{"target_group_arn": "arn:aws:elasticloadbalancing:...", "container_name": "a", "container_port": 80}])
