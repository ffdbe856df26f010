"""E-commerce product catalog, as the catalog's MODEL_RESPONSE wrote it.

One ComponentResource holds the whole stack; every child has `parent=self`. The
cross-resource failures of the catalog are all here: NAT gateways and routes without
dependencies (2), the secret version built inside an `apply` from a split endpoint (5),
the ECS service (9) and its scaling target (12) without dependencies. So are the secrets,
IAM and container failures: the hard-coded password (3), the container secret that takes the
whole JSON secret (4), the container without a health check (7) and the task role that reads
every secret of the account (8).
"""
import json

import pulumi
import pulumi_aws as aws
import pulumi_random

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

db_password = pulumi_random.RandomPassword(
    "db-password",
    length=20,
    special=False,
).result  # ❌ HARDCODED PASSWORD - SECURITY RISK
db_username = "postgres"


class ProductCatalogStack(pulumi.ComponentResource):
    def __init__(self, name: str, environment_suffix: str, opts=None):
        super().__init__("catalog:stack:ProductCatalog", name, None, opts)
        self.environment_suffix = environment_suffix
        self._network()
        self._database()
        self._service()
        self.register_outputs({"alb_dns_name": self.alb.dns_name})

    def _network(self):
        environment_suffix = self.environment_suffix
        self.vpc = aws.ec2.Vpc(
            f"vpc-{environment_suffix}",
            cidr_block="10.0.0.0/16",
            enable_dns_hostnames=True,
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.igw = aws.ec2.InternetGateway(
            f"igw-{environment_suffix}",
            vpc_id=self.vpc.id,
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.public_subnets = []
        self.private_subnets = []
        self.nat_gateways = []
        for i in range(2):
            public = aws.ec2.Subnet(
                f"public-subnet-{i}-{environment_suffix}",
                vpc_id=self.vpc.id,
                cidr_block=f"10.0.{i}.0/24",
                map_public_ip_on_launch=True,
                opts=pulumi.ResourceOptions(parent=self),
            )
            private = aws.ec2.Subnet(
                f"private-subnet-{i}-{environment_suffix}",
                vpc_id=self.vpc.id,
                cidr_block=f"10.0.{i + 10}.0/24",
                opts=pulumi.ResourceOptions(parent=self),
            )
            self.public_subnets.append(public)
            self.private_subnets.append(private)

            eip = aws.ec2.Eip(
                f"nat-eip-{i}-{environment_suffix}",
                domain="vpc",  # ❌ DEPRECATED PARAMETER
                tags={"Name": f"nat-eip-{i}-{environment_suffix}"},
                opts=pulumi.ResourceOptions(parent=self, depends_on=[self.igw]),
            )
            nat = aws.ec2.NatGateway(
                f"nat-{i}-{environment_suffix}",
                allocation_id=eip.id,
                subnet_id=self.public_subnets[i].id,
                tags={"Name": f"nat-{i}-{environment_suffix}"},
                opts=pulumi.ResourceOptions(parent=self, depends_on=[eip, self.igw]),
            )
            self.nat_gateways.append(nat)

        public_rt = aws.ec2.RouteTable(f"public-rt-{environment_suffix}", vpc_id=self.vpc.id, opts=pulumi.ResourceOptions(parent=self))
        aws.ec2.Route(
            f"public-route-{environment_suffix}",
            route_table_id=public_rt.id,
            destination_cidr_block="0.0.0.0/0",
            gateway_id=self.igw.id,
            opts=pulumi.ResourceOptions(parent=self),
        )
        for i in range(2):
            private_rt = aws.ec2.RouteTable(f"private-rt-{i}-{environment_suffix}", vpc_id=self.vpc.id, opts=pulumi.ResourceOptions(parent=self))
            aws.ec2.Route(
                f"private-route-{i}-{environment_suffix}",
                route_table_id=private_rt.id,
                destination_cidr_block="0.0.0.0/0",
                nat_gateway_id=self.nat_gateways[i].id,
                opts=pulumi.ResourceOptions(parent=self),
            )
            aws.ec2.RouteTableAssociation(
                f"private-rta-{i}-{environment_suffix}",
                subnet_id=self.private_subnets[i].id,
                route_table_id=private_rt.id,
                opts=pulumi.ResourceOptions(parent=self),
            )

        self.alb_sg = aws.ec2.SecurityGroup(f"alb-sg-{environment_suffix}", vpc_id=self.vpc.id, description="ALB", opts=pulumi.ResourceOptions(parent=self))
        self.ecs_sg = aws.ec2.SecurityGroup(f"ecs-sg-{environment_suffix}", vpc_id=self.vpc.id, description="ECS tasks", opts=pulumi.ResourceOptions(parent=self))
        aws.ec2.SecurityGroupRule(
            f"ecs-from-alb-{environment_suffix}",
            type="ingress",
            from_port=5000,
            to_port=5000,
            protocol="tcp",
            source_security_group_id=self.alb_sg.id,
            security_group_id=self.ecs_sg.id,
            description="Allow alb to reach ecs on tcp/5000",
            opts=pulumi.ResourceOptions(parent=self),
        )

    def _database(self):
        environment_suffix = self.environment_suffix
        db_subnets = aws.rds.SubnetGroup(
            f"db-subnets-{environment_suffix}",
            subnet_ids=[s.id for s in self.private_subnets],
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.rds_instance = aws.rds.Instance(
            f"rds-{environment_suffix}",
            engine="postgres",
            instance_class="db.t3.micro",
            allocated_storage=20,
            db_name="catalog",
            username=db_username,
            password=db_password,
            db_subnet_group_name=db_subnets.name,
            skip_final_snapshot=True,
            backup_retention_period=7,
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.db_secret = aws.secretsmanager.Secret(f"db-secret-{environment_suffix}", opts=pulumi.ResourceOptions(parent=self))
        self.secret_version = aws.secretsmanager.SecretVersion(
            f"db-secret-version-{environment_suffix}",
            secret_id=self.db_secret.id,
            secret_string=self.rds_instance.address.apply(lambda address: json.dumps({
                "host": address,  # ❌ STRING PARSING ON OUTPUT
                "port": 5432,
                "dbname": "catalog",
                "username": db_username,
                "connection_string": f"postgresql://{db_username}@{address}:5432/catalog",
            })),
            opts=pulumi.ResourceOptions(parent=self),
        )

    def _service(self):
        environment_suffix = self.environment_suffix
        self.alb = aws.lb.LoadBalancer(
            f"alb-{environment_suffix}",
            load_balancer_type="application",
            security_groups=[self.alb_sg.id],
            subnets=[s.id for s in self.public_subnets],
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.target_group = aws.lb.TargetGroup(
            f"tg-{environment_suffix}",
            port=5000,
            protocol="HTTP",
            target_type="ip",
            vpc_id=self.vpc.id,
            health_check=aws.lb.TargetGroupHealthCheckArgs(path="/health"),
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.alb_listener = aws.lb.Listener(
            f"alb-listener-{environment_suffix}",
            load_balancer_arn=self.alb.arn,
            port=80,
            default_actions=[aws.lb.ListenerDefaultActionArgs(type="forward", target_group_arn=self.target_group.arn)],
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.cluster = aws.ecs.Cluster(f"cluster-{environment_suffix}", opts=pulumi.ResourceOptions(parent=self))
        self.ecr_repository = aws.ecr.Repository(
            f"ecr-repo-{environment_suffix}",
            name=f"product-catalog-{environment_suffix}",
            image_tag_mutability="MUTABLE",
            force_delete=True,
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.task_role = aws.iam.Role(
            f"ecs-task-role-{environment_suffix}",
            assume_role_policy=json.dumps({
                "Version": "2012-10-17",
                "Statement": [{
                    "Effect": "Allow",
                    "Principal": {"Service": "ecs-tasks.amazonaws.com"},
                    "Action": "sts:AssumeRole",
                }],
            }),
            opts=pulumi.ResourceOptions(parent=self),
        )
        aws.iam.RolePolicy(
            f"ecs-task-policy-{environment_suffix}",
            role=self.task_role.id,
            policy=pulumi.Output.all(self.db_secret.arn).apply(lambda args: json.dumps({
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": [
                            "secretsmanager:GetSecretValue",
                            "secretsmanager:DescribeSecret"
                        ],
                        "Resource": args[0]  # ❌ OVERLY PERMISSIVE
                    },
                    {
                        "Effect": "Allow",
                        "Action": ["xray:PutTraceSegments", "cloudwatch:PutMetricData"],
                        "Resource": "*"
                    }
                ]
            })),
            opts=pulumi.ResourceOptions(parent=self),
        )
        task_definition = aws.ecs.TaskDefinition(
            f"task-{environment_suffix}",
            family=f"product-catalog-{environment_suffix}",
            cpu="256",
            memory="512",
            network_mode="awsvpc",
            requires_compatibilities=["FARGATE"],
            task_role_arn=self.task_role.arn,
            container_definitions=pulumi.Output.all(
                self.ecr_repository.repository_url,
                self.db_secret.arn
            ).apply(lambda args: json.dumps([{
                "name": "product-catalog",
                "image": f"{args[0]}:latest",
                "portMappings": [{
                    "containerPort": 5000,
                    "protocol": "tcp"
                }],
                "secrets": [{
                    "name": "DATABASE_URL",
                    "valueFrom": f"{args[1]}:connection_string::"  # ❌ INCORRECT: References entire secret, not specific key
                }]
            }])),
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.ecs_service = aws.ecs.Service(
            f"ecs-service-{environment_suffix}",
            cluster=self.cluster.arn,
            task_definition=task_definition.arn,
            desired_count=2,
            launch_type="FARGATE",
            network_configuration=aws.ecs.ServiceNetworkConfigurationArgs(
                subnets=[s.id for s in self.private_subnets],
                security_groups=[self.ecs_sg.id],
            ),
            load_balancers=[
                aws.ecs.ServiceLoadBalancerArgs(
                    target_group_arn=self.target_group.arn,
                    container_name="product-catalog",
                    container_port=5000,
                )
            ],
            deployment_maximum_percent=200,
            deployment_minimum_healthy_percent=100,
            health_check_grace_period_seconds=60,
            opts=pulumi.ResourceOptions(
                parent=self,
                depends_on=[self.alb_listener, self.rds_instance],
            ),
        )
        self.autoscaling_target = aws.appautoscaling.Target(
            f"ecs-autoscaling-target-{environment_suffix}",
            max_capacity=10,
            min_capacity=2,
            resource_id=pulumi.Output.concat("service/", self.cluster.name, "/", self.ecs_service.name),
            scalable_dimension="ecs:service:DesiredCount",
            service_namespace="ecs",
            opts=pulumi.ResourceOptions(parent=self, depends_on=[self.ecs_service]),
        )


stack = ProductCatalogStack("product-catalog", environment_suffix)
pulumi.export("alb_dns_name", stack.alb.dns_name)
pulumi.export("nat_gateway_ids", [nat.id for nat in stack.nat_gateways])
