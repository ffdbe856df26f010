import pulumi_aws as aws


def service(name):
	return aws.ecs.Service(
		name,
		desired_count=2,
		load_balancers=[],
		deployment_maximum_percent=200,
		deployment_minimum_healthy_percent=100,
		health_check_grace_period_seconds=60
	)


def wrong(name):
	return aws.ecs.Service(
		name,
		load_balancers=[],
		deployment_maximum_percent=200,
		deployment_minimum_healthy_percent=100,
		health_check_grace_period_seconds=60
	)
