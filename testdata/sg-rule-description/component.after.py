"""Product catalog network: the catalog's issue 13 in its ComponentResource shape."""

import pulumi
import pulumi_aws as aws


class ProductCatalog(pulumi.ComponentResource):
    def __init__(self, name: str, vpc_id: pulumi.Input[str], environment_suffix: str, opts=None):
        super().__init__("catalog:app:ProductCatalog", name, None, opts)

        # The ALB group: its own description must never be touched.
        self.alb_sg = aws.ec2.SecurityGroup(
            f"alb-sg-{environment_suffix}",
            vpc_id=vpc_id,
            description="Security group for the application load balancer",
            ingress=[
                aws.ec2.SecurityGroupIngressArgs(
                    protocol="tcp",
                    from_port=443,
                    to_port=443,
                    cidr_blocks=["0.0.0.0/0"],
                    description="Allow HTTPS from internet",
                ),
                aws.ec2.SecurityGroupIngressArgs(
                    protocol="tcp",
                    from_port=80,
                    to_port=80,
                    cidr_blocks=["0.0.0.0/0"],
                    description="HTTP, redirected to HTTPS by the listener",
                ),
            ],
            egress=[
                aws.ec2.SecurityGroupEgressArgs(
                    protocol="-1",
                    from_port=0,
                    to_port=0,
                    cidr_blocks=["0.0.0.0/0"],
                    description="Allow all outbound traffic"
                )
            ],
            tags={"Name": f"alb-sg-{environment_suffix}"},
            opts=pulumi.ResourceOptions(parent=self),
        )

        # No description on purpose: adding one would replace the group.
        self.ecs_sg = aws.ec2.SecurityGroup(
            f"ecs-sg-{environment_suffix}",
            vpc_id=vpc_id,
            egress=[aws.ec2.SecurityGroupEgressArgs(protocol="-1", from_port=0, to_port=0, cidr_blocks=["0.0.0.0/0"], description="Allow all outbound traffic")],
            tags={"Name": f"ecs-sg-{environment_suffix}"},
            opts=pulumi.ResourceOptions(parent=self),
        )

        aws.ec2.SecurityGroupRule(
            f"ecs-from-alb-{environment_suffix}",
            type="ingress",
            from_port=5000,
            to_port=5000,
            protocol="tcp",
            source_security_group_id=self.alb_sg.id,
            security_group_id=self.ecs_sg.id,
            description="Allow alb to reach ecs on tcp/5000"
        )

        self.rds_sg = aws.ec2.SecurityGroup(
            f"rds-sg-{environment_suffix}",
            vpc_id=vpc_id,
            description="RDS PostgreSQL",
            ingress=[
                aws.ec2.SecurityGroupIngressArgs(
                    protocol="tcp",
                    from_port=5432,
                    to_port=5432,
                    security_groups=[self.ecs_sg.id],
                    description="Allow ecs to reach rds on PostgreSQL",
                ),
            ],
            opts=pulumi.ResourceOptions(parent=self),
        )

        aws.ec2.SecurityGroupRule(
            f"alb-to-ecs-{environment_suffix}",
            type="egress",
            from_port=5000,
            to_port=5000,
            protocol="tcp",
            source_security_group_id=self.ecs_sg.id,
            security_group_id=self.alb_sg.id,
            description="Allow alb to reach ecs on tcp/5000",
            opts=pulumi.ResourceOptions(parent=self),
        )

        self.register_outputs({"alb_sg_id": self.alb_sg.id, "ecs_sg_id": self.ecs_sg.id})
