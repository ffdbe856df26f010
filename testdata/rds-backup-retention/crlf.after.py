import pulumi_aws as aws

# CRLF line endings survive.
db = aws.rds.Instance(
    "crlf",
    engine="postgres",
    instance_class="db.t3.micro",
    backup_retention_period=7,
    backup_window="03:00-04:00",
    maintenance_window="mon:04:00-mon:05:00",
    # no windows yet
)
cluster = aws.rds.Cluster(
    "crlf-cluster",
    engine="aurora-postgresql",
    backup_retention_period=7,
    preferred_backup_window="03:00-04:00",
    preferred_maintenance_window="mon:04:00-mon:05:00",
)
