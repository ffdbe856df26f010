"""`--add-ignore` input: `program.ignored.py` is what it writes (tests/cli.rs)."""
import pulumi_aws as aws

repo = aws.ecr.Repository("app")  # infra-fix: ignore[ecr-force-delete]
# A line's ignore comment takes the new ids; its other comment text stays.
logs = aws.ecr.Repository("logs")  # infra-fix: ignore[eip-domain-vpc, ecr-force-delete]
cache = aws.ecr.Repository("cache")  # shared with the other stack  # infra-fix: ignore[ecr-force-delete]
eip = aws.ec2.Eip("ip", vpc=True)  # ❌ the old flag  # infra-fix: ignore[unknown-argument]
docs = aws.ecr.Repository(  # infra-fix: ignore[ecr-force-delete, unknown-argument]
    "docs", image_scanning_configuration=None, vpc=True, description="""several
lines""",
)
if True:
	tabbed = aws.ecr.Repository("tabbed")  # infra-fix: ignore[ecr-force-delete]
