from pulumi_aws import rds

rds.Instance(f"db-{stack}", engine="mysql", instance_class="db.t3.micro", username="admin", password='S3cr3t!')
rds.Instance("plain", engine="mysql", instance_class="db.t3.micro", username="admin", password="S3cr3t!")
for i in range(2):
    rds.Instance("replica", engine="mysql", instance_class="db.t3.micro", username="admin", password="S3cr3t!")
