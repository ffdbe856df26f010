import pulumi_aws as aws

# CRLF line endings survive.
repo = aws.ecr.Repository(
    "crlf",
    name="crlf",  # windows
    image_tag_mutability="MUTABLE",
    force_delete=True,
)
inline = aws.ecr.Repository("inline", image_tag_mutability="MUTABLE", force_delete=True)
