"""A module-level VPC: the gateway, EIP, NAT and route are module names."""
import pulumi
import pulumi_aws as aws

vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")
igw = aws.ec2.InternetGateway("igw", vpc_id=vpc.id)
public = aws.ec2.Subnet("public", vpc_id=vpc.id, cidr_block="10.0.0.0/24")

eip = aws.ec2.Eip(
    "nat-eip",
    domain="vpc",
    opts=pulumi.ResourceOptions(depends_on=[igw]),
)
nat = aws.ec2.NatGateway(
    "nat",
    allocation_id=eip.id,
    subnet_id=public.id,
    tags={"Name": "nat"},  # keep this comment
    opts=pulumi.ResourceOptions(depends_on=[eip, igw]),
)
private_rt = aws.ec2.RouteTable("private", vpc_id=vpc.id)
aws.ec2.Route(
    "private-default",
    route_table_id=private_rt.id,
    destination_cidr_block="0.0.0.0/0",
    nat_gateway_id=nat.id
)


def route_through(name, gateway):
    # `gateway` is a parameter: it is probably a NAT gateway, but that cannot be known.
    return aws.ec2.Route(name, route_table_id=private_rt.id, nat_gateway_id=gateway.id)


# An EIP for an instance still needs the gateway; inside a function the module's `igw` is visible.
def bastion_address():
    return aws.ec2.Eip("bastion", domain="vpc", opts=pulumi.ResourceOptions(protect=True, depends_on=[igw]))
