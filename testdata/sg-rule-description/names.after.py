import pulumi
import pulumi_aws as aws

config = pulumi.Config()
env = pulumi.get_stack()
groups = {"web": aws.ec2.SecurityGroup("web")}
alb_sg_id = config.require("alb_sg_id")
cluster = aws.eks.Cluster("cluster", role_arn="arn:aws:iam::123456789012:role/eks", vpc_config={"subnet_ids": []})


def lookup_sg(name):
    return aws.ec2.get_security_group(name=name)


class Network:
    def __init__(self):
        self.sgs = [aws.ec2.SecurityGroup(f"sg-{i}") for i in range(2)]


network = Network()

# Odd expressions in the id arguments: names where there are some, never a crash.
aws.ec2.SecurityGroupRule("a", type="ingress", protocol="tcp", from_port=443, to_port=443, source_security_group_id=groups["web"].id, security_group_id=lookup_sg("app").id, description="Allow HTTPS from web")
aws.ec2.SecurityGroupRule("b", type="ingress", protocol="tcp", from_port=443, to_port=443, source_security_group_id=alb_sg_id, security_group_id=network.sgs[0].id, description="Allow HTTPS from alb")
aws.ec2.SecurityGroupRule("c", type="ingress", protocol="tcp", from_port=443, to_port=443, source_security_group_id=(network.sgs[1]).id, security_group_id=cluster.vpc_config.cluster_security_group_id, description="Allow HTTPS inbound")
aws.ec2.SecurityGroupRule("d", type="ingress", protocol="tcp", from_port=443, to_port=443, source_security_group_id=config.require("peer"), security_group_id=groups["web"].id.apply(lambda i: i), description="Allow HTTPS inbound")
aws.ec2.SecurityGroupRule("e", type="ingress", protocol="6", from_port=1, to_port=1, cidr_blocks=[f"10.{env}.0.0/16"], security_group_id=network.sgs[-1].id, description="Allow tcp/1 inbound")

# Groups named by their resource name only (not assigned): plain, f-string, interpolation first.
aws.ec2.SecurityGroup(
    "bastion-sg",
    ingress=[aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=22, to_port=22, security_groups=[groups["web"].id], description="Allow web to reach bastion on SSH")],
)
aws.ec2.SecurityGroup(
    f"{env}-queue-sg",
    ingress=[aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=5672, to_port=5672, security_groups=[groups["web"].id], description="Allow web to reach queue on tcp/5672")],
)
aws.ec2.SecurityGroup(
    f"sg-{env}-{0}",
    ingress=[aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=5673, to_port=5673, security_groups=[groups["web"].id], description="Allow tcp/5673 from web")],
)
first, second = aws.ec2.SecurityGroup(
    "search-sg",
    ingress=[aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=9200, to_port=9200, security_groups=[groups["web"].id], description="Allow web to reach search on tcp/9200")],
), None
