import pulumi_aws
from pulumi_aws import ec2, vpc
from pulumi_aws.ec2 import SecurityGroupRule as Rule
from pulumi_aws.ec2 import SecurityGroupIngressArgs
import pulumi_aws.vpc as awsvpc

lb_sg = pulumi_aws.ec2.SecurityGroup(
    "lb",
    ingress=[
        SecurityGroupIngressArgs(protocol="tcp", from_port=443, to_port=443, cidr_blocks=["0.0.0.0/0"], description="Allow HTTPS from internet"),
    ],
    egress=[
        ec2.SecurityGroupEgressArgs(protocol="-1", from_port=0, to_port=0, cidr_blocks=["0.0.0.0/0"], description="Allow all outbound traffic"),
    ],
)
worker_sg = ec2.SecurityGroup("worker")

pulumi_aws.ec2.SecurityGroupRule(
    "worker-from-lb",
    type="ingress",
    protocol="tcp",
    from_port=8000,
    to_port=8000,
    source_security_group_id=lb_sg.id,
    security_group_id=worker_sg.id,
    description="Allow lb to reach worker on tcp/8000",
)

ec2.SecurityGroupRule(
    "worker-out",
    type="egress",
    protocol="-1",
    from_port=0,
    to_port=0,
    cidr_blocks=["0.0.0.0/0"],
    security_group_id=worker_sg.id,
    description="Allow all outbound traffic",
)

Rule(
    "worker-metrics",
    type="ingress",
    protocol="tcp",
    from_port=9100,
    to_port=9100,
    cidr_blocks=["10.0.0.0/16"],
    security_group_id=worker_sg.id,
    description="Allow tcp/9100 from 10.0.0.0/16",
)

vpc.SecurityGroupIngressRule(
    "lb-http",
    security_group_id=lb_sg.id,
    ip_protocol="tcp",
    from_port=80,
    to_port=80,
    cidr_ipv4="0.0.0.0/0",
    description="Allow HTTP from internet",
)

awsvpc.SecurityGroupEgressRule(
    "lb-to-worker",
    security_group_id=lb_sg.id,
    referenced_security_group_id=worker_sg.id,
    ip_protocol="tcp",
    from_port=8000,
    to_port=8000,
    description="Allow lb to reach worker on tcp/8000",
)
