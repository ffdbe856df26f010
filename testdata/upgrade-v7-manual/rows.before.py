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
# Read off the deployment: 7 has these outputs on the Stage only.
pulumi.export("url", deployment.invoke_url)
pulumi.export("arn", deployment.execution_arn.apply(lambda arn: f"{arn}/*"))
pulumi.export("deployment", deployment.id)

s3_source = aws.dms.Endpoint(
    "source",
    endpoint_id="s3-source",
    endpoint_type="source",
    engine_name="s3",
    s3_settings={"bucket_name": "raw", "service_access_role_arn": "arn:aws:iam::123456789012:role/dms"},
)
warehouse = aws.redshift.Cluster(
    "warehouse",
    cluster_identifier="warehouse",
    node_type="dc2.large",
    logging={"enable": True, "bucket_name": "logs"},
    snapshot_copy={"destination_region": "us-west-2"},
)
cluster = aws.eks.Cluster("eks", role_arn="arn:aws:iam::123456789012:role/eks", vpc_config={"subnet_ids": ["subnet-1"]}, default_addons_to_removes=["vpc-cni"])
detector = aws.guardduty.Detector("detector", datasources={"s3_logs": {"enable": True}})
pipeline = aws.elastictranscoder.Pipeline("transcode", input_bucket="in", role="arn:aws:iam::123456789012:role/et")
store = aws.mediastore.Container("media")
addon = aws.eks.Addon("cni", cluster_name="eks", addon_name="vpc-cni", resolve_conflicts="OVERWRITE")
flow_logs = aws.cloudwatch.LogGroup("flow-logs")
flow = aws.ec2.FlowLog("flow", vpc_id="vpc-1", traffic_type="ALL", log_group_name=flow_logs.name, iam_role_arn="arn:aws:iam::123456789012:role/flow")
org = aws.guardduty.OrganizationConfiguration("org", detector_id=detector.id, auto_enable=True)
search = aws.opensearch.Domain("search")
pulumi.export("kibana", search.kibana_endpoint)
pulumi.export("dashboards", search.dashboard_endpoint)
pulumi.export("found", aws.opensearch.get_domain(domain_name="search").kibana_endpoint)
pulumi.export("accelerators", aws.ecs.get_task_definition(task_definition="app").inference_accelerators)
template = aws.ec2.get_launch_template(name="web")
pulumi.export("gpus", aws.ec2.get_launch_template_output(name="web").elastic_gpu_specifications)
security = aws.opensearch.get_serverless_security_config(id="saml/123456789012/idp")
pulumi.export("idp", security.saml_options)
pulumi.export("metadata", aws.opensearch.get_serverless_security_config_output(id="saml/123456789012/idp").saml_options.metadata)
payment_key = aws.paymentcryptography.Key("key", exportable=True, key_attributes={"key_algorithm": "TDES_3KEY", "key_class": "SYMMETRIC_KEY", "key_usage": "TR31_P0_PIN_ENCRYPTION_KEY", "key_modes_of_use": {"encrypt": True}})
pulumi.export("algorithm", payment_key.key_attributes.key_algorithm)
profile = aws.appflow.ConnectorProfile("profile", connection_mode="Public", connector_type="Redshift", opts=pulumi.ResourceOptions(import_="arn:aws:appflow:us-west-2:123456789012:connectorprofile/profile"))
version = aws.sagemaker.ImageVersion("version", image_name="image", base_image="012345678912.dkr.ecr.us-west-2.amazonaws.com/image:latest", opts=pulumi.ResourceOptions(protect=True, import_="image"))
site = aws.s3.Bucket("site", website={
    "index_document": "index.html",
    "routing_rules": [{"Condition": {"KeyPrefixEquals": "docs/"}, "Redirect": {"ReplaceKeyPrefixWith": "documents/"}}],
})
site_args = aws.s3.BucketWebsiteArgs(index_document="index.html", routing_rules=[RULE])
