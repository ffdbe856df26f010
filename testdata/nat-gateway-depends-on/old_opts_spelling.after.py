"""`__opts__=`, the pre-1.0 spelling of `opts` (unknown-argument renames it): its dependencies
count, and a missing one goes into it, never into a second `opts=`."""
import pulumi
import pulumi_aws as aws

vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")
igw = aws.ec2.InternetGateway("igw", vpc_id=vpc.id)
subnet = aws.ec2.Subnet("public", vpc_id=vpc.id, cidr_block="10.0.0.0/24")

# Already there.
done = aws.ec2.Eip("done", domain="vpc", __opts__=pulumi.ResourceOptions(depends_on=[igw]))
# Missing: added to the same options.
eip = aws.ec2.Eip(
    "eip",
    domain="vpc",
    __opts__=pulumi.ResourceOptions(protect=True, depends_on=[igw]),
)
nat = aws.ec2.NatGateway(
    "nat",
    allocation_id=eip.id,
    subnet_id=subnet.id,
    opts=pulumi.ResourceOptions(depends_on=[eip, igw]),
)
shared = pulumi.ResourceOptions(delete_before_replace=True)
other = aws.ec2.Eip(
    "other",
    domain="vpc",
    __opts__=pulumi.ResourceOptions.merge(
        shared,
        pulumi.ResourceOptions(depends_on=[igw]),
    ),
)

# Two sets of options, or `__opts__` beside an `*Args` object (the SDK ignores it there):
# reported, not fixed, until unknown-argument's rename or the author settles which is meant.
both = aws.ec2.Eip("both", domain="vpc", opts=pulumi.ResourceOptions(protect=True), __opts__=pulumi.ResourceOptions(parent=vpc))
ignored = aws.ec2.Eip("ignored", aws.ec2.EipArgs(domain="vpc"), __opts__=pulumi.ResourceOptions(protect=True))
