import pulumi_aws as aws

# Suppressed on the call's line, for this rule or for all rules.
keep = aws.ecr.Repository("keep")  # infra-fix: ignore[ecr-force-delete]
keep_all = aws.ecr.Repository("keep-all")  # infra-fix: ignore
# infra-fix: ignore[ecr-force-delete]
keep_multi = aws.ecr.Repository(
    "keep-multi",
    name="keep-multi",
)
# Another rule's suppression does not silence this one.
flagged = aws.ecr.Repository(
    "flagged",
    image_tag_mutability="MUTABLE",
    force_delete=True,
)  # infra-fix: ignore[eip-domain-vpc]
