import json
import pulumi_aws as aws

first = aws.secretsmanager.Secret("first")
second = aws.secretsmanager.Secret("second")
role = aws.iam.Role("app", assume_role_policy=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}))
aws.lambda_.Function(
    "app",
    role=role.arn,
    package_type="Image",
    image_uri="123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1",
    environment={"variables": {"FIRST": first.arn, "SECOND": second.arn}},
)

# The function reads two secrets: which one the statement means is ambiguous.
aws.iam.RolePolicy("two-secrets", role=role.id, policy=json.dumps({
    "Statement": [{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}],
}))

# A wildcard over actions of several resource types.
aws.iam.RolePolicy("wildcard", role=role.id, policy=json.dumps({
    "Statement": [{"Effect": "Allow", "Action": ["s3:Get*"], "Resource": "*"}],
}))

# Logs have no resource of the program to scope to.
aws.iam.RolePolicy("logs", role=role.id, policy=json.dumps({
    "Statement": [{"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "*"}],
}))

# The document is held in a variable: its literal may be used where `args` is not defined.
document = {
    "Statement": [{"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": "*"}],
}
aws.iam.RolePolicy("held", role=role.id, policy=json.dumps(document))

# A policy on no role of the program: which secret it is for is not known.
aws.iam.Policy("detached", policy=json.dumps({
    "Statement": [{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}],
}))

# A condition on the transport says nothing about which secret: still every secret.
aws.iam.UserPolicy("user", user="deployer", policy=json.dumps({
    "Statement": [{
        "Effect": "Allow",
        "Action": "secretsmanager:GetSecretValue",
        "Resource": "*",
        "Condition": {"Bool": {"aws:SecureTransport": "true"}},
    }],
}))
