"""pulumi-aws 7: nothing to report."""
import pulumi
import pulumi_aws as aws

common = {"tags": {"team": "web"}, "bukcet": "maybe"}
service = aws.ecs.Service("svc", cluster="c", **common)
bucket = aws.s3.Bucket("assets", bucket="assets-prod", opts=pulumi.ResourceOptions(protect=True))
eip = aws.ec2.Eip("nat", domain="vpc")
args_form = aws.ec2.Eip("nat2", args=aws.ec2.EipArgs(domain="vpc"))
provider = aws.Provider("east", region="us-east-1")
zones = aws.get_availability_zones(state="available")
existing = aws.ec2.Vpc.get("existing", "vpc-123", cidr_block="10.0.0.0/16")
instance_type = aws.ec2.InstanceType("t3.micro")
output_type = aws.ec2.outputs.InstanceEbsBlockDevice(device_name="/dev/sdf")
by_file = aws.ec2.eip.Eip("by-file", domain="vpc")
not_aws = dict(bukcet="x")
