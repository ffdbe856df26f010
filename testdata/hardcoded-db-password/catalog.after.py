"""The catalog's database: a password written in the program, used only as an input."""
import pulumi
import pulumi_aws as aws
import pulumi_random

db_password = pulumi_random.RandomPassword(
    "db-password",
    length=20,
    special=False,
).result  # ❌ HARDCODED PASSWORD - SECURITY RISK
db_username = "postgres"


class Database(pulumi.ComponentResource):
    def __init__(self, name, environment_suffix, opts=None):
        super().__init__("catalog:Database", name, None, opts)
        self.rds_instance = aws.rds.Instance(
            f"rds-{environment_suffix}",
            engine="postgres",
            instance_class="db.t3.micro",
            allocated_storage=20,
            username=db_username,
            password=db_password,
            skip_final_snapshot=True,
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.secret = aws.secretsmanager.SecretVersion(
            f"db-secret-{environment_suffix}",
            secret_id="db",
            secret_string=db_password,
        )
        # Output functions take inputs too: still only a Pulumi input.
        self.url = pulumi.Output.concat("postgresql://postgres:", db_password, "@db")
