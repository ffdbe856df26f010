"""Behind a TCP target group only the port is known: the probe asks for `/` on the port the
load balancer reaches (not the first one). A TCP group whose health check is HTTP names its path."""
import json

import pulumi_aws as aws

tcp = aws.lb.TargetGroup("tcp", port=8080, protocol="TCP", target_type="ip", vpc_id="vpc-1")
api = aws.ecs.TaskDefinition(
    "api",
    family="api",
    network_mode="awsvpc",
    requires_compatibilities=["FARGATE"],
    cpu="256",
    memory="512",
    container_definitions=json.dumps([
        {
            "name": "api",
            "image": "node:20-slim",
            "portMappings": [
                {"containerPort": 9100, "hostPort": 9100},
                {"containerPort": 8080, "hostPort": 8080},
            ],
            "healthCheck": {
                "command": ["CMD-SHELL", "node -e \"require('http').get('http://127.0.0.1:8080/', r => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))\""],
                "interval": 30,
                "timeout": 5,
                "retries": 3,
                "startPeriod": 60,
            },
        }
    ]),
)
aws.ecs.Service(
    "api",
    task_definition=api.arn,
    load_balancers=[aws.ecs.ServiceLoadBalancerArgs(target_group_arn=tcp.arn, container_name="api", container_port=8080)],
)

checked = aws.lb.TargetGroup(
    "checked",
    port=9000,
    protocol="TCP",
    target_type="ip",
    vpc_id="vpc-1",
    health_check={"protocol": "HTTP", "path": "/ping"},
)
worker = aws.ecs.TaskDefinition(
    "worker",
    family="worker",
    network_mode="awsvpc",
    requires_compatibilities=["FARGATE"],
    cpu="256",
    memory="512",
    container_definitions=json.dumps([
        {"name": "worker", "image": "python:3.12-slim", "portMappings": [{"containerPort": 9000, "hostPort": 9000}], "healthCheck": {"command": ["CMD-SHELL", "python3 -c \"import urllib.request; urllib.request.urlopen('http://127.0.0.1:9000/ping')\""], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 60}}
    ]),
)
aws.ecs.Service(
    "worker",
    task_definition=worker.arn,
    load_balancers=[{"target_group_arn": checked.arn, "container_name": "worker", "container_port": 9000}],
)
