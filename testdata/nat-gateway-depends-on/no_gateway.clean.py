import pulumi
import pulumi_aws as aws

# No internet gateway in this program (it comes from another stack): nothing to depend on.
eip = aws.ec2.Eip("eip", domain="vpc")
nat = aws.ec2.NatGateway("nat", allocation_id=eip.id, subnet_id="subnet-123")


def network():
    # A gateway local to this function is not reachable from anywhere else.
    igw = aws.ec2.InternetGateway("igw", vpc_id="vpc-123")
    # A private NAT gateway needs no internet gateway.
    aws.ec2.NatGateway("private", connectivity_type="private", subnet_id="subnet-456")
    return igw


def later():
    # `igw` of network() is not visible here.
    aws.ec2.Eip("later", domain="vpc")


# Suppressed.
aws.ec2.Route("r", route_table_id="rtb", nat_gateway_id=nat.id)  # infra-fix: ignore[nat-gateway-depends-on]
