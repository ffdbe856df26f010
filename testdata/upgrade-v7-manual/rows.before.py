import pulumi
import pulumi_aws as aws
from pulumi_aws import opsworks

api = aws.apigateway.RestApi("api")
deployment = aws.apigateway.Deployment(
    "api",
    rest_api=api.id,
    stage_name="prod",  # the live stage
    stage_description="production",
)
aws.apigateway.Deployment("canary", rest_api=api.id, canary_settings={"percent_traffic": 10})

stack = opsworks.Stack("legacy", region="us-east-1", service_role_arn="arn:x", default_instance_profile_arn="arn:y")
domain = aws.simpledb.Domain("users")
account = aws.redshift.get_service_account()

ami = aws.ec2.get_ami(
    most_recent=True,
    filters=[{"name": "name", "values": ["al2023-ami-*"]}],
)
ami_output = aws.ec2.get_ami_output(most_recent=True, name_regex="^ubuntu")
# 6 programs passed an empty name to have no stage made.
bare = aws.apigateway.Deployment("bare", rest_api=api.id, stage_name="")
