"""The catalog's container secret: the whole JSON secret in DATABASE_URL."""
import json

import pulumi
import pulumi_aws as aws

db = aws.rds.Instance("db", engine="postgres", instance_class="db.t3.micro", username="app", manage_master_user_password=True)
db_secret = aws.secretsmanager.Secret("db-secret")
aws.secretsmanager.SecretVersion(
    "db-secret-version",
    secret_id=db_secret.id,
    secret_string=db.address.apply(lambda address: json.dumps({
        "host": address,
        "port": 5432,
        "username": "app",
        "connection_string": f"postgresql://app@{address}:5432/catalog",
    })),
)
repo = aws.ecr.Repository("repo")
aws.ecs.TaskDefinition(
    "task",
    family="catalog",
    container_definitions=pulumi.Output.all(repo.repository_url, db_secret.arn).apply(
        lambda args: json.dumps([{
            "name": "product-catalog",
            "image": f"{args[0]}:latest",
            "secrets": [
                {
                    "name": "DATABASE_URL",
                    "valueFrom": f"{args[1]}:connection_string::"  # ❌ INCORRECT: References entire secret, not specific key
                },
                {"name": "DB_HOST", "valueFrom": f"{args[1]}:host::"},
                {"name": "API_TOKEN", "valueFrom": args[1]},
            ],
        }])
    ),
)
