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
