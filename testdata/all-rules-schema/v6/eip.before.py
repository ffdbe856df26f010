"""All rules, pulumi-aws 6: `vpc=True` is one finding (eip-domain-vpc's), not two."""
import pulumi_aws as aws

eip = aws.ec2.Eip("nat", vpc=True)
args = aws.ec2.EipArgs(vpc=True)
bucket = aws.s3.Bucket("assets", bukcet="assets-prod")
