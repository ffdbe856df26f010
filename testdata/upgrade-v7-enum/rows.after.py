import pulumi_aws as aws
from pulumi_aws.iam import ManagedPolicy
from pulumi_aws import ec2

role = aws.iam.Role("role", assume_role_policy="{}")
lambda_access = aws.iam.RolePolicyAttachment(
    "lambda", role=role.name, policy_arn="arn:aws:iam::aws:policy/AWSLambdaFullAccess"
)
greengrass = aws.iam.RolePolicyAttachment("greengrass", role=role.name, policy_arn=ManagedPolicy.AWS_GREENGRASS_FULL_ACCESS)
kept = aws.iam.RolePolicyAttachment("kept", role=role.name, policy_arn=ManagedPolicy.AMAZON_S3_READ_ONLY_ACCESS)
server = ec2.Instance("server", ami="ami-0123456789abcdef0", instance_type=ec2.InstanceType.C7A_METAL_48XL)
# Not pulumi-aws's enum: left alone.
class InstanceType:
    C7A_METAL = "mine"
mine = InstanceType.C7A_METAL
