"""A static site bucket."""
import pulumi
import pulumi_aws as aws
import json

bucket = aws.s3.Bucket("assets", force_destroy=True)
policy = json.dumps({"Version": "2012-10-17", "Statement": []})
identity = aws.get_caller_identity()
pulumi.export("bucket", bucket.id)
