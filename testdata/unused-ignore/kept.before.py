import pulumi_aws as aws

# Used ids, ids of rules that do not run (upgrade rules outside `upgrade`), ids infra-fix does
# not know, and blanket ignores are never reported.
repo = aws.ecr.Repository("app")  # infra-fix: ignore[ecr-force-delete]
# infra-fix: ignore[ecr-force-delete]
other = aws.ecr.Repository("other")
multi = aws.ecr.Repository(  # infra-fix: ignore[ecr-force-delete]
    "multi",
    image_tag_mutability="IMMUTABLE",
)
fn = aws.s3.Bucket("fn")  # infra-fix: ignore[upgrade-v7-argument, not-a-rule]
blanket = aws.s3.Bucket("b")  # infra-fix: ignore
asked = aws.s3.Bucket("a")  # infra-fix: ignore[unused-ignore, ecr-force-delete]
# A typo fix (unsafe) gives the repository its force_delete: the ignore then covers nothing.
typo = aws.ecr.Repository("typo", force_delet=True)  # infra-fix: ignore[ecr-force-delete]
