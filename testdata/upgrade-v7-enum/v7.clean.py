import pulumi_aws as aws

size = aws.ec2.InstanceType.C7A_METAL_48XL
policy = aws.iam.ManagedPolicy.AWS_GREENGRASS_FULL_ACCESS
