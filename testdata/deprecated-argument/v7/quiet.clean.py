"""pulumi-aws 7: `vpc` is gone, not deprecated (unknown-argument's finding)."""
import pulumi_aws as aws

eip = aws.ec2.Eip("nat", vpc=True)
