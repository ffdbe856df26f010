"""E-commerce product catalog: VPC, ALB, ECS Fargate service, RDS PostgreSQL, ECR.

The program as a model first wrote it, with the catalog's failures in it. Run
`infra-fix --dry-run testdata/example-project/` to see the fixes.
"""
import json

import pulumi
import pulumi_aws as aws
from pulumi_aws import ecr, ecs
from pulumi_aws.ec2 import Eip
from pulumi_aws.rds import Instance as DatabaseInstance

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"
db_username = "postgres"
db_password = config.get_secret("dbPassword") or "ChangeMe123!"


class Network(pulumi.ComponentResource):
    """A VPC with public subnets, private subnets and one NAT gateway per zone."""

    def __init__(self, name: str, zone_count: int, opts=None):
        super().__init__("catalog:network:Network", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        self.vpc = aws.ec2.Vpc(
            f"vpc-{name}",
            cidr_block="10.0.0.0/16",
            enable_dns_hostnames=True,
            tags={"Name": f"vpc-{name}"},
            opts=child,
        )
        self.igw = aws.ec2.InternetGateway(f"igw-{name}", vpc_id=self.vpc.id, opts=child)
        self.public_subnets = []
        self.private_subnets = []
        self.nat_gateways = []
        for i in range(zone_count):
            public = aws.ec2.Subnet(
                f"public-{i}-{name}",
                vpc_id=self.vpc.id,
                cidr_block=f"10.0.{i}.0/24",
                map_public_ip_on_launch=True,
                opts=child,
            )
            private = aws.ec2.Subnet(
                f"private-{i}-{name}",
                vpc_id=self.vpc.id,
                cidr_block=f"10.0.{i + 10}.0/24",
                opts=child,
            )
            eip = Eip(
                f"nat-eip-{i}-{name}",
                domain="vpc",  # ❌ DEPRECATED PARAMETER
                tags={"Name": f"nat-eip-{i}-{name}"},
                opts=pulumi.ResourceOptions.merge(child, pulumi.ResourceOptions(depends_on=[self.igw])),
            )
            nat = aws.ec2.NatGateway(
                f"nat-{i}-{name}",
                allocation_id=eip.id,
                subnet_id=public.id,
                tags={"Name": f"nat-{i}-{name}"},
                opts=pulumi.ResourceOptions.merge(child, pulumi.ResourceOptions(depends_on=[eip, self.igw])),
            )
            self.public_subnets.append(public)
            self.private_subnets.append(private)
            self.nat_gateways.append(nat)
        self.register_outputs({"vpc_id": self.vpc.id})


network = Network(environment_suffix, zone_count=2)

alb_sg = aws.ec2.SecurityGroup(
    f"alb-sg-{environment_suffix}",
    vpc_id=network.vpc.id,
    description="Load balancer",
    ingress=[
        {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"], "description": "Allow HTTPS from internet"},
        {"protocol": "tcp", "from_port": 80, "to_port": 80, "cidr_blocks": ["0.0.0.0/0"], "description": "Allow HTTP from internet"},
    ],
    egress=[aws.ec2.SecurityGroupEgressArgs(protocol="-1", from_port=0, to_port=0, cidr_blocks=["0.0.0.0/0"], description="Allow all outbound traffic")],
)
ecs_sg = aws.ec2.SecurityGroup(f"ecs-sg-{environment_suffix}", vpc_id=network.vpc.id, description="ECS tasks")
rds_sg = aws.ec2.SecurityGroup(f"rds-sg-{environment_suffix}", vpc_id=network.vpc.id, description="Database")

aws.ec2.SecurityGroupRule(
    f"ecs-from-alb-{environment_suffix}",
    type="ingress",
    from_port=5000,
    to_port=5000,
    protocol="tcp",
    source_security_group_id=alb_sg.id,
    security_group_id=ecs_sg.id,
    description="Allow alb to reach ecs on tcp/5000"
    # ❌ MISSING: No description
)
aws.vpc.SecurityGroupEgressRule(
    f"ecs-egress-{environment_suffix}",
    security_group_id=ecs_sg.id,
    ip_protocol="-1",
    cidr_ipv4="0.0.0.0/0",
    description="Allow all outbound traffic",
)
aws.vpc.SecurityGroupIngressRule(
    f"rds-from-ecs-{environment_suffix}",
    security_group_id=rds_sg.id,
    referenced_security_group_id=ecs_sg.id,
    ip_protocol="tcp",
    from_port=5432,
    to_port=5432,
    description="Allow ecs to reach rds on PostgreSQL",
)

db_subnets = aws.rds.SubnetGroup(
    f"db-subnets-{environment_suffix}",
    subnet_ids=[s.id for s in network.private_subnets],
)
rds_instance = DatabaseInstance(
    f"rds-{environment_suffix}",
    engine="postgres",
    engine_version="16.3",
    instance_class="db.t3.micro",
    allocated_storage=20,
    db_name="catalog",
    username=db_username,
    password=db_password,
    db_subnet_group_name=db_subnets.name,
    vpc_security_group_ids=[rds_sg.id],
    skip_final_snapshot=True,
    backup_retention_period=7,
    backup_window="03:00-04:00",
    maintenance_window="mon:04:00-mon:05:00",
    # ❌ MISSING: No backup configuration
)

db_secret = aws.secretsmanager.Secret(f"db-secret-{environment_suffix}")
aws.secretsmanager.SecretVersion(
    f"db-secret-version-{environment_suffix}",
    secret_id=db_secret.id,
    secret_string=pulumi.Output.all(rds_instance.address, db_password).apply(
        lambda args: json.dumps(
            {
                "host": args[0],
                "connection_string": f"postgresql://{db_username}:{args[1]}@{args[0]}:5432/catalog",
            }
        )
    ),
)

ecr_repository = ecr.Repository(
    f"ecr-repo-{environment_suffix}",
    name=f"product-catalog-{environment_suffix}",
    image_tag_mutability="MUTABLE",
    force_delete=True,
    # ❌ MISSING: force_delete and image_tag_mutability
)

cluster = ecs.Cluster(f"cluster-{environment_suffix}")
execution_role = aws.iam.Role(
    f"task-exec-role-{environment_suffix}",
    assume_role_policy=json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "ecs-tasks.amazonaws.com"},
                    "Action": "sts:AssumeRole",
                }
            ],
        }
    ),
)
task_definition = ecs.TaskDefinition(
    f"task-{environment_suffix}",
    family=f"product-catalog-{environment_suffix}",
    cpu="256",
    memory="512",
    network_mode="awsvpc",
    requires_compatibilities=["FARGATE"],
    execution_role_arn=execution_role.arn,
    container_definitions=pulumi.Output.all(ecr_repository.repository_url, db_secret.arn).apply(
        lambda args: json.dumps(
            [
                {
                    "name": "product-catalog",
                    "image": f"{args[0]}:latest",
                    "portMappings": [{"containerPort": 5000, "protocol": "tcp"}],
                    "secrets": [
                        {
                            "name": "DATABASE_URL",
                            "valueFrom": f"{args[1]}:connection_string::",
                        },
                    ],
                }
            ]
        )
    ),
)

