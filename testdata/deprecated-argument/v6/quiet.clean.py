"""pulumi-aws 6: nothing deprecated, or hidden behind **kwargs."""
import pulumi_aws as aws

common = {"vpc": True}
eip = aws.ec2.Eip("nat", domain="vpc")
spread = aws.ec2.Eip("spread", **common)
