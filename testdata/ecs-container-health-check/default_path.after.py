import json
import pulumi_aws as aws

# The target group writes no path: the load balancer probes "/", and so does the container.
tg = aws.lb.TargetGroup("tg", port=80, protocol="HTTP", target_type="ip", vpc_id="vpc-1")
task = aws.ecs.TaskDefinition(
    "app-task",
    family="fargate-task-definition",
    network_mode="awsvpc",
    requires_compatibilities=["FARGATE"],
    container_definitions=json.dumps(
        [
            {
                "name": "my-app",
                "image": "nginx",
                "portMappings": [{"containerPort": 80, "hostPort": 80, "protocol": "tcp"}],
                "healthCheck": {
                    "command": ["CMD-SHELL", "curl -f http://127.0.0.1:80/ || exit 1"],
                    "interval": 30,
                    "timeout": 5,
                    "retries": 3,
                    "startPeriod": 60,
                },
            }
        ]
    ),
)
aws.ecs.Service(
    "app-svc",
    task_definition=task.arn,
    load_balancers=[{"target_group_arn": tg.arn, "container_name": "my-app", "container_port": 80}],
)
