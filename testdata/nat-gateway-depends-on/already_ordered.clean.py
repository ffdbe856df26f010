import pulumi
import pulumi_aws as aws

vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")
igw = aws.ec2.InternetGateway("igw", vpc_id=vpc.id)
subnet = aws.ec2.Subnet("public", vpc_id=vpc.id, cidr_block="10.0.0.0/24")
eip = aws.ec2.Eip("eip", domain="vpc", opts=pulumi.ResourceOptions(depends_on=[igw]))

# The gateway is already explicit; the address is ordered by `allocation_id=eip.id` itself.
nat = aws.ec2.NatGateway(
    "nat",
    allocation_id=eip.id,
    subnet_id=subnet.id,
    opts=pulumi.ResourceOptions(depends_on=[igw]),
)
