"""The catalog's secret version, created inside `Output.all(...).apply`."""
import json

import pulumi
import pulumi_aws as aws


class Catalog(pulumi.ComponentResource):
    def __init__(self, environment_suffix, opts=None):
        super().__init__("catalog:app:Catalog", environment_suffix, None, opts)
        self.db_secret = aws.secretsmanager.Secret(f"db-secret-{environment_suffix}", opts=pulumi.ResourceOptions(parent=self))
        self.rds_instance = aws.rds.Instance(f"rds-{environment_suffix}", engine="postgres", instance_class="db.t3.micro", allocated_storage=20, opts=pulumi.ResourceOptions(parent=self))
        self.db_secret_version = pulumi.Output.all(
            self.db_secret.id,
            self.rds_instance.endpoint,
            self.rds_instance.address  # ✅ USE ADDRESS PROPERTY DIRECTLY
        ).apply(lambda args: aws.secretsmanager.SecretVersion(
            f"db-secret-version-{environment_suffix}",
            secret_id=args[0],
            secret_string=json.dumps({
                "host": args[2],
                "port": 5432,
            }),
            opts=pulumi.ResourceOptions(parent=self),
        ))
        # A bare statement: the hoisted resource gets a name of its own.
        self.rds_instance.endpoint.apply(
            lambda endpoint: aws.ssm.Parameter(
                f"db-endpoint-{environment_suffix}",
                type="String",
                value=endpoint,
            )
        )
