# No pulumi_aws import: never changed, even when it looks like one.
import aws_helpers as aws

eip = aws.ec2.Eip("eip", vpc=True)
