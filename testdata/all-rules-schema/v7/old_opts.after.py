"""All rules, pulumi-aws 7: `__opts__=` is renamed to `opts=`, and the dependency a rule adds
goes into those options, not into a second `opts=`. (tests/pulumi_mocks.rs runs this program
before and after.)"""
import pulumi
import pulumi_aws as aws

vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")
igw = aws.ec2.InternetGateway("igw", vpc_id=vpc.id)
eip = aws.ec2.Eip("nat-eip", domain="vpc", opts=pulumi.ResourceOptions(depends_on=[vpc, igw]))
address = aws.ec2.Eip(
    "bastion-eip",
    domain="vpc",
    opts=pulumi.ResourceOptions(protect=False, depends_on=[igw]),
)
