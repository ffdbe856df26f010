import json
import pulumi
import pulumi_aws as aws

db_password = "hunter2-but-longer"
cluster = aws.rds.Cluster("orders", engine="aurora-postgresql", master_username="app", master_password=db_password)

# Used as a plain string: a RandomPassword output would print as an Output object here.
aws.secretsmanager.SecretVersion(
    "orders-url",
    secret_id="orders",
    secret_string=cluster.endpoint.apply(lambda host: json.dumps({"url": f"postgresql://app:{db_password}@{host}/orders"})),
)
