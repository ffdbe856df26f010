import pulumi
import pulumi_aws as aws

env = pulumi.get_stack()
ports = [80, 443]
services = {"api": 8000, "admin": 8001}

# Each element of a comprehension is a rule: the description is added to the element
# expression, so every generated rule gets it.
edge_sg = aws.ec2.SecurityGroup(
    f"edge-sg-{env}",
    ingress=[
        aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=p, to_port=p, cidr_blocks=["0.0.0.0/0"])
        for p in ports
    ],
)

mesh_sg = aws.ec2.SecurityGroup(
    f"{env}-mesh",
    egress=[
        {"protocol": "tcp", "from_port": port, "to_port": port, "cidr_blocks": ["10.0.0.0/8"]}
        for port in services.values()
    ],
)

for name, port in services.items():
    aws.ec2.SecurityGroupRule(
        f"{name}-from-edge-{env}",
        type="ingress",
        protocol="tcp",
        from_port=port,
        to_port=port,
        source_security_group_id=edge_sg.id,
        security_group_id=mesh_sg.id,
    )

rules = [
    aws.vpc.SecurityGroupEgressRule(
        f"edge-to-{name}-{env}",
        security_group_id=edge_sg.id,
        referenced_security_group_id=mesh_sg.id,
        ip_protocol="tcp",
        from_port=port,
        to_port=port,
    )
    for name, port in services.items()
]

# An Args object built ahead of the group: still a rule.
https_in = aws.ec2.SecurityGroupIngressArgs(
    protocol="tcp",
    from_port=443,
    to_port=443,
    cidr_blocks=["0.0.0.0/0"],
)
public_sg = aws.ec2.SecurityGroup(f"public-{env}", ingress=[https_in])


def rule_for(group, cidr):
    # Inside an apply callback.
    return aws.ec2.SecurityGroupRule(
        f"callback-{cidr}",
        type="ingress",
        protocol="tcp",
        from_port=443,
        to_port=443,
        cidr_blocks=[cidr],
        security_group_id=group,
    )


pulumi.Output.from_input("10.1.0.0/16").apply(lambda cidr: rule_for(public_sg.id, cidr))
