"""Never imports pulumi_aws: never changed."""
import boto3

ecs = boto3.client("ecs")
ecs.Service("x", cluster="c")
