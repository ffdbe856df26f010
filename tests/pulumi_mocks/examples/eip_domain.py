# The pulumi-aws 7 form of eip_vpc_true.py: must pass, inputs show domain="vpc".
import pulumi
import pulumi_aws as aws

eip = aws.ec2.Eip("e", domain="vpc")
pulumi.export("public_ip", eip.public_ip)
