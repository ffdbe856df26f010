"""An application's S3 statement and the program's only bucket, which holds the load
balancer's access logs: the application never uses that bucket, so the statement is not
scoped to it."""
import json

import pulumi
import pulumi_aws as aws

logs = aws.s3.Bucket("alb-logs", force_destroy=True)
alb = aws.lb.LoadBalancer(
    "alb",
    load_balancer_type="application",
    subnets=["subnet-1", "subnet-2"],
    access_logs=aws.lb.LoadBalancerAccessLogsArgs(bucket=logs.bucket, enabled=True),
)
target_group = aws.lb.TargetGroup("app", port=80, protocol="HTTP", target_type="ip", vpc_id="vpc-1")
listener = aws.lb.Listener(
    "http",
    load_balancer_arn=alb.arn,
    port=80,
    default_actions=[aws.lb.ListenerDefaultActionArgs(type="forward", target_group_arn=target_group.arn)],
)

task_role = aws.iam.Role("app-task", assume_role_policy=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}))
aws.iam.RolePolicy("app-uploads", role=task_role.id, policy=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"}],
}))
task = aws.ecs.TaskDefinition(
    "app",
    family="app",
    requires_compatibilities=["FARGATE"],
    network_mode="awsvpc",
    cpu="256",
    memory="512",
    task_role_arn=task_role.arn,
    container_definitions=json.dumps([{"name": "app", "image": "nginx", "portMappings": [{"containerPort": 80}]}]),
)
cluster = aws.ecs.Cluster("app")
aws.ecs.Service(
    "app",
    cluster=cluster.arn,
    task_definition=task.arn,
    desired_count=1,
    launch_type="FARGATE",
    network_configuration=aws.ecs.ServiceNetworkConfigurationArgs(subnets=["subnet-1"]),
    load_balancers=[aws.ecs.ServiceLoadBalancerArgs(target_group_arn=target_group.arn, container_name="app", container_port=80)],
    opts=pulumi.ResourceOptions(depends_on=[listener]),
)
