import pulumi
import pulumi_aws as aws

role = aws.iam.Role("role", assume_role_policy="{}")

# Given twice: which one the author meant is not ours to pick.
bucket = aws.s3.Bucket("b", protect=True, opts=pulumi.ResourceOptions(protect=False))

# Held in a local assigned once: seen through it.
child = pulumi.ResourceOptions(provider=None)
queue = aws.sqs.Queue("q", opts=child, provider=None)

# Options that may be in **kwargs.
extra = {}
topic = aws.sns.Topic("t", depends_on=[role], **extra)

# As options these would mean something else.
vpc = aws.ec2.Vpc("v", cidr_block="10.0.0.0/16", id="vpc-123", version="2")

# InvokeOptions takes no depends_on; InvokeOutputOptions does.
ami = aws.ec2.get_ami(
    most_recent=True,
    owners=["amazon"],
    opts=pulumi.InvokeOptions(depends_on=[role], protect=True),
)
ami_output = aws.ec2.get_ami_output(
    most_recent=True,
    owners=["amazon"],
    opts=pulumi.InvokeOutputOptions(depends_on=[role], provider=None),
)
