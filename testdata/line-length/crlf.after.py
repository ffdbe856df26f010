"""CRLF line endings survive a broken call."""

import pulumi_aws as aws

images = aws.ecr.Repository(
    "images",
    name="images-repository",
    image_tag_mutability="MUTABLE",
    force_delete=True,
)
