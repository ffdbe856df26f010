import json
import pulumi_aws as aws

first = aws.secretsmanager.Secret("first")
second = aws.secretsmanager.Secret("second")

# Two secrets: which one is ambiguous.
aws.iam.Policy("two-secrets", policy=json.dumps({
    "Statement": [{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}],
}))

# A wildcard over actions of several resource types.
aws.iam.Policy("wildcard", policy=json.dumps({
    "Statement": [{"Effect": "Allow", "Action": ["s3:Get*"], "Resource": "*"}],
}))

# Logs have no resource of the program to scope to.
aws.iam.RolePolicy("logs", role="r", policy=json.dumps({
    "Statement": [{"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "*"}],
}))

# The document is held in a variable: its literal may be used where `args` is not defined.
document = {
    "Statement": [{"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": "*"}],
}
aws.iam.Policy("held", policy=json.dumps(document))
