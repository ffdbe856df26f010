import pulumi_aws as aws
import pulumi

bucket = aws.s3.Bucket("assets")
aws.s3.BucketObject("index", bucket=bucket.id, key="index.html", content=pulumi.Output.format("<h1>{}</h1>", bucket.bucket))
