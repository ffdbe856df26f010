import pulumi
import pulumi_aws as aws

service = aws.ecs.Service("svc", cluster="c", desired_count=1)
done = aws.appautoscaling.Target("done", max_capacity=4, min_capacity=1, resource_id=pulumi.Output.concat("service/c/", service.name), scalable_dimension="ecs:service:DesiredCount", service_namespace="ecs", opts=pulumi.ResourceOptions(depends_on=[service]))
# A table, not a service.
table = aws.dynamodb.Table("t", hash_key="id", attributes=[{"name": "id", "type": "S"}])
reads = aws.appautoscaling.Target("reads", max_capacity=10, min_capacity=1, resource_id=table.name.apply(lambda n: f"table/{n}"), scalable_dimension="dynamodb:table:ReadCapacityUnits", service_namespace="dynamodb")
# A service of another stack, named by string.
other = aws.appautoscaling.Target("other", max_capacity=4, min_capacity=1, resource_id="service/c/other", scalable_dimension="ecs:service:DesiredCount", service_namespace="ecs")
