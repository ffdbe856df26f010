"""Names pulumi-aws 7 has, and names that are not pulumi_aws's: nothing to report."""
import pulumi
import pulumi_aws as aws
from pulumi_aws import cloudwatch, config, ec2, get_caller_identity, lambda_
from pulumi_aws.lambda_ import Runtime

logs = ["app", "audit"]
groups = [cloudwatch.LogGroup(name, retention_in_days=14) for name in logs]
runtime = aws.lambda_.Runtime.PYTHON3D12
other = Runtime.NODE_JS20D_X.value
sizes = [aws.ec2.InstanceType.T3_MICRO, ec2.InstanceType("t3.small")]
subnets = aws.ec2.get_subnets_output(filters=[{"name": "vpc-id", "values": ["vpc-1"]}])
args: aws.s3.BucketArgsDict = {"bucket": "assets"}
lifecycle: aws.s3.BucketLifecycleConfigurationRuleArgs | None = None
region = config.region or aws.config.region
caller = get_caller_identity()
arn = aws.arn_parse(arn="arn:aws:s3:::assets")
function: lambda_.Function | None = None
pulumi.export("subnets", subnets.ids)
