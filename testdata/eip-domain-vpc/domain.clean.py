import boto3
import pulumi_aws as aws

eip = aws.ec2.Eip("eip", domain="vpc")
# Not pulumi_aws: another library's Eip with a vpc argument.
other = boto3.client("ec2")
class Eip:
    def __init__(self, name, vpc=True):
        self.vpc = vpc
mine = Eip("mine", vpc=True)
# A vpc keyword on some other pulumi_aws class is not this rule's business.
net = aws.ec2.Subnet("s", vpc_id="vpc-1", cidr_block="10.0.0.0/24")
