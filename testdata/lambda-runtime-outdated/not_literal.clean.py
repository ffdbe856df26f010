import pulumi
import pulumi_aws as aws

config = pulumi.Config()
role = aws.iam.Role("role", assume_role_policy="{}")
RUNTIME = "python3.8"
version = "3.8"

# The source does not give the runtime as a literal: its value is not known, nothing is said.
from_config = aws.lambda_.Function("from-config", runtime=config.require("runtime"), handler="index.handler", role=role.arn, code=pulumi.FileArchive("./app"))
from_variable = aws.lambda_.Function("from-variable", runtime=RUNTIME, handler="index.handler", role=role.arn, code=pulumi.FileArchive("./app"))
formatted = aws.lambda_.Function("formatted", runtime=f"python{version}", handler="index.handler", role=role.arn, code=pulumi.FileArchive("./app"))
layer = aws.lambda_.LayerVersion("layer", layer_name="layer", code=pulumi.FileArchive("./layer"), compatible_runtimes=[RUNTIME])
