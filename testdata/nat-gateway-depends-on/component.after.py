"""The catalog's network component: every child has `parent=self`."""
import pulumi
import pulumi_aws as aws


class Network(pulumi.ComponentResource):
    def __init__(self, name, zone_count, opts=None):
        super().__init__("catalog:network:Network", name, None, opts)
        self.vpc = aws.ec2.Vpc(f"vpc-{name}", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(parent=self))
        self.igw = aws.ec2.InternetGateway(
            f"igw-{name}",
            vpc_id=self.vpc.id,
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.public_subnets = []
        self.nat_gateways = []
        child = pulumi.ResourceOptions(parent=self)
        for i in range(zone_count):
            public = aws.ec2.Subnet(f"public-{i}-{name}", vpc_id=self.vpc.id, cidr_block=f"10.0.{i}.0/24", opts=child)
            eip = aws.ec2.Eip(
                f"nat-eip-{i}-{name}",
                domain="vpc",
                tags={"Name": f"nat-eip-{i}-{name}"},
                opts=pulumi.ResourceOptions(
                    parent=self,
                    protect=False,
                    depends_on=[self.igw],
                ),
            )
            nat = aws.ec2.NatGateway(
                f"nat-{i}-{name}",
                allocation_id=eip.id,
                subnet_id=public.id,
                opts=pulumi.ResourceOptions.merge(child, pulumi.ResourceOptions(depends_on=[eip, self.igw])),
            )
            self.public_subnets.append(public)
            self.nat_gateways.append(nat)
        self._private_routes(name, zone_count)

    def _private_routes(self, name, zone_count):
        for i in range(zone_count):
            private_rt = aws.ec2.RouteTable(f"private-rt-{i}-{name}", vpc_id=self.vpc.id, opts=pulumi.ResourceOptions(parent=self))
            aws.ec2.Route(
                f"private-route-{i}-{name}",
                route_table_id=private_rt.id,
                destination_cidr_block="0.0.0.0/0",
                nat_gateway_id=self.nat_gateways[i].id,
                opts=pulumi.ResourceOptions(
                    parent=self,
                ),
            )
