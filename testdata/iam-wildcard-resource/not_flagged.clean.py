import json
import pulumi_aws as aws

secret = aws.secretsmanager.Secret("only")

# AWS requires "*" for every one of these actions.
aws.iam.Policy("telemetry", policy=json.dumps({
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": "xray:PutTraceSegments", "Resource": "*"},
        {"Effect": "Allow", "Action": ["ecr:GetAuthorizationToken"], "Resource": "*"},
        {"Effect": "Allow", "Action": ["cloudwatch:PutMetricData"], "Resource": ["*"]},
        {"Effect": "Allow", "Action": ["ec2:Describe*", "sts:GetCallerIdentity"], "Resource": "*"},
    ],
}))

# Resources these actions may name but need not (none required): "*" is the correct grant.
aws.iam.Policy("reports", policy=json.dumps({
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": ["translate:TranslateText", "ce:GetCostAndUsage"], "Resource": "*"},
        {"Effect": "Allow", "Action": "rds:DescribeDB*", "Resource": "*"},
        {"Effect": "Allow", "Action": ["rds:DescribeDBInstances", "rds:DescribeDBClusters"], "Resource": ["*"]},
    ],
}))

# A condition on the resource (its tag, its name) narrows the grant already.
aws.iam.Policy("tagged", policy=json.dumps({
    "Statement": [{
        "Effect": "Allow",
        "Action": "secretsmanager:GetSecretValue",
        "Resource": "*",
        "Condition": {"StringEquals": {"aws:ResourceTag/app": "catalog"}},
    }],
}))
aws.iam.Policy("named", policy=json.dumps({
    "Statement": [{
        "Effect": "Allow",
        "Action": "secretsmanager:GetSecretValue",
        "Resource": "*",
        "Condition": {
            "Bool": {"aws:SecureTransport": "true"},
            "StringLike": {"secretsmanager:SecretId": "catalog/*"},
        },
    }],
}))

# Deny on "*" is a guard rail, not a grant.
aws.iam.Policy("guard", policy=json.dumps({
    "Statement": [{"Effect": "Deny", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}],
}))

# Already scoped; a resource policy with a principal; values that are not literals.
aws.iam.Policy("scoped", policy=secret.arn.apply(lambda arn: json.dumps({
    "Statement": [{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": arn}],
})))
aws.s3.BucketPolicy("public", bucket="b", policy=json.dumps({
    "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}],
}))
aws.iam.Policy("dynamic", policy=json.dumps({
    "Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}],
}))