alb = aws.lb.LoadBalancer(
    f"alb-{environment_suffix}",
    load_balancer_type="application",
    security_groups=[alb_sg.id],
    subnets=[s.id for s in network.public_subnets],
)
target_group = aws.lb.TargetGroup(
    f"tg-{environment_suffix}",
    port=5000,
    protocol="HTTP",
    target_type="ip",
    vpc_id=network.vpc.id,
    health_check=aws.lb.TargetGroupHealthCheckArgs(path="/health"),
)
listener = aws.lb.Listener(
    f"listener-{environment_suffix}",
    load_balancer_arn=alb.arn,
    port=80,
    default_actions=[aws.lb.ListenerDefaultActionArgs(type="forward", target_group_arn=target_group.arn)],
)

ecs_service = ecs.Service(
    f"ecs-service-{environment_suffix}",
    cluster=cluster.arn,
    task_definition=task_definition.arn,
    desired_count=2,
    launch_type="FARGATE",
    network_configuration=ecs.ServiceNetworkConfigurationArgs(
        subnets=[s.id for s in network.private_subnets],
        security_groups=[ecs_sg.id],
    ),
    load_balancers=[
        ecs.ServiceLoadBalancerArgs(
            target_group_arn=target_group.arn,
            container_name="product-catalog",
            container_port=5000,
        )
    ],
    # The catalog's "fix": a TypeError on pulumi-aws 6 and 7.
    deployment_maximum_percent=200,
    deployment_minimum_healthy_percent=100,
    health_check_grace_period_seconds=60,
    opts=pulumi.ResourceOptions(depends_on=[listener, rds_instance]),
)

pulumi.export("alb_dns_name", alb.dns_name)
pulumi.export("ecr_repository_url", ecr_repository.repository_url)
pulumi.export("nat_gateway_ids", [nat.id for nat in network.nat_gateways])
