import pulumi
import pulumi_aws as aws

# What only the author can write.
secret = aws.secretsmanager.Secret(
    "db", generate_secret_string={"password_length": 32, "exclude_punctuation": True}
)
nat = aws.ec2.Instance("nat", ami="ami-123", instance_type="t3.micro")
routes = aws.ec2.RouteTable(
    "private",
    vpc_id="vpc-1",
    routes=[aws.ec2.RouteTableRouteArgs(cidr_block="0.0.0.0/0", instance_id="i-0123456789abcdef0")],
)
cache = aws.elasticache.ReplicationGroup(
    "cache", description="cache", node_type="cache.t3.micro", auth_token_enabled=True
)
provider = aws.Provider("west", region="us-west-2")
# The new resource would need the bucket's provider: which options apply is the author's call.
logs = aws.s3.Bucket(
    "logs", block_public_acls=True, opts=pulumi.ResourceOptions(provider=provider)
)


def api_stage(api, name):
    return aws.apigateway.Deployment(name, rest_api=api.id, stage_name=name)


# A comment beside the one element would be lost by taking it out of the list.
cluster = aws.ecs.Cluster("cluster")
service = aws.ecs.Service(
    "api",
    cluster=cluster.arn,
    task_definition="api:1",
    deployment_circuit_breakers=[
        # roll back on failure
        {"enable": True, "rollback": True}
    ],
)
