import pulumi_aws as aws

# CRLF line endings survive.
eip = aws.ec2.Eip(
    "crlf",
    domain="vpc",
)
