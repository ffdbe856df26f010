from pulumi import ResourceOptions
import pulumi_aws as aws

vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")
gateway = aws.ec2.InternetGateway("gateway", vpc_id=vpc.id)
subnets = [aws.ec2.Subnet(f"public-{i}", vpc_id=vpc.id, cidr_block=f"10.0.{i}.0/24") for i in range(2)]
eips = [
    aws.ec2.Eip(f"eip-{i}", domain="vpc", opts=ResourceOptions(depends_on=[gateway]))
    for i in range(2)
]
nats = [
    aws.ec2.NatGateway(f"nat-{i}", allocation_id=eips[i].id, subnet_id=subnets[i].id, opts=ResourceOptions(depends_on=[eips[i], gateway]))
    for i in range(2)
]


def make_nat(index, subnet):
    """A helper that builds and returns a NAT gateway."""
    address = aws.ec2.Eip(
        f"extra-eip-{index}",
        domain="vpc",
        opts=ResourceOptions(depends_on=[gateway]),
    )
    return aws.ec2.NatGateway(f"extra-nat-{index}", allocation_id=address.id, subnet_id=subnet.id, opts=ResourceOptions(depends_on=[address, gateway]))


extra = make_nat(0, subnets[0])
aws.ec2.Route("extra-route", route_table_id="rtb-123", nat_gateway_id=extra.id)
for n, nat in enumerate(nats):
    aws.ec2.Route(f"route-{n}", route_table_id="rtb-123", nat_gateway_id=nat.id)
for gw in nats:
    aws.ec2.Route(f"plain-{gw}", route_table_id="rtb-123", nat_gateway_id=gw.id)
