# infra-fix: ignore-file
import pulumi_aws as aws

svc = aws.ecs.Service("svc", cluster="arn:aws:ecs:us-east-1:123456789012:cluster/main")
