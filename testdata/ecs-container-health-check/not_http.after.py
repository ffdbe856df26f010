"""Load balancers that check the container in ways a plain local HTTP request cannot repeat:
reported without a fix."""
import json

import pulumi_aws as aws

# TLS to the container: an http:// probe is refused.
https = aws.lb.TargetGroup("https", port=443, protocol="HTTPS", target_type="ip", vpc_id="vpc-1")
https_task = aws.ecs.TaskDefinition("https", family="https", container_definitions=json.dumps([
    {"name": "app", "image": "nginx:1.27", "portMappings": [{"containerPort": 443}]},
]))
aws.ecs.Service(
    "https",
    task_definition=https_task.arn,
    load_balancers=[{"target_group_arn": https.arn, "container_name": "app", "container_port": 443}],
)

# gRPC only: an HTTP/1.1 request fails.
grpc = aws.lb.TargetGroup("grpc", port=443, protocol="HTTP", protocol_version="GRPC", target_type="ip", vpc_id="vpc-1")
grpc_task = aws.ecs.TaskDefinition("grpc", family="grpc", container_definitions=json.dumps([
    {"name": "app", "image": "nginx:1.27", "portMappings": [{"containerPort": 443}]},
]))
aws.ecs.Service(
    "grpc",
    task_definition=grpc_task.arn,
    load_balancers=[{"target_group_arn": grpc.arn, "container_name": "app", "container_port": 443}],
)

# The load balancer accepts a 404 there; the probe would not.
lenient = aws.lb.TargetGroup(
    "lenient",
    port=443,
    protocol="HTTP",
    target_type="ip",
    vpc_id="vpc-1",
    health_check=aws.lb.TargetGroupHealthCheckArgs(path="/status", matcher="200-499"),
)
lenient_task = aws.ecs.TaskDefinition("lenient", family="lenient", container_definitions=json.dumps([
    {"name": "app", "image": "nginx:1.27", "portMappings": [{"containerPort": 443}]},
]))
aws.ecs.Service(
    "lenient",
    task_definition=lenient_task.arn,
    load_balancers=[{"target_group_arn": lenient.arn, "container_name": "app", "container_port": 443}],
)

# Checked on another port than the traffic's.
side_port = aws.lb.TargetGroup(
    "side-port",
    port=443,
    protocol="HTTP",
    target_type="ip",
    vpc_id="vpc-1",
    health_check={"path": "/health", "port": "8081"},
)
side_port_task = aws.ecs.TaskDefinition("side-port", family="side-port", container_definitions=json.dumps([
    {"name": "app", "image": "nginx:1.27", "portMappings": [{"containerPort": 443}]},
]))
aws.ecs.Service(
    "side-port",
    task_definition=side_port_task.arn,
    load_balancers=[{"target_group_arn": side_port.arn, "container_name": "app", "container_port": 443}],
)

# A path the shell would have to quote.
query = aws.lb.TargetGroup(
    "query",
    port=443,
    protocol="HTTP",
    target_type="ip",
    vpc_id="vpc-1",
    health_check={"path": "/health?full=1&db=1"},
)
query_task = aws.ecs.TaskDefinition("query", family="query", container_definitions=json.dumps([
    {"name": "app", "image": "nginx:1.27", "portMappings": [{"containerPort": 443}]},
]))
aws.ecs.Service(
    "query",
    task_definition=query_task.arn,
    load_balancers=[{"target_group_arn": query.arn, "container_name": "app", "container_port": 443}],
)
