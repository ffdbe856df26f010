"""Outputs used as plain values where a resource input takes them: fixed."""
import json

import pulumi
import pulumi_aws as aws

bucket = aws.s3.Bucket("assets")
role = aws.iam.Role(
    "app",
    assume_role_policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
    }),
)

# A policy document built with json.dumps around the bucket's ARN: a TypeError.
policy = aws.iam.Policy(
    "read-assets",
    policy=pulumi.Output.json_dumps({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["s3:GetObject"],
            # Objects of the bucket.
            "Resource": [bucket.arn, pulumi.Output.format("{}/*", bucket.arn)],
        }],
    }),
)

# Through a local used only as an input.
prefix = pulumi.Output.concat("arn:aws:s3:::", bucket.bucket, "/logs/*")
logs_policy = aws.iam.RolePolicy("logs", role=role.id, policy=pulumi.Output.json_dumps({"Statement": [{"Effect": "Allow", "Action": "s3:PutObject", "Resource": prefix}]}))

arn = role.arn
aws.s3.BucketObject("marker", bucket=bucket.id, key=pulumi.Output.format("roles/{}.txt", role.name), content=arn.apply(str))
aws.ssm.Parameter("bucket-name", type="String", value=pulumi.Output.format("{}:{}", bucket.bucket, 443), tags={"Name": pulumi.Output.format("{}-param", bucket.id)})

pulumi.export(
    "url",
    pulumi.Output.format("https://{}/index.html", bucket.bucket_domain_name),
)
