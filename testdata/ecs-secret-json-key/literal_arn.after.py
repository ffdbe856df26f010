import json
import pulumi_aws as aws

creds = aws.secretsmanager.Secret("creds", name="app/creds")
aws.secretsmanager.SecretVersion("creds-v1", secret_id=creds.arn, secret_string=json.dumps({"password": "x", "username": "app"}))
aws.ecs.TaskDefinition("task", family="app", container_definitions=json.dumps([
    {"name": "app", "image": "app:1", "secrets": [{"name": "PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/creds-AbCdEf:password::"}]},
]))
