import pulumi
import pulumi_aws as aws
from pulumi_aws import get_region

region = aws.get_region().region
named = get_region(region="us-east-1")
later = aws.get_region_output(region="us-east-1").region
batch_env = aws.batch.get_compute_environment(name="spot")
accelerator = aws.globalaccelerator.get_accelerator(name="edge")
templates = aws.servicequotas.get_templates(aws_region="us-east-1")
pulumi.export("region", region)
bucket_region = aws.s3.get_bucket(bucket="logs").bucket_region
later_region = aws.s3.get_bucket_output(bucket="logs").bucket_region
bucket = aws.s3.get_bucket(bucket="logs")
website = bucket.website_endpoint
admins = aws.identitystore.get_group(
    identity_store_id="d-1",
    alternate_identifier={"unique_attribute": {"attribute_path": "DisplayName", "attribute_value": "admins"}},
)
alice = aws.identitystore.get_user_output(identity_store_id="d-1", alternate_identifier={"unique_attribute": {"attribute_path": "UserName", "attribute_value": "alice"}})
by_args = aws.identitystore.get_group(identity_store_id="d-1", filter=aws.identitystore.GetGroupFilterArgs(attribute_path="DisplayName", attribute_value="ops"))
data_set = aws.quicksight.get_data_set(data_set_id="sales")
discovered = aws.servicediscovery.get_service(name="api", namespace_id="ns-1")
