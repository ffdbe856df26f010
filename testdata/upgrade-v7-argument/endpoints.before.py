import pulumi_aws as aws

provider = aws.Provider(
    "custom",
    region="us-east-1",
    endpoints=[
        {
            "s3": "http://localhost:4566",
            "opsworks": "http://localhost:4566",
            "sdb": "http://localhost:4566",
        }
    ],
)
inline = aws.Provider("inline", endpoints=[{"simpledb": "http://localhost:4566", "sqs": "http://localhost:4566"}])
endpoint = aws.ProviderEndpointArgs(worklink="http://localhost:4566", sns="http://localhost:4566")
