import pulumi
import pulumi_aws as aws

role = aws.iam.Role(
    "role",
    assume_role_policy='{"Version": "2012-10-17", "Statement": []}',
)

# The runtime given in a FunctionArgs object is fixed there.
args = aws.lambda_.FunctionArgs(
    runtime="python3.14",
    handler="index.handler",
    role=role.arn,
    code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c): pass\n")}),
)
fn = aws.lambda_.Function("fn", args)
inline = aws.lambda_.Function(
    "inline",
    args=aws.lambda_.FunctionArgs(
        runtime=aws.lambda_.Runtime.NODE_JS24D_X,
        handler="index.handler",
        role=role.arn,
        code=pulumi.AssetArchive({"index.js": pulumi.StringAsset("exports.handler = async () => {};\n")}),
    ),
)
