import pulumi_aws as aws

# CRLF line endings survive.
repo = aws.ecr.Repository(
    "crlf",
    name="crlf",  # windows
)
inline = aws.ecr.Repository("inline")
