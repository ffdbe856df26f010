"""pulumi-aws 7: removed arguments, typos and Terraform names."""
import pulumi
import pulumi_aws as aws
from pulumi_aws import apigateway, sns
from pulumi_aws.ec2 import Eip

bucket = aws.s3.Bucket("assets", bucket="assets-prod", tags={"team": "web"})

# Removed in 7: the same fix as eip-domain-vpc, which does not run here.
nat = Eip("nat", domain="vpc")
nat_args = aws.ec2.EipArgs(domain="vpc")
classic = aws.ec2.Eip("classic", vpc=False)

api = apigateway.RestApi("api")
items = apigateway.Resource(
    "items",
    rest_api=api.id,
    parent_id=api.root_resource_id,
    path_part="items",
)
alerts = sns.Topic("alerts")
subscription = sns.TopicSubscription("ops", topic=alerts.arn, protocol="email", endpoint="ops@example.com")
alarm = aws.cloudwatch.MetricAlarm(
    "cpu",
    name="cpu-high",
    comparison_operator="GreaterThanThreshold",
    evaluation_periods=2,
)

# A list-typed argument: a single value is wrapped; a list stays as it is.
pipeline = aws.codepipeline.Pipeline(
    "deploy",
    role_arn="arn:aws:iam::123456789012:role/pipeline",
    artifact_stores=[aws.codepipeline.PipelineArtifactStoreArgs(location="bucket", type="S3")],
    stages=[],
)
pipeline2 = aws.codepipeline.Pipeline(
    "deploy2",
    role_arn="arn:aws:iam::123456789012:role/pipeline",
    artifact_stores=[aws.codepipeline.PipelineArtifactStoreArgs(location="bucket", type="S3")],
    stages=[],
)

# No candidate near enough, and a value whose shape does not fit: reported, not fixed.
group = aws.ec2.SecurityGroup("web", colour="blue")
described = aws.ec2.SecurityGroup("db", descriptions=["database"])
ingress = aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=443, to_port=443, cidr_blocks=["0.0.0.0/0"])
