"""Every way a program can name aws.rds.Instance and aws.rds.Cluster."""
import pulumi
import pulumi_aws as aws
import pulumi_aws
from pulumi_aws import rds
from pulumi_aws.rds import Cluster, Instance
from pulumi_aws.rds import Instance as Db

password = pulumi.Config().require_secret("dbPassword")

a = aws.rds.Instance("a", engine="postgres", instance_class="db.t3.micro", allocated_storage=20)
b = pulumi_aws.rds.Instance("b", engine="mysql", instance_class="db.t3.micro")
c = rds.Cluster("c", engine="aurora-postgresql", master_password=password)
d = Instance(
    "d",
    engine="postgres",
    instance_class="db.t3.micro",
    allocated_storage=20,
)
e = Db(
    "e",
    engine="postgres",
    instance_class="db.t3.micro"
)
f = Cluster(
    "f",
    engine="aurora-mysql",
    master_username="admin",
    master_password=password,
)
g = pulumi_aws.rds.cluster.Cluster("g", engine="aurora-postgresql")
