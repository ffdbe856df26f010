"""All rules, pulumi-aws 7: `vpc=True` is one finding (eip-domain-vpc's), not two."""
import pulumi_aws as aws

eip = aws.ec2.Eip("nat", domain="vpc")
args = aws.ec2.EipArgs(domain="vpc")
bucket = aws.s3.Bucket("assets", bucket="assets-prod")
