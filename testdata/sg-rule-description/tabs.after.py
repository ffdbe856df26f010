import pulumi
import pulumi_aws as aws


class Cache(pulumi.ComponentResource):
	def __init__(self, name, vpc_id, app_sg, opts=None):
		super().__init__("acme:cache:Cache", name, None, opts)
		self.redis_sg = aws.ec2.SecurityGroup(
			f"{name}-redis-sg",
			vpc_id=vpc_id,
			ingress=[
				aws.ec2.SecurityGroupIngressArgs(
					protocol="tcp",
					from_port=6379,
					to_port=6379,
					security_groups=[app_sg.id],
					description="Allow app to reach redis on Redis"
				),
			],
			opts=pulumi.ResourceOptions(parent=self),
		)
		aws.vpc.SecurityGroupEgressRule(
			f"{name}-redis-out",
			security_group_id=self.redis_sg.id,
			ip_protocol="-1",
			cidr_ipv4="0.0.0.0/0",
			description="Allow all outbound traffic",
			opts=pulumi.ResourceOptions(parent=self),
		)
