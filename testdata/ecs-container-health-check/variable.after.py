import json
import pulumi_aws as aws

# Built in a variable first; a bridge-mode task: no hostPort is added.
web = {
	'name': 'web',
	'image': 'nginx:1.27',
	'portMappings': [{'containerPort': 8080}],
	'healthCheck': {
		'command': ['CMD-SHELL', 'curl -f http://127.0.0.1:8080/ || exit 1'],
		'interval': 30,
		'timeout': 5,
		'retries': 3,
		'startPeriod': 60,
	},
}
sidecar = {
	'name': 'log-router',
	'image': 'fluent-bit',
	'essential': False,
}
containers = [web, sidecar]
aws.ecs.TaskDefinition('task', family='web', container_definitions=json.dumps(containers))
