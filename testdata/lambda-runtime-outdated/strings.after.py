import pulumi
import pulumi_aws as aws

role = aws.iam.Role(
    "role",
    assume_role_policy='{"Version": "2012-10-17", "Statement": []}',
)

# Deprecated runtimes given as strings: the newest of their language, still a string.
py = aws.lambda_.Function(
    "py",
    runtime="python3.14",  # the handler's runtime
    handler="index.handler",
    role=role.arn,
    code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c): pass\n")}),
)
node = aws.lambda_.Function("node", runtime='nodejs24.x', handler="index.handler", role=role.arn, code=pulumi.AssetArchive({"index.js": pulumi.StringAsset("exports.handler = async () => {};\n")}))
java = aws.lambda_.Function("java", runtime="java25", handler="example.Handler", role=role.arn, code=pulumi.FileArchive("./app.jar"))
dotnet = aws.lambda_.Function("dotnet", runtime="dotnet10", handler="App::App.Function::Handler", role=role.arn, code=pulumi.FileArchive("./app.zip"))
ruby = aws.lambda_.Function("ruby", runtime="ruby3.4", handler="function.handler", role=role.arn, code=pulumi.FileArchive("./app.zip"))
# The OS-only runtime on Amazon Linux 1 moves to the current OS.
custom = aws.lambda_.Function("custom", runtime="provided.al2023", handler="bootstrap", role=role.arn, code=pulumi.FileArchive("./app.zip"))
# Go needs a rebuilt binary: reported, not fixed.
go = aws.lambda_.Function("go", runtime="go1.x", handler="main", role=role.arn, code=pulumi.FileArchive("./app.zip"))
# Current: left alone.
current = aws.lambda_.Function("current", runtime="python3.12", handler="index.handler", role=role.arn, code=pulumi.FileArchive("./app.zip"))
