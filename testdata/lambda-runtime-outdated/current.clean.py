import pulumi
import pulumi_aws as aws

role = aws.iam.Role("role", assume_role_policy="{}")

# Runtimes AWS supports: nothing to report.
fn = aws.lambda_.Function(
    "fn",
    runtime="python3.13",
    handler="index.handler",
    role=role.arn,
    code=pulumi.FileArchive("./app"),
)
node = aws.lambda_.Function("node", runtime=aws.lambda_.Runtime.NODE_JS22D_X, handler="index.handler", role=role.arn, code=pulumi.FileArchive("./app"))
custom = aws.lambda_.Function("custom", runtime="provided.al2023", handler="bootstrap", role=role.arn, code=pulumi.FileArchive("./app"))
layer = aws.lambda_.LayerVersion("layer", layer_name="layer", code=pulumi.FileArchive("./layer"), compatible_runtimes=["python3.12", "python3.13"])
# A container image has no runtime.
image = aws.lambda_.Function("image", package_type="Image", image_uri="123.dkr.ecr.us-east-1.amazonaws.com/app:latest", role=role.arn)
