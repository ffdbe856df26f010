"""Types, functions and enum members that pulumi-aws 7 does not have (no dependency file: the newest major)."""
import pulumi
import pulumi_aws as aws
from pulumi_aws import lambda_

role = aws.iam.Role(
    "fn",
    assume_role_policy='{"Version": "2012-10-17", "Statement": []}',
)
# The enum's members spell the dot of "python3.10" as D.
fn = aws.lambda_.Function(
    "fn",
    runtime=aws.lambda_.Runtime.PYTHON3_10,
    handler="index.handler",
    role=role.arn,
    code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c): return 1")}),
)
worker = lambda_.Function(
    "worker",
    runtime=lambda_.Runtime.NODEJS20_X,
    handler="index.handler",
    role=role.arn,
    code=pulumi.AssetArchive({"index.js": pulumi.StringAsset("exports.handler = async () => 1;")}),
)

# A data source pulumi-aws removed: `get_subnets` with a `vpc-id` filter reads the same subnets.
subnets = aws.ec2.get_subnet_ids(vpc_id="vpc-0123456789abcdef0")
pulumi.export("subnet_ids", subnets.ids)
# Through a module imported by name: only the function's name changes.
from pulumi_aws import ec2
private = ec2.get_subnet_ids_output(vpc_id="vpc-0123456789abcdef0", tags={"tier": "private"})

# A class of a module pulumi-aws spells otherwise, looked up rather than constructed.
existing = aws.logs.LogGroup.get("existing", "/aws/lambda/existing")
pulumi.export("existing_log_group", existing.name)

# Known names: left alone.
pulumi.export("runtime", aws.lambda_.Runtime.PYTHON3D12.value)
caller = aws.get_caller_identity()
region = aws.config.region
