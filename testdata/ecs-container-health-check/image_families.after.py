"""Each image gets a probe it ships: curl in the full Debian images of nginx, python and node,
python3 in slim Python, node in slim Node, BusyBox wget in Alpine and busybox. No target group
names a path, so the probe asks for `/`."""
import json

import pulumi_aws as aws

aws.ecs.TaskDefinition(
    "nginx",
    family="nginx",
    container_definitions=json.dumps([
        {"name": "debian", "image": "nginx:1.27", "portMappings": [{"containerPort": 80}], "healthCheck": {"command": ["CMD-SHELL", "curl -f http://127.0.0.1:80/ || exit 1"], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 60}},
        {
            "name": "alpine",
            "image": "nginx:1.27-alpine",
            "portMappings": [{"containerPort": 81}],
            "healthCheck": {
                "command": ["CMD-SHELL", "wget -q --spider http://127.0.0.1:81/ || exit 1"],
                "interval": 30,
                "timeout": 5,
                "retries": 3,
                "startPeriod": 60,
            },
        },
    ]),
)
aws.ecs.TaskDefinition(
    "python",
    family="python",
    container_definitions=json.dumps([
        {"name": "full", "image": "python:3.12", "portMappings": [{"containerPort": 8000}], "healthCheck": {"command": ["CMD-SHELL", "curl -f http://127.0.0.1:8000/ || exit 1"], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 60}},
        {"name": "slim", "image": "python:3.11-slim", "portMappings": [{"containerPort": 8001}], "healthCheck": {"command": ["CMD-SHELL", "python3 -c \"import urllib.request; urllib.request.urlopen('http://127.0.0.1:8001/')\""], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 60}},
        {"name": "alpine", "image": "python:3.12-alpine3.20", "portMappings": [{"containerPort": 8002}], "healthCheck": {"command": ["CMD-SHELL", "wget -q --spider http://127.0.0.1:8002/ || exit 1"], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 60}},
        # Amazon ECR Public's mirror of the official image.
        {
            "name": "mirror",
            "image": "public.ecr.aws/docker/library/python:3.12-slim-bookworm",
            "portMappings": [{"containerPort": 8003}],
            "healthCheck": {
                "command": ["CMD-SHELL", "python3 -c \"import urllib.request; urllib.request.urlopen('http://127.0.0.1:8003/')\""],
                "interval": 30,
                "timeout": 5,
                "retries": 3,
                "startPeriod": 60,
            },
        },
    ]),
)
aws.ecs.TaskDefinition(
    "node",
    family="node",
    container_definitions=json.dumps([
        {
            "name": "full",
            "image": "node:20",
            "portMappings": [{"containerPort": 3000}],
            "healthCheck": {
                "command": ["CMD-SHELL", "curl -f http://127.0.0.1:3000/ || exit 1"],
                "interval": 30,
                "timeout": 5,
                "retries": 3,
                "startPeriod": 60,
            },
        },
        {"name": "slim", "image": "node:20-slim", "portMappings": [{"containerPort": 3001}], "healthCheck": {"command": ["CMD-SHELL", "node -e \"require('http').get('http://127.0.0.1:3001/', r => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))\""], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 60}},
        {"name": "alpine", "image": "docker.io/library/node:22-alpine", "portMappings": [{"containerPort": 3002}], "healthCheck": {"command": ["CMD-SHELL", "wget -q --spider http://127.0.0.1:3002/ || exit 1"], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 60}},
    ]),
)
aws.ecs.TaskDefinition(
    "busybox",
    family="busybox",
    container_definitions=json.dumps([
        {"name": "static", "image": "busybox:1.36", "portMappings": [{"containerPort": 8080}], "healthCheck": {"command": ["CMD-SHELL", "wget -q --spider http://127.0.0.1:8080/ || exit 1"], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 60}},
    ]),
)
