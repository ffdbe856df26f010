"""Images whose tools are not known, or known to lack every probe: reported without a fix, and
the message says what to add."""
import json

import pulumi_aws as aws

aws.ecs.TaskDefinition(
    "no-probe",
    family="no-probe",
    container_definitions=json.dumps([
        # No curl, wget, python3 or node in these official images.
        {"name": "ubuntu", "image": "ubuntu:24.04", "portMappings": [{"containerPort": 8080}]},
        {"name": "httpd", "image": "httpd:2.4", "portMappings": [{"containerPort": 80}]},
        # No shell at all.
        {"name": "distroless", "image": "gcr.io/distroless/python3-debian12", "portMappings": [{"containerPort": 8000}]},
    ]),
)
aws.ecs.TaskDefinition(
    "unknown",
    family="unknown",
    container_definitions=json.dumps([
        {"name": "ecr", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4", "portMappings": [{"containerPort": 8080}]},
        {"name": "ghcr", "image": "ghcr.io/acme/app:1.4", "portMappings": [{"containerPort": 8081}]},
        {"name": "community", "image": "bitnami/nginx:1.27", "portMappings": [{"containerPort": 8082}]},
        {"name": "redis", "image": "redis:7", "portMappings": [{"containerPort": 6379}]},
        {"name": "digest", "image": "nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac", "portMappings": [{"containerPort": 8083}]},
        {"name": "windows", "image": "python:3.12-windowsservercore-ltsc2022", "portMappings": [{"containerPort": 8084}]},
    ]),
)
