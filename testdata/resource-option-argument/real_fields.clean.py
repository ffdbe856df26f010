import pulumi
import pulumi_aws as aws

# Real arguments of these classes, not options.
record = aws.route53.Record(
    "www",
    zone_id="Z123",
    name="www.example.com",
    type="A",
    aliases=[aws.route53.RecordAliasArgs(name="lb.example.com", zone_id="Z456", evaluate_target_health=True)],
)
cluster = aws.eks.Cluster("eks", role_arn="arn:aws:iam::123456789012:role/eks", version="1.31", vpc_config={"subnet_ids": ["subnet-1"]})
cdn_rule = aws.lb.ListenerRule("rule", listener_arn="arn", actions=[], conditions=[], transforms=[])

# Options where they belong.
bucket = aws.s3.Bucket("b", opts=pulumi.ResourceOptions(protect=True, depends_on=[record]))
ami = aws.ec2.get_ami(most_recent=True, owners=["amazon"], opts=pulumi.InvokeOptions(provider=None, parent=None))

# Not pulumi_aws: a user's function with its own `depends_on`.
def deploy(depends_on=None, parent=None):
    return depends_on, parent

deploy(depends_on=[bucket], parent=None)
