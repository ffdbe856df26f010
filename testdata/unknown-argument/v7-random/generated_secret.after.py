import pulumi
import pulumi_aws as aws
import pulumi_random
import json

# CloudFormation's GenerateSecretString: Secrets Manager generates no value in pulumi-aws.
api_key = aws.secretsmanager.Secret(
    "api-key",
    description="Key of the partner API",
)
api_key_password = pulumi_random.RandomPassword(
    "api-key-password",
    length=40,
    special=False,
    min_lower=1,
    min_upper=1,
    min_numeric=1,
)
api_key_version = aws.secretsmanager.SecretVersion(
    "api-key-version",
    secret_id=api_key.id,
    secret_string=api_key_password.result,
)
db_credentials = aws.secretsmanager.Secret(
    "db-credentials",
)
db_credentials_password = pulumi_random.RandomPassword(
    "db-credentials-password",
    length=32,
    upper=False,
    min_lower=1,
    min_numeric=1,
    min_special=1,
)
db_credentials_version = aws.secretsmanager.SecretVersion(
    "db-credentials-version",
    secret_id=db_credentials.id,
    secret_string=pulumi.Output.json_dumps(
        {
            **json.loads('{"username": "app"}'),
            "password": db_credentials_password.result,
        },
    ),
)
pulumi.export("api_key_arn", api_key.arn)
