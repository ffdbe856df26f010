import pulumi
import pulumi_aws as aws

code = pulumi.AssetArchive({"python/lib.py": pulumi.StringAsset("X = 1\n")})

# Each deprecated entry becomes the newest of its language, listed once.
strings = aws.lambda_.LayerVersion(
    "strings",
    layer_name="strings",
    code=code,
    compatible_runtimes=["python3.7", "python3.8", "python3.12"],
)
members = aws.lambda_.LayerVersion(
    "members",
    layer_name="members",
    code=code,
    compatible_runtimes=[
        aws.lambda_.Runtime.PYTHON3D7,
        aws.lambda_.Runtime.PYTHON3D14,
        aws.lambda_.Runtime.NODE_JS16D_X,
    ],
)
# The successor is already listed: the deprecated entry goes.
already = aws.lambda_.LayerVersion(
    "already",
    layer_name="already",
    code=code,
    compatible_runtimes=["python3.14", "python3.8"],
)
args = aws.lambda_.LayerVersionArgs(
    layer_name="args",
    code=code,
    compatible_runtimes=["nodejs14.x"],
)
from_args = aws.lambda_.LayerVersion("from-args", args)
# Go is reported without a fix; the Python entry is fixed.
mixed = aws.lambda_.LayerVersion(
    "mixed",
    layer_name="mixed",
    code=code,
    compatible_runtimes=["go1.x", "python3.8"],
)
