import pulumi_aws as aws


def service(name):
	return aws.ecs.Service(
		name,
		desired_count=2,
		load_balancers=[]
	)


def wrong(name):
	return aws.ecs.Service(
		name,
		load_balancers=[],
		deployment_configuration=aws.ecs.ServiceDeploymentConfigurationArgs(
			maximum_percent=200,
			minimum_healthy_percent=100
		)
	)
