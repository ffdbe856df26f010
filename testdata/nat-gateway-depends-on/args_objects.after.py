"""Arguments in `*Args` objects, options passed by position (as pulumi/examples' hub-and-spoke does)."""
import pulumi
import pulumi_aws as aws


class Inspection(pulumi.ComponentResource):
    def __init__(self, name, subnet_ids):
        super().__init__("example:Inspection", name)
        self.igw = aws.ec2.InternetGateway(f"{name}-igw", aws.ec2.InternetGatewayArgs(vpc_id="vpc-1"), pulumi.ResourceOptions(parent=self))
        self.eip = aws.ec2.Eip(f"{name}-eip", aws.ec2.EipArgs(domain="vpc"), pulumi.ResourceOptions(parent=self, depends_on=[self.igw]))
        self.nat_gateway = aws.ec2.NatGateway(
            f"{name}-nat",
            aws.ec2.NatGatewayArgs(
                subnet_id=subnet_ids[0],
                allocation_id=self.eip.allocation_id,
            ),
            pulumi.ResourceOptions(parent=self, depends_on=[self.eip, self.igw]),
        )
        for i, subnet_id in enumerate(subnet_ids):
            aws.ec2.Route(
                f"{name}-route-{i}",
                aws.ec2.RouteArgs(
                    route_table_id="rtb-1",
                    destination_cidr_block="0.0.0.0/0",
                    nat_gateway_id=self.nat_gateway.id,
                ),
                pulumi.ResourceOptions(
                    parent=self,
                ),
            )
