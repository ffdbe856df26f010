import pulumi_aws as aws

bucket = aws.s3.Bucket("assets")
aws.s3.BucketObject("index", bucket=bucket.id, key="index.html", content=f"<h1>{bucket.bucket}</h1>")
