"""The catalog's task definition: containers built inside an Output.all callback, from an image
of the program's own ECR repository, whose tools cannot be known: reported without a fix."""
import json

import pulumi
import pulumi_aws as aws

repo = aws.ecr.Repository("repo")
secret = aws.secretsmanager.Secret("db")
target_group = aws.lb.TargetGroup(
    "tg",
    port=5000,
    protocol="HTTP",
    target_type="ip",
    health_check=aws.lb.TargetGroupHealthCheckArgs(path="/api/health", matcher="200"),
)
task_definition = aws.ecs.TaskDefinition(
    "task",
    family="product-catalog",
    network_mode="awsvpc",
    requires_compatibilities=["FARGATE"],
    cpu="256",
    memory="512",
    container_definitions=pulumi.Output.all(repo.repository_url, secret.arn).apply(
        lambda args: json.dumps([
            {
                "name": "product-catalog",
                "image": f"{args[0]}:latest",
                "portMappings": [{
                    "containerPort": 5000,
                    "protocol": "tcp"
                }],
                # ❌ MISSING: Container-level health check
            }
        ])
    ),
)
service = aws.ecs.Service(
    "service",
    task_definition=task_definition.arn,
    load_balancers=[aws.ecs.ServiceLoadBalancerArgs(target_group_arn=target_group.arn, container_name="product-catalog", container_port=5000)],
)
