import pulumi_aws as aws

# A NAT instance: pulumi-aws 5 removed `instance_id` from routes.
vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")
nat = aws.ec2.Instance("nat", ami="ami-123", instance_type="t3.micro", source_dest_check=False)
private = aws.ec2.RouteTable(
    "private",
    vpc_id=vpc.id,
    routes=[
        aws.ec2.RouteTableRouteArgs(
            cidr_block="0.0.0.0/0",
            network_interface_id=nat.primary_network_interface_id,
        ),
    ],
)
peer = aws.ec2.Route(
    "peer", route_table_id=private.id, destination_cidr_block="10.1.0.0/16", network_interface_id=nat.primary_network_interface_id
)
