import pulumi_aws as aws

# On a project already on 7 the upgrade rules stay quiet.
policy = aws.iam.ManagedPolicy.AWS_LAMBDA_FULL_ACCESS
