"""pulumi-aws 6 (Poetry): deprecated arguments, with the provider's message."""
import pulumi_aws as aws

# eip-domain-vpc does not run here, so this rule reports `vpc` and shares its fix.
eip = aws.ec2.Eip(
    "nat",
    vpc=True,
    tags={"Name": "nat"},
)
args = aws.ec2.EipArgs(vpc=True)
both = aws.ec2.Eip("both", vpc=True, domain="vpc")
unknown_value = aws.ec2.Eip("var", vpc=use_vpc)
