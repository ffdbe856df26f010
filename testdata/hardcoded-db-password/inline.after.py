from pulumi_aws import rds
import pulumi_random

rds.Instance(f"db-{stack}", engine="mysql", instance_class="db.t3.micro", username="admin", password=pulumi_random.RandomPassword(f"db-{stack}-password", length=20, special=False).result)
rds.Instance("plain", engine="mysql", instance_class="db.t3.micro", username="admin", password=pulumi_random.RandomPassword("plain-password", length=20, special=False).result)
for i in range(2):
    rds.Instance("replica", engine="mysql", instance_class="db.t3.micro", username="admin", password="S3cr3t!")
