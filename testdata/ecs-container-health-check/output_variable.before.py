'''Container definitions built in an Output.all(...).apply callback and held in a variable
before the task definition takes them; the probe asks for the target group's path.'''
import json

import pulumi
import pulumi_aws as aws

logs = aws.cloudwatch.LogGroup('logs')
secret = aws.secretsmanager.Secret('token')
group = aws.lb.TargetGroup(
    'web',
    port=8000,
    protocol='HTTP',
    target_type='ip',
    vpc_id='vpc-1',
    health_check=aws.lb.TargetGroupHealthCheckArgs(path='/healthz', matcher='200-299'),
)
container_definitions = pulumi.Output.all(logs.name, secret.arn).apply(
    lambda args: json.dumps([
        {
            'name': 'web',
            'image': 'python:3.12-slim',
            'portMappings': [{'containerPort': 8000}],
            'secrets': [{'name': 'TOKEN', 'valueFrom': args[1]}],
            'logConfiguration': {
                'logDriver': 'awslogs',
                'options': {'awslogs-group': args[0], 'awslogs-region': 'us-east-1'},
            },
        }
    ])
)
task = aws.ecs.TaskDefinition(
    'web',
    family='web',
    network_mode='awsvpc',
    requires_compatibilities=['FARGATE'],
    cpu='256',
    memory='512',
    container_definitions=container_definitions,
)
aws.ecs.Service(
    'web',
    task_definition=task.arn,
    load_balancers=[aws.ecs.ServiceLoadBalancerArgs(target_group_arn=group.arn, container_name='web', container_port=8000)],
)
