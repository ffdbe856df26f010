import json
import pulumi
import pulumi_aws as aws
import secrets
import string

db_password = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(20))
cluster = aws.rds.Cluster("orders", engine="aurora-postgresql", master_username="app", master_password=db_password)

# Used as a plain string: a RandomPassword output would print as an Output object here.
aws.secretsmanager.SecretVersion(
    "orders-url",
    secret_id="orders",
    secret_string=cluster.endpoint.apply(lambda host: json.dumps({"url": f"postgresql://app:{db_password}@{host}/orders"})),
)
