import json
import pulumi
import pulumi_aws as aws

creds = aws.secretsmanager.Secret("creds")
aws.secretsmanager.SecretVersion("creds-v1", secret_id=creds.id, secret_string=json.dumps({"username": "app", "password": "x"}))
aws.ecs.TaskDefinition("task", family="app", container_definitions=pulumi.Output.json_dumps([
    {"name": "app", "image": "app:1", "secrets": [{"name": "DB_PASSWORD", "valueFrom": pulumi.Output.concat(creds.arn, ":password::")}]},
]))
