import json
import pulumi_aws as aws

aws.ecs.TaskDefinition("checked", family="f", container_definitions=json.dumps([{
    "name": "web",
    "image": "nginx",
    "healthCheck": {"command": ["CMD-SHELL", "true"]},
}]))
# Not a container definition (no image), and a document that is not a literal.
aws.ecs.TaskDefinition("partial", family="f", container_definitions=json.dumps([{"name": "x"}]))
aws.ecs.TaskDefinition("opaque", family="f", container_definitions=json.dumps(load_containers()))
# Not a task definition.
aws.ssm.Parameter("p", type="String", value=json.dumps([{"name": "web", "image": "nginx"}]))
