import pulumi_aws as aws

# CRLF line endings survive.
db = aws.rds.Instance(
    "crlf",
    engine="postgres",
    instance_class="db.t3.micro",
    backup_retention_period=0,
    # no windows yet
)
cluster = aws.rds.Cluster("crlf-cluster", engine="aurora-postgresql")
