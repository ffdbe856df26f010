import pulumi
import pulumi_aws as aws

vpc_a = aws.ec2.Vpc("a", cidr_block="10.0.0.0/16")
vpc_b = aws.ec2.Vpc("b", cidr_block="10.1.0.0/16")
igw_a = aws.ec2.InternetGateway("igw-a", vpc_id=vpc_a.id)
igw_b = aws.ec2.InternetGateway("igw-b", vpc_id=vpc_b.id)
subnet_b = aws.ec2.Subnet("public-b", vpc_id=vpc_b.id, cidr_block="10.1.0.0/24")

# Its NAT lives in vpc_b's subnet: igw_b.
eip_b = aws.ec2.Eip(
    "eip-b",
    domain="vpc",
    opts=pulumi.ResourceOptions(depends_on=[igw_b]),
)
nat_b = aws.ec2.NatGateway(
    "nat-b",
    allocation_id=eip_b.id,
    subnet_id=subnet_b.id,
    opts=pulumi.ResourceOptions(depends_on=[eip_b, igw_b]),
)
# No NAT uses it: which gateway is a guess, so no fix.
spare = aws.ec2.Eip("spare", domain="vpc")
