"""Another class's arguments object that the resource's own class cannot take as it is."""

import pulumi_aws as aws

# `website` is `websites` in `s3.BucketV2Args`: the arguments are rewritten by hand.
site = aws.s3.BucketV2("site", aws.s3.BucketArgs(website={"index_document": "index.html"}))
