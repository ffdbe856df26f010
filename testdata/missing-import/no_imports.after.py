# A program written without a single import.

import pulumi_aws as aws
import pulumi_aws
import pulumi

bucket = aws.s3.Bucket("assets")
queue = pulumi_aws.sqs.Queue("jobs")
pulumi.export("bucket", bucket.id)
