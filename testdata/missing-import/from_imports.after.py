import pulumi_aws as aws
from pulumi import Output
import pulumi

bucket = aws.s3.Bucket("assets")
pulumi.export("arn", Output.concat(bucket.arn, "/*"))
