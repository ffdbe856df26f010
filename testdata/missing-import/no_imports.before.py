# A program written without a single import.

bucket = aws.s3.Bucket("assets")
queue = pulumi_aws.sqs.Queue("jobs")
pulumi.export("bucket", bucket.id)
