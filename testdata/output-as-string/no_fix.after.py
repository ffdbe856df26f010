"""Outputs used where plain Python needs the value: reported, not fixed."""
import json

import pulumi
import pulumi_aws as aws

bucket = aws.s3.Bucket("assets")
queue = aws.sqs.Queue("jobs")

# The resource's name must be a plain string.
replica = aws.s3.Bucket(f"{bucket.bucket}-replica")

# Printed, logged, written to a file: the values do not exist yet.
print(f"bucket: {bucket.arn}")
pulumi.log.info("queue " + queue.url)
with open(str(bucket.arn), "w") as f:
    f.write("x")

# Compared and tested: an Output is never equal to a string, and always true.
if bucket.arn == "arn:aws:s3:::assets":
    pass
if not queue.url:
    pass
label = "yes" if queue.arn else "no"

# A dictionary key.
lookup = {bucket.arn: "assets"}

# `default=str` would write the Output's warning text: Output.json_dumps cannot fix that.
aws.sqs.QueuePolicy("jobs", queue_url=queue.url, policy=json.dumps({"Resource": queue.arn}, default=str))

# A local also used as a plain value.
topic_name = f"{queue.name}-events"
aws.sns.Topic("events", name=topic_name)
print(topic_name)

# Given to a helper infra-fix does not follow.
def describe(text):
    return text


describe(f"queue {queue.arn}")

# Numbers are not strings: `+` here is no concatenation.
port = aws.lb.Listener("web", load_balancer_arn="arn", port=80)
aws.ec2.SecurityGroupRule("web", type="ingress", security_group_id="sg", protocol="tcp", from_port=port.port + 1, to_port=port.port + 1, cidr_blocks=["0.0.0.0/0"])
