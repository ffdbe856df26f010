"""Another class's arguments object: the SDK takes it for the resource options."""

import pulumi_aws as aws

# The `*Args` of `s3.Bucket` given to `s3.BucketV2`: TypeError when the program runs.
events = aws.s3.BucketV2(
    "events",
    aws.s3.BucketArgs(
        force_destroy=True,
    ),
)

# As `args=`: the same.
raw = aws.s3.BucketV2("raw", args=aws.s3.BucketArgs(force_destroy=True))

# The other way round: `s3.BucketV2Args` is not `s3.Bucket`'s, though its name starts so.
legacy = aws.s3.Bucket("legacy", aws.s3.BucketV2Args(force_destroy=True))

# The resource's own class, and an `InitArgs` one: fine.
logs = aws.s3.BucketV2("logs", aws.s3.BucketV2Args(force_destroy=True))
route = aws.ec2.VpnConnectionRoute(
    "route",
    aws.ec2.VpnConnectionRouteInitArgs(destination_cidr_block="10.0.0.0/16", vpn_connection_id="vpn-1"),
)
