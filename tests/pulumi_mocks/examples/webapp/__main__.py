# A mid-sized pulumi-aws 7 program: ComponentResource, RDS, ECS, ECR, security
# groups in every rule style, invokes, config, applies and exports. Must exit 0.
import json

import pulumi
import pulumi_aws as aws

from naming import prefixed

config = pulumi.Config()
env = config.get("env") or "dev"
region = aws.get_region()
identity = aws.get_caller_identity()
azs = aws.get_availability_zones(state="available")
ami = aws.ec2.get_ami(most_recent=True, owners=["amazon"],
                      filters=[{"name": "name", "values": ["al2023-ami-*"]}])


class Network(pulumi.ComponentResource):
    def __init__(self, name, opts=None):
        super().__init__("infrafix:test:Network", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidr_block="10.0.0.0/16", opts=child)
        self.subnets = [
            aws.ec2.Subnet(f"{name}-subnet-{i}", vpc_id=self.vpc.id, availability_zone=az,
                           cidr_block=f"10.0.{i}.0/24", opts=child)
            for i, az in enumerate(azs.names)
        ]
        self.sg = aws.ec2.SecurityGroup(
            f"{name}-sg",
            vpc_id=self.vpc.id,
            description="web",
            ingress=[
                aws.ec2.SecurityGroupIngressArgs(
                    protocol="tcp", from_port=80, to_port=80,
                    cidr_blocks=["0.0.0.0/0"], description="Allow HTTP from internet",
                ),
                {"protocol": "tcp", "from_port": 443, "to_port": 443,
                 "cidr_blocks": ["0.0.0.0/0"], "description": "Allow HTTPS from internet"},
            ],
            egress=[{"protocol": "-1", "from_port": 0, "to_port": 0,
                     "cidr_blocks": ["0.0.0.0/0"], "description": "Allow all outbound"}],
            opts=child,
        )
        self.register_outputs({"vpc_id": self.vpc.id})


net = Network(prefixed(env))

aws.ec2.SecurityGroupRule(
    "ssh", type="ingress", protocol="tcp", from_port=22, to_port=22,
    cidr_blocks=["10.0.0.0/8"], security_group_id=net.sg.id, description="Allow SSH from VPN",
)
aws.vpc.SecurityGroupIngressRule(
    "pg", security_group_id=net.sg.id, ip_protocol="tcp", from_port=5432, to_port=5432,
    cidr_ipv4="10.0.0.0/16", description="Allow Postgres from VPC",
)

subnet_group = aws.rds.SubnetGroup("db", subnet_ids=[s.id for s in net.subnets])
db = aws.rds.Instance(
    "db",
    engine="postgres",
    instance_class="db.t3.micro",
    allocated_storage=20,
    username="app",
    password=config.get_secret("dbPassword") or "not-a-secret",
    db_subnet_group_name=subnet_group.name,
    vpc_security_group_ids=[net.sg.id],
    backup_retention_period=7,
    backup_window="03:00-04:00",
    maintenance_window="mon:04:00-mon:05:00",
    skip_final_snapshot=True,
)

repo = aws.ecr.Repository("app", force_delete=True, image_tag_mutability="MUTABLE")
cluster = aws.ecs.Cluster("cluster")
role = aws.iam.Role("task", assume_role_policy=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                   "Principal": {"Service": "ecs-tasks.amazonaws.com"}}],
}))
aws.iam.RolePolicy("task-ecr", role=role.id, policy=repo.arn.apply(lambda arn: json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["ecr:GetDownloadUrlForLayer"], "Resource": arn}],
})))
task = aws.ecs.TaskDefinition(
    "app", family="app", cpu="256", memory="512", network_mode="awsvpc",
    requires_compatibilities=["FARGATE"], execution_role_arn=role.arn,
    container_definitions=pulumi.Output.all(repo.repository_url, db.address).apply(
        lambda args: json.dumps([{
            "name": "app", "image": f"{args[0]}:latest", "essential": True,
            "environment": [{"name": "DB_HOST", "value": args[1]}],
            "portMappings": [{"containerPort": 80}],
        }])),
)
aws.ecs.Service(
    "app",
    cluster=cluster.arn,
    task_definition=task.arn,
    desired_count=2,
    launch_type="FARGATE",
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100,
    health_check_grace_period_seconds=60,
    network_configuration={"subnets": [s.id for s in net.subnets],
                           "security_groups": [net.sg.id]},
)
eip = aws.ec2.Eip("nat", domain="vpc")
web = aws.ec2.Instance("web", ami=ami.id, instance_type="t3.micro", subnet_id=net.subnets[0].id)

pulumi.export("db_endpoint", db.endpoint)
pulumi.export("db_host", db.endpoint.apply(lambda e: e.split(":")[0]))
pulumi.export("repo_url", repo.repository_url)
pulumi.export("account", identity.account_id)
pulumi.export("region", region.region)
pulumi.export("nat_ip", eip.public_ip)
