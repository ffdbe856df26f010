"""Outputs used the right way, and values that are not Outputs: nothing to report."""
import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
env = config.get("env") or "dev"
bucket = aws.s3.Bucket(f"assets-{env}")
account = aws.get_caller_identity()
region = aws.get_region()

# Inside apply callbacks the values are plain.
policy = aws.iam.Policy(
    "read",
    policy=bucket.arn.apply(lambda arn: json.dumps({"Resource": [arn, f"{arn}/*"]})),
)
both = pulumi.Output.all(bucket.arn, bucket.id).apply(lambda args: f"{args[0]}:{args[1]}" + "/x")

# The helpers themselves.
aws.ssm.Parameter("p1", type="String", value=pulumi.Output.concat("arn:", bucket.arn))
aws.ssm.Parameter("p2", type="String", value=pulumi.Output.format("{}/*", bucket.arn))
aws.ssm.Parameter("p3", type="String", value=pulumi.Output.json_dumps({"r": bucket.arn}))

# Invoke results are plain values.
aws.ssm.Parameter("p4", type="String", value=f"arn:aws:iam::{account.account_id}:root in {region.name}")
aws.ssm.Parameter("p5", type="String", value=json.dumps({"account": account.account_id}))

# Outputs given as they are, in lists and dicts.
aws.ssm.Parameter("p6", type="String", value=bucket.arn, tags={"Bucket": bucket.id})

# `.arn` of objects whose origin the file does not show.
def grant(target, other):
    return aws.iam.Policy("grant", policy=json.dumps({"Resource": f"{target.arn}/*", "Other": other.arn}))

# Identity tests and list concatenation are not uses of the value.
if bucket.arn is None:
    pass
arns = [bucket.arn] + [policy.arn]
names = [f"{env}-{i}" for i in range(2)]
pulumi.export("bucket", bucket.id)
