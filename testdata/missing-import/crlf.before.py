import pulumi
bucket = aws.s3.Bucket("assets")
