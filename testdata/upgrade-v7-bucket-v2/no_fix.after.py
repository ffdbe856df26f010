import pulumi_aws as aws
from pulumi_aws.s3 import BucketV2, BucketAcl

versions = [{"enabled": True}]
# The list is a variable: what it holds is not written here.
a = aws.s3.BucketV2("a", versionings=versions)
# Two encryption configurations: `Bucket` takes one; a person chooses.
b = aws.s3.BucketV2(
    "b",
    server_side_encryption_configurations=[
        {"rules": [{"apply_server_side_encryption_by_defaults": [{"sse_algorithm": "AES256"}]}]},
        {"rules": [{"apply_server_side_encryption_by_defaults": [{"sse_algorithm": "aws:kms"}]}]},
    ],
)
# A BucketV2*Args object: its Bucket counterpart has other fields.
c = aws.s3.BucketV2("c", versionings=[aws.s3.BucketV2VersioningArgs(enabled=True)])
# Imported by name: `BucketV2` is left (each use has its own reshape); a companion is renamed.
d = BucketV2("d")
e = BucketAcl("e", bucket=d.id, acl="private")
# A comment inside the brackets would be lost.
f = aws.s3.BucketV2("f", loggings=[  # where the logs go
    {"target_bucket": "logs"}])
g = aws.s3.BucketV2("g", args=aws.s3.BucketV2Args(versionings=[{"enabled": True}]))
# The name without `V2` is already taken in this file.
from pulumi_aws.s3 import BucketVersioningV2
BucketVersioning = "mine"
h = BucketVersioningV2("h", bucket=d.id, versioning_configuration={"status": "Enabled"})
