import pulumi
import pulumi_aws as aws

cluster = aws.rds.Cluster("aurora", engine="aurora-postgresql", master_username="app", manage_master_user_password=True)
# A cluster's endpoint is already a host name.
host = cluster.endpoint.apply(lambda endpoint: endpoint.split(":")[0])
db = aws.rds.Instance("db", engine="postgres", instance_class="db.t3.micro", allocated_storage=20)
# The port, not the host.
port = db.endpoint.apply(lambda endpoint: endpoint.split(":")[1])
# Not an endpoint.
name = db.arn.apply(lambda arn: arn.split(":")[0])
url = "host:5432".split(":")[0]
