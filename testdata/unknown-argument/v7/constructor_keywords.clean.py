"""pulumi-aws 7: every keyword the constructors take. A resource's name and options given by
keyword, its arguments as an `*Args` object, and `self`, a real field of security group rules.
(tests/pulumi_mocks.rs runs this program.)"""
import json

import pulumi
import pulumi_aws as aws

role = aws.iam.Role(
    resource_name="app",
    assume_role_policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ecs-tasks.amazonaws.com"}}],
    }),
    opts=pulumi.ResourceOptions(protect=False),
)
group = aws.ec2.SecurityGroup(
    resource_name="peers",
    description="Instances that talk to each other",
    ingress=[aws.ec2.SecurityGroupIngressArgs(self=True, protocol="-1", from_port=0, to_port=0, description="From peers")],
    egress=[aws.ec2.SecurityGroupEgressArgs(self=True, protocol="-1", from_port=0, to_port=0, description="To peers")],
)
https = aws.ec2.SecurityGroupRule(
    "peers-https",
    type="ingress",
    self=True,
    protocol="tcp",
    from_port=443,
    to_port=443,
    security_group_id=group.id,
    description="HTTPS from peers",
)
default = aws.ec2.DefaultSecurityGroup(
    "default",
    vpc_id="vpc-123",
    ingress=[aws.ec2.DefaultSecurityGroupIngressArgs(self=True, protocol="-1", from_port=0, to_port=0)],
)
eip = aws.ec2.Eip(
    resource_name="nat",
    args=aws.ec2.EipArgs(domain="vpc"),
    opts=pulumi.ResourceOptions(depends_on=[group]),
)
