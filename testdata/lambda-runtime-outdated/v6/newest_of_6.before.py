import pulumi
import pulumi_aws as aws

role = aws.iam.Role(
    "role",
    assume_role_policy='{"Version": "2012-10-17", "Statement": []}',
)

# On pulumi-aws 6 the newest runtimes its enum has are older than 7's.
py = aws.lambda_.Function(
    "py",
    runtime=aws.lambda_.Runtime.PYTHON3D8,
    handler="index.handler",
    role=role.arn,
    code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c): pass\n")}),
)
node = aws.lambda_.Function(
    "node",
    runtime="nodejs16.x",
    handler="index.handler",
    role=role.arn,
    code=pulumi.AssetArchive({"index.js": pulumi.StringAsset("exports.handler = async () => {};\n")}),
)
layer = aws.lambda_.LayerVersion(
    "layer",
    layer_name="layer",
    code=pulumi.AssetArchive({"python/lib.py": pulumi.StringAsset("X = 1\n")}),
    compatible_runtimes=["python3.8", "java8", "dotnet6", "ruby2.7"],
)
