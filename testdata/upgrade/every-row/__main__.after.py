"""Every rewrite of infra-fix upgrade --to 7, as a pulumi-aws 6 program writes it: it runs on 6,
and after the upgrade on 7, registering the same resources."""
import pulumi
import pulumi_aws as aws
from pulumi_aws import batch, ec2

provider = aws.Provider(
    "assumed",
    region="us-east-1",
    assume_roles=[{"role_arn": "arn:aws:iam::123456789012:role/deploy", "session_name": "ci"}],
)
logs = aws.s3.Bucket("logs")
site = aws.s3.Bucket(
    "site",
    logging={
        "target_bucket": logs.id,
        "target_prefix": "site/",
    },  # access logs
)
quiet = aws.s3.Bucket("quiet")
spot = batch.ComputeEnvironment("spot", name="spot", type="MANAGED")
ondemand = batch.ComputeEnvironment(
    "ondemand", name_prefix="od-", type="MANAGED"
)
queue = batch.JobQueue(
    "jobs",
    priority=1,
    state="ENABLED",
    compute_environment_orders=[
        {"compute_environment": spot.arn, "order": 0},  # cheapest first
        {"compute_environment": ondemand.arn, "order": 1},
    ],
)
stack_instance = aws.cloudformation.StackSetInstance(
    "instance", stack_set_name="set", stack_set_instance_region="eu-west-1"
)
authorization = aws.cfg.AggregateAuthorization(
    "auth", account_id="123456789012", authorized_aws_region="eu-west-1"
)
template = aws.servicequotas.Template(
    "quota", quota_code="L-1", service_code="ec2", value="10", aws_region="us-east-1"
)
headers = aws.cloudfront.ResponseHeadersPolicy("headers", comment="c")
# Row 45: outputs 6 took as arguments.
warehouse = aws.redshift.Cluster(
    "warehouse", cluster_identifier="warehouse", node_type="ra3.xlplus", master_username="admin",
    master_password="Passw0rd-x1", publicly_accessible=False, encrypted="true",
)
association = aws.directconnect.GatewayAssociation(
    "dx", dx_gateway_id="dx-1", associated_gateway_id="vgw-1"
)
task = aws.ecs.TaskDefinition(
    "task",
    family="app",
    container_definitions="[]",
)
eip = ec2.Eip("nat", domain="vpc")
eip_args = ec2.Eip("nat2", args=ec2.EipArgs(domain="vpc"))
server = ec2.Instance(
    "server",
    ami="ami-0123456789abcdef0",
    instance_type="c5.xlarge",
    cpu_options={"core_count": 2, "threads_per_core": 1},
)
spot_request = ec2.SpotInstanceRequest(
    "spot-request",
    ami="ami-0123456789abcdef0",
    instance_type="c5.xlarge",
    cpu_options={"threads_per_core": 1},
)
launch = ec2.LaunchTemplate(
    "launch",
    image_id="ami-0123456789abcdef0",
)
core = aws.networkmanager.CoreNetwork("core", global_network_id="gn-1", base_policy_regions=["us-east-1"])
notebook = aws.sagemaker.NotebookInstance(
    "notebook", role_arn="arn:aws:iam::123456789012:role/sm", instance_type="ml.t2.medium",
)
# Not in the guide (the wheels' signatures): `peer_asn` is a string on 7.
peer = aws.networkmanager.ConnectPeer(
    "peer", connect_attachment_id="a-1", peer_address="10.0.0.1", bgp_options={"peer_asn": "65000"}
)
args_peer = aws.networkmanager.ConnectPeer(
    "args-peer",
    connect_attachment_id="a-1",
    peer_address="10.0.0.2",
    bgp_options=aws.networkmanager.ConnectPeerBgpOptionsArgs(peer_asn="4200000000"),
)
api = aws.apigateway.RestApi("api")
# 6 programs passed an empty stage name to have no stage made; 7 makes none without it.
deployment = aws.apigateway.Deployment("deployment", rest_api=api.id)
region = aws.get_region().region
named = aws.get_region(region="us-east-1")
later = aws.get_region_output(region="us-east-1").region
batch_env = aws.batch.get_compute_environment(name="spot")
accelerator = aws.globalaccelerator.get_accelerator(name="edge")
templates = aws.servicequotas.get_templates(aws_region="us-east-1")
bucket_region = aws.s3.get_bucket(bucket="logs").bucket_region
admins = aws.identitystore.get_group(
    identity_store_id="d-1", alternate_identifier={"unique_attribute": {"attribute_path": "DisplayName", "attribute_value": "admins"}}
)
data_set = aws.quicksight.get_data_set(data_set_id="sales")
pulumi.export("region", region)
pulumi.export("logs_region", logs.bucket_region)
pulumi.export("bucket_region", bucket_region)
pulumi.export("later", later)
