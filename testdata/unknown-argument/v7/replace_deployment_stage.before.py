import pulumi
import pulumi_aws as aws

api = aws.apigateway.RestApi("api")
items = aws.apigateway.Resource(
    "items", rest_api=api.id, parent_id=api.root_resource_id, path_part="items"
)
get = aws.apigateway.Method(
    "get", rest_api=api.id, resource_id=items.id, http_method="GET", authorization="NONE"
)
mock = aws.apigateway.Integration(
    "get", rest_api=api.id, resource_id=items.id, http_method=get.http_method, type="MOCK"
)

# pulumi-aws 6 managed the stage from the deployment; 7 declares it as a resource.
deployment = aws.apigateway.Deployment(
    "api-deployment",
    rest_api=api.id,
    stage_name="prod",
    stage_description="Production",
    triggers={"items": items.id},
)

pulumi.export("url", deployment.invoke_url)
pulumi.export("source_arn", deployment.execution_arn.apply(lambda arn: f"{arn}/*/*"))
