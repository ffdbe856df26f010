"""Output properties the resource classes of pulumi-aws 7 do not have."""
import pulumi
import pulumi_aws as aws

db = aws.rds.Instance(
    "db",
    engine="postgres",
    instance_class="db.t3.micro",
    allocated_storage=20,
    username="app",
    manage_master_user_password=True,
    skip_final_snapshot=True,
)
# The secret is a one-element list in pulumi-aws: `master_user_secrets`.
pulumi.export("db_secret", db.master_user_secrets[0].secret_arn)
pulumi.export("db_host", db.address)
pulumi.export("db_id", db.id)
