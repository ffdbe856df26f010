"""pulumi-aws 6: `vpc` on an Eip is accepted (deprecated-argument's and eip-domain-vpc's business)."""
import pulumi_aws as aws

eip = aws.ec2.Eip("nat", vpc=True)
bucket = aws.s3.Bucket("assets", bucket="assets-prod", acl="private")
