import pulumi
import pulumi_aws as aws

# The arguments may come as an EipArgs object: the keyword is fixed where the SDK reads it.
a = aws.ec2.Eip("a", aws.ec2.EipArgs(domain="vpc", tags={"Name": "a"}))
b = aws.ec2.Eip(
    "b",
    args=aws.ec2.EipArgs(
        domain="vpc",
    ),
    opts=pulumi.ResourceOptions(protect=True),
)
