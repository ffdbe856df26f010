"""`--add-ignore` input: `program.ignored.py` is what it writes (tests/cli.rs)."""
import pulumi_aws as aws

repo = aws.ecr.Repository("app")
# A line's ignore comment takes the new ids; its other comment text stays.
logs = aws.ecr.Repository("logs")  # infra-fix: ignore[eip-domain-vpc]
cache = aws.ecr.Repository("cache")  # shared with the other stack
eip = aws.ec2.Eip("ip", vpc=True)  # ❌ the old flag
docs = aws.ecr.Repository(
    "docs", image_scanning_configuration=None, vpc=True, description="""several
lines""",
)
if True:
	tabbed = aws.ecr.Repository("tabbed")   
