import json

import pulumi
import pulumi_aws as aws

bucket = aws.s3.BucketV2("site")
# Building values, not resources, in a callback is what apply is for.
policy = bucket.arn.apply(lambda arn: json.dumps({"Resource": f"{arn}/*"}))
args = bucket.id.apply(lambda i: aws.s3.BucketVersioningV2VersioningConfigurationArgs(status="Enabled"))
