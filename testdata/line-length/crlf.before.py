"""CRLF line endings survive a broken call."""

import pulumi_aws as aws

images = aws.ecr.Repository("images", name="images-repository")
