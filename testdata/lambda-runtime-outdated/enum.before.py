import pulumi
import pulumi_aws as aws
from pulumi_aws import lambda_
from pulumi_aws.lambda_ import Runtime

role = aws.iam.Role(
    "role",
    assume_role_policy='{"Version": "2012-10-17", "Statement": []}',
)

# Deprecated runtimes given as enum members: the newest member of their language.
through_package = aws.lambda_.Function(
    "through-package",
    runtime=aws.lambda_.Runtime.PYTHON3D8,
    handler="index.handler",
    role=role.arn,
    code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c): pass\n")}),
)
through_module = lambda_.Function(
    "through-module",
    runtime=lambda_.Runtime.NODE_JS16D_X,
    handler="index.handler",
    role=role.arn,
    code=pulumi.AssetArchive({"index.js": pulumi.StringAsset("exports.handler = async () => {};\n")}),
)
imported_enum = aws.lambda_.Function(
    "imported-enum",
    runtime=Runtime.DOTNET6,
    handler="App::App.Function::Handler",
    role=role.arn,
    code=pulumi.AssetArchive({"App.dll": pulumi.StringAsset("")}),
)
current = aws.lambda_.Function(
    "current",
    runtime=aws.lambda_.Runtime.PYTHON3D12,
    handler="index.handler",
    role=role.arn,
    code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c): pass\n")}),
)
