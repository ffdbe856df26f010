"""Names that are not unknown resources."""
import pulumi
import pulumi_aws as aws
from pulumi_aws import ec2

common = {"retention_in_days": 14}
spread = aws.logs.LogGroup("app", **common)
provider = aws.Provider("east", region="us-east-1")
zones = aws.get_availability_zones(state="available")
ami = aws.ec2.get_ami(most_recent=True, owners=["amazon"])
existing = aws.ec2.Vpc.get("existing", "vpc-123")
instance_type = aws.ec2.InstanceType("t3.micro")
runtime = aws.lambda_.Runtime("python3.12")
ingress = ec2.SecurityGroupIngressArgsDict(protocol="tcp", from_port=443, to_port=443)
result = aws.ec2.GetAmiResult()
output_type = aws.ec2.outputs.InstanceEbsBlockDevice(device_name="/dev/sdf")
by_file = aws.ec2.eip.Eip("by-file", domain="vpc")
unknown_module = aws.nosuchservice.Widget("w")
group = aws.cloudwatch.LogGroup("ok", retention_in_days=14)
