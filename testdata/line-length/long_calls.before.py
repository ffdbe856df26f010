"""Fixes that make one-line calls too long for 88 columns break them as ruff format does."""

import pulumi
import pulumi_aws as aws

vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")
igw = aws.ec2.InternetGateway("igw", vpc_id=vpc.id)
subnet = aws.ec2.Subnet("public", vpc_id=vpc.id, cidr_block="10.0.0.0/24")

# Still fits on its line after the fix: stays on one line.
short = aws.ecr.Repository("r")
# Too long after the fix: one argument per line, with a trailing comma.
images = aws.ecr.Repository("images", name="images-repository")
eip = aws.ec2.Eip("nat-eip", domain="vpc")
nat = aws.ec2.NatGateway("nat", allocation_id=eip.id, subnet_id=subnet.id)
# Options already there: the ResourceOptions call gets the dependency and is broken.
protected = aws.ec2.NatGateway(
    "protected",
    allocation_id=eip.id,
    subnet_id=subnet.id,
    opts=pulumi.ResourceOptions(protect=True, retain_on_delete=True),
)


def database(env):
    # Indented: the broken call keeps the function's indentation.
    return aws.rds.Instance(f"db-{env}", engine="postgres", username="app")


# Already one argument per line: the new arguments join them.
logs = aws.ecr.Repository(
    "logs",
    name="logs",  # shared with the audit stack
)
# An argument itself too long is broken in turn.
pulumi.export("images", aws.ecr.Repository("exported", name="exported-repository").arn)
