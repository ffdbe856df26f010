import pulumi_aws as aws

common = {"protocol": "tcp", "security_group_id": "sg-0123456789abcdef0"}
base_rule = {"protocol": "tcp", "from_port": 443, "to_port": 443}

# `**common` could carry a description: not flagged.
aws.ec2.SecurityGroupRule("splat", type="ingress", from_port=443, to_port=443, cidr_blocks=["0.0.0.0/0"], **common)

aws.ec2.SecurityGroup(
    "splat-dict",
    ingress=[
        {**base_rule, "cidr_blocks": ["0.0.0.0/0"]},
        aws.ec2.SecurityGroupIngressArgs(**base_rule, cidr_blocks=["10.0.0.0/8"]),
    ],
)

aws.ec2.SecurityGroupRule(  # infra-fix: ignore[sg-rule-description]
    "suppressed-by-id",
    type="ingress",
    protocol="tcp",
    from_port=22,
    to_port=22,
    cidr_blocks=["10.0.0.0/8"],
    security_group_id="sg-0123456789abcdef0",
)

# infra-fix: ignore
aws.ec2.SecurityGroupRule("suppressed-above", type="egress", protocol="-1", from_port=0, to_port=0, cidr_blocks=["0.0.0.0/0"], security_group_id="sg-0123456789abcdef0")

aws.ec2.SecurityGroupRule(  # infra-fix: ignore[eip-domain-vpc]
    "other-rule-suppressed",
    type="ingress",
    protocol="tcp",
    from_port=3306,
    to_port=3306,
    cidr_blocks=["10.0.0.0/8"],
    security_group_id="sg-0123456789abcdef0",
    description="Allow MySQL from 10.0.0.0/8",
)

aws.ec2.SecurityGroup(
    "inline-suppressed",
    ingress=[
        # infra-fix: ignore[sg-rule-description]
        aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=25, to_port=25, cidr_blocks=["10.0.0.0/8"]),
        aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=587, to_port=587, cidr_blocks=["10.0.0.0/8"], description="Allow tcp/587 from 10.0.0.0/8"),
    ],
)

# An empty description says nothing either.
aws.ec2.SecurityGroupRule(
    "empty-description",
    type="ingress",
    protocol="tcp",
    from_port=6443,
    to_port=6443,
    cidr_blocks=["10.0.0.0/8"],
    security_group_id="sg-0123456789abcdef0",
    description="Allow tcp/6443 from 10.0.0.0/8",
)
