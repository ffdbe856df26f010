import pulumi_aws as aws
from pulumi import Output

bucket = aws.s3.Bucket("assets")
pulumi.export("arn", Output.concat(bucket.arn, "/*"))
