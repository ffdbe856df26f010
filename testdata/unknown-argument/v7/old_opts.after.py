"""`__opts__`, the pre-1.0 spelling of `opts`: renamed when the call passes no other options."""
import pulumi
import pulumi_aws as aws

logs = aws.s3.Bucket("logs", opts=pulumi.ResourceOptions(protect=True))
assets = aws.s3.Bucket(
    "assets",
    bucket="assets-prod",
    opts=pulumi.ResourceOptions(depends_on=[logs]),  # keep this comment
)

# Beside an `*Args` object the SDK ignores it: renaming applies options never applied before.
nat = aws.ec2.Eip("nat", aws.ec2.EipArgs(domain="vpc"), opts=pulumi.ResourceOptions(protect=True))

# Options given another way too: which ones were meant is for the author to say.
both = aws.s3.Bucket("both", opts=pulumi.ResourceOptions(protect=True), __opts__=pulumi.ResourceOptions(depends_on=[logs]))
positional = aws.s3.Bucket("positional", pulumi.ResourceOptions(protect=True), __opts__=pulumi.ResourceOptions(depends_on=[logs]))

# An `*Args` class takes no options at all.
args = aws.s3.BucketArgs(bucket="x", __opts__=pulumi.ResourceOptions(protect=True))
