"""Every way a program can name aws.rds.Instance and aws.rds.Cluster."""
import pulumi
import pulumi_aws as aws
import pulumi_aws
from pulumi_aws import rds
from pulumi_aws.rds import Cluster, Instance
from pulumi_aws.rds import Instance as Db

password = pulumi.Config().require_secret("dbPassword")

a = aws.rds.Instance("a", engine="postgres", instance_class="db.t3.micro", allocated_storage=20, backup_retention_period=7, backup_window="03:00-04:00", maintenance_window="mon:04:00-mon:05:00")
b = pulumi_aws.rds.Instance(
    "b",
    engine="mysql",
    instance_class="db.t3.micro",
    backup_retention_period=7,
    backup_window="03:00-04:00",
    maintenance_window="mon:04:00-mon:05:00",
)
c = rds.Cluster(
    "c",
    engine="aurora-postgresql",
    master_password=password,
    backup_retention_period=7,
    preferred_backup_window="03:00-04:00",
    preferred_maintenance_window="mon:04:00-mon:05:00",
)
d = Instance(
    "d",
    engine="postgres",
    instance_class="db.t3.micro",
    allocated_storage=20,
    backup_retention_period=7,
    backup_window="03:00-04:00",
    maintenance_window="mon:04:00-mon:05:00",
)
e = Db(
    "e",
    engine="postgres",
    instance_class="db.t3.micro",
    backup_retention_period=7,
    backup_window="03:00-04:00",
    maintenance_window="mon:04:00-mon:05:00"
)
f = Cluster(
    "f",
    engine="aurora-mysql",
    master_username="admin",
    master_password=password,
    backup_retention_period=7,
    preferred_backup_window="03:00-04:00",
    preferred_maintenance_window="mon:04:00-mon:05:00",
)
g = pulumi_aws.rds.cluster.Cluster(
    "g",
    engine="aurora-postgresql",
    backup_retention_period=7,
    preferred_backup_window="03:00-04:00",
    preferred_maintenance_window="mon:04:00-mon:05:00",
)
