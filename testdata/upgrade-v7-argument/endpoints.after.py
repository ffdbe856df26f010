import pulumi_aws as aws

provider = aws.Provider(
    "custom",
    region="us-east-1",
    endpoints=[
        {
            "s3": "http://localhost:4566",
        }
    ],
)
inline = aws.Provider("inline", endpoints=[{"sqs": "http://localhost:4566"}])
endpoint = aws.ProviderEndpointArgs(sns="http://localhost:4566")
