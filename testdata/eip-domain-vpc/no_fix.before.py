import pulumi_aws as aws

use_vpc = True
# EC2-Classic: nothing equivalent exists, a human decides.
classic = aws.ec2.Eip("classic", vpc=False)
# Not a literal: reported without a fix.
dynamic = aws.ec2.Eip("dynamic", vpc=use_vpc)
# Contradicts itself.
both = aws.ec2.Eip("both", vpc=True, domain="standard")
# Already says domain="vpc": the fix only drops vpc=True.
redundant = aws.ec2.Eip(
    "redundant",
    domain="vpc",
    vpc=True,
)
# Suppressed.
kept = aws.ec2.Eip("kept", vpc=True)  # infra-fix: ignore[eip-domain-vpc]
# infra-fix: ignore
kept_too = aws.ec2.Eip("kept-too", vpc=True)
