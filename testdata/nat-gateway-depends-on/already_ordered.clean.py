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

# `nat_gateway_id=nat.id` already orders the route after the gateway.
private = aws.ec2.RouteTable("private", vpc_id=vpc.id)
aws.ec2.Route("egress", route_table_id=private.id, destination_cidr_block="0.0.0.0/0", nat_gateway_id=nat.id)
