import pulumi
import pulumi_aws as aws

bucket = aws.s3.Bucket("site")
role = aws.iam.Role("site-writer", assume_role_policy=pulumi.Output.json_dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}))
aws.lambda_.Function(
    "site-writer",
    role=role.arn,
    package_type="Image",
    image_uri="123456789012.dkr.ecr.us-east-1.amazonaws.com/writer:1",
    environment=aws.lambda_.FunctionEnvironmentArgs(variables={"BUCKET": bucket.bucket}),
)
# `Output.json_dumps` resolves outputs in the document: the ARNs are written in place.
aws.iam.RolePolicy(
    "site-writer",
    role=role.id,
    policy=pulumi.Output.json_dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": ["s3:PutObject", "s3:ListBucket"], "Resource": [bucket.arn, bucket.arn.apply(lambda arn: f"{arn}/*")]}],
    }),
)
