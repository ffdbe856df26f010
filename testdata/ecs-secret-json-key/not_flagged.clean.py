import json
import pulumi
import pulumi_aws as aws

# A plain-string secret: the whole ARN is its value.
token = aws.secretsmanager.Secret("token")
aws.secretsmanager.SecretVersion("token-v1", secret_id=token.id, secret_string="s3cr3t-token")
# A JSON secret whose key is already selected.
creds = aws.secretsmanager.Secret("creds")
aws.secretsmanager.SecretVersion("creds-v1", secret_id=creds.id, secret_string=json.dumps({"password": "x"}))
aws.ecs.TaskDefinition("task", family="f", container_definitions=pulumi.Output.all(token.arn, creds.arn).apply(
    lambda args: json.dumps([{
        "name": "app",
        "image": "app:1",
        "secrets": [
            {"name": "TOKEN", "valueFrom": args[0]},
            {"name": "PASSWORD", "valueFrom": f"{args[1]}:password::"},
        ],
    }])
))
# A secret whose value the program does not show.
external = aws.secretsmanager.Secret("external")
aws.ecs.TaskDefinition("other", family="f", container_definitions=external.arn.apply(
    lambda arn: json.dumps([{"name": "app", "image": "app:1", "secrets": [{"name": "DATABASE_URL", "valueFrom": arn}]}])
))
