import pulumi
import pulumi_aws as aws
import pulumi_random

# Wrapped in `Output.secret`: hidden from logs, but still in the source and the state history.
db = aws.rds.Instance(
    "orders",
    engine="postgres",
    instance_class="db.t3.micro",
    allocated_storage=20,
    username="app",
    password=pulumi.Output.secret(
        pulumi_random.RandomPassword(
            "orders-password",
            length=20,
            special=False,
        ).result,
    ),
    skip_final_snapshot=True,
)

admin_password = pulumi.Output.secret(
    pulumi_random.RandomPassword("admin-password", length=20, special=False).result,
)
cluster = aws.rds.Cluster(
    "analytics",
    engine="aurora-postgresql",
    master_username="admin",
    master_password=admin_password,
    skip_final_snapshot=True,
)
pulumi.export("connection", pulumi.Output.concat("postgres://app:", admin_password, "@", cluster.endpoint))

# Not a literal: left alone.
config = pulumi.Config()
aws.rds.Instance(
    "billing",
    engine="postgres",
    instance_class="db.t3.micro",
    allocated_storage=20,
    username="app",
    password=pulumi.Output.secret(config.get("dbPassword")),
    skip_final_snapshot=True,
)
