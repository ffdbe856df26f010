"""More safe rewrites of infra-fix upgrade --to 7 (rows 2 and 50), as a pulumi-aws 6 program
writes them: it runs on 6, and after the upgrade on 7, registering the same resources."""
import pulumi
import pulumi_aws as aws
from pulumi_aws.iam import ManagedPolicy

local = aws.Provider(
    "local",
    region="us-east-1",
    endpoints=[{"s3": "http://localhost:4566"}],
)
role = aws.iam.Role("role", assume_role_policy="{}", opts=pulumi.ResourceOptions(provider=local))
lambda_access = aws.iam.RolePolicyAttachment(
    "lambda", role=role.name, policy_arn="arn:aws:iam::aws:policy/AWSLambdaFullAccess"
)
greengrass = aws.iam.RolePolicyAttachment("greengrass", role=role.name, policy_arn=ManagedPolicy.AWS_GREENGRASS_FULL_ACCESS)
server = aws.ec2.Instance("server", ami="ami-0123456789abcdef0", instance_type=aws.ec2.InstanceType.C7A_METAL_48XL)
