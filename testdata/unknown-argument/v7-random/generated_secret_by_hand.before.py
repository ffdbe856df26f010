import pulumi_aws as aws

# `RandomPassword` cannot leave out chosen characters.
token = aws.secretsmanager.Secret(
    "token", generate_secret_string={"password_length": 30, "exclude_characters": "\"@/\\"}
)
