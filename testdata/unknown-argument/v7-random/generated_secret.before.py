import pulumi
import pulumi_aws as aws

# CloudFormation's GenerateSecretString: Secrets Manager generates no value in pulumi-aws.
api_key = aws.secretsmanager.Secret(
    "api-key",
    description="Key of the partner API",
    generate_secret_string={"password_length": 40, "exclude_punctuation": True},
)
db_credentials = aws.secretsmanager.Secret(
    "db-credentials",
    generate_secret_string={
        "SecretStringTemplate": '{"username": "app"}',
        "GenerateStringKey": "password",
        "ExcludeUppercase": True,
    },
)
pulumi.export("api_key_arn", api_key.arn)
