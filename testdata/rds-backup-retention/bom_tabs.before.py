import pulumi_aws as aws


class Stack:
	def __init__(self, name):
		self.db = aws.rds.Instance(
			name,
			engine="postgres",
			instance_class="db.t3.micro",
		)
		self.cluster = aws.rds.Cluster(
			f"{name}-cluster",
			engine="aurora-postgresql"
		)
