import pulumi
import pulumi_aws as aws

vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")
igw = aws.ec2.InternetGateway("igw", vpc_id=vpc.id)
subnet = aws.ec2.Subnet("public", vpc_id=vpc.id, cidr_block="10.0.0.0/24")

# Already complete: nothing to do.
done = aws.ec2.Eip("done", domain="vpc", opts=pulumi.ResourceOptions(depends_on=[igw]))
# Half there: only the gateway is appended.
eip = aws.ec2.Eip("eip", domain="vpc", opts=pulumi.ResourceOptions(depends_on=[vpc, igw], parent=None))
nat = aws.ec2.NatGateway(
    "nat",
    allocation_id=eip.id,
    subnet_id=subnet.id,
    opts=pulumi.ResourceOptions(
        depends_on=[
            eip,  # the address
            igw,
        ],
        protect=True,
    ),
)
# Options built elsewhere: merged, never lost.
shared = pulumi.ResourceOptions(delete_before_replace=True)
other = aws.ec2.Eip(
    "other",
    domain="vpc",
    opts=pulumi.ResourceOptions.merge(shared, pulumi.ResourceOptions(depends_on=[igw])),
)
last = aws.ec2.Eip("last", domain="vpc", opts=pulumi.ResourceOptions.merge(shared, pulumi.ResourceOptions(depends_on=[vpc, igw])))
# A single resource given to `depends_on`, not a list.
single = aws.ec2.Eip("single", domain="vpc", opts=pulumi.ResourceOptions.merge(pulumi.ResourceOptions(depends_on=vpc), pulumi.ResourceOptions(depends_on=[igw])))
