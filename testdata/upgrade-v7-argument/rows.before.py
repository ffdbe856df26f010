"""Every argument rewrite of pulumi-aws 6 -> 7, as a v6 program writes it."""
import pulumi
import pulumi_aws as aws
from pulumi_aws import batch, ec2

provider = aws.Provider(
    "assumed",
    region="us-east-1",
    assume_role={"role_arn": "arn:aws:iam::123456789012:role/deploy", "session_name": "ci"},
)
logs = aws.s3.Bucket("logs")
site = aws.s3.Bucket(
    "site",
    loggings=[{
        "target_bucket": logs.id,
        "target_prefix": "site/",
    }],  # access logs
)
quiet = aws.s3.Bucket("quiet", loggings=[])
spot = batch.ComputeEnvironment("spot", compute_environment_name="spot", type="MANAGED")
ondemand = batch.ComputeEnvironment(
    "ondemand", compute_environment_name_prefix="od-", type="MANAGED"
)
queue = batch.JobQueue(
    "jobs",
    priority=1,
    state="ENABLED",
    compute_environments=[
        spot.arn,  # cheapest first
        ondemand.arn,
    ],
)
stack_instance = aws.cloudformation.StackSetInstance(
    "instance", stack_set_name="set", region="eu-west-1"
)
authorization = aws.cfg.AggregateAuthorization(
    "auth", account_id="123456789012", region="eu-west-1"
)
template = aws.servicequotas.Template(
    "quota", quota_code="L-1", service_code="ec2", value="10", region="us-east-1"
)
headers = aws.cloudfront.ResponseHeadersPolicy("headers", etag="E1", comment="c")
association = aws.directconnect.GatewayAssociation(
    "dx", dx_gateway_id="dx-1", vpn_gateway_id="vgw-1"
)
task = aws.ecs.TaskDefinition(
    "task",
    family="app",
    container_definitions="[]",
    inference_accelerators=[{"device_name": "d", "device_type": "eia1.medium"}],
)
eip = ec2.Eip("nat", vpc=True)
eip_args = ec2.Eip("nat2", args=ec2.EipArgs(vpc=True))
server = ec2.Instance(
    "server",
    ami="ami-0123456789abcdef0",
    instance_type="c5.xlarge",
    cpu_core_count=2,
    cpu_threads_per_core=1,
)
spot_request = ec2.SpotInstanceRequest(
    "spot-request",
    ami="ami-0123456789abcdef0",
    instance_type="c5.xlarge",
    cpu_threads_per_core=1,
    block_duration_minutes=60,
)
launch = ec2.LaunchTemplate(
    "launch",
    elastic_gpu_specifications=[{"type": "eg1.medium"}],
    elastic_inference_accelerator={"type": "eia1.medium"},
    image_id="ami-0123456789abcdef0",
)
core = aws.networkmanager.CoreNetwork("core", global_network_id="gn-1", base_policy_region="us-east-1")
notebook = aws.sagemaker.NotebookInstance(
    "notebook", role_arn="arn:aws:iam::123456789012:role/sm", instance_type="ml.t2.medium",
    accelerator_types=["ml.eia1.medium"],
)
# Row 8: the bucket's own region is `bucket_region` on 7, where `region` is the provider's.
site_region = site.region
pulumi.export("logs_region", logs.region)
elsewhere = aws.s3.BucketV2("elsewhere")
pulumi.export("elsewhere_region", elsewhere.region)
def region_of(bucket):
    return bucket.region  # not certainly a Bucket: left alone
reassigned = aws.s3.Bucket("first")
reassigned = aws.s3.Bucket("second")
pulumi.export("reassigned_region", reassigned.region)  # two assignments: left alone
# Row 45: `encrypted` was a bool on 6 and is a string on 7.
encrypted = aws.redshift.Cluster("encrypted", cluster_identifier="e", node_type="ra3.xlplus", encrypted=True)
plain = aws.redshift.Cluster(
    "plain", args=aws.redshift.ClusterArgs(cluster_identifier="p", node_type="ra3.xlplus", encrypted=False)
)
already = aws.redshift.Cluster("already", cluster_identifier="a", node_type="ra3.xlplus", encrypted="true")  # 7's type
# Not in the guide (the wheels' signatures): `peer_asn` was a number on 6 and is a string on 7.
peer = aws.networkmanager.ConnectPeer(
    "peer", connect_attachment_id="a-1", peer_address="10.0.0.1", bgp_options={"peer_asn": 65000}
)
camel_peer = aws.networkmanager.ConnectPeer(
    "camel", connect_attachment_id="a-1", peer_address="10.0.0.2", bgp_options={"peerAsn": 65001}
)
args_peer = aws.networkmanager.ConnectPeer(
    "args",
    connect_attachment_id="a-1",
    peer_address="10.0.0.3",
    bgp_options=aws.networkmanager.ConnectPeerBgpOptionsArgs(peer_asn=65002),
)
