import pulumi_aws as aws

eip = aws.ec2.Eip("nat", domain="vpc")
site = aws.s3.Bucket("site", logging={"target_bucket": "logs"})
