import pulumi_aws as aws

# Literal 0 becomes 7 (unsafe), and the missing windows are added.
no_backups = aws.rds.Instance(
    "no-backups",
    engine="postgres",
    instance_class="db.t3.micro",
    backup_retention_period=7,
    allocated_storage=20,
    backup_window="03:00-04:00",
    maintenance_window="mon:04:00-mon:05:00",
)
no_backups_inline = aws.rds.Instance("no-backups-inline", engine="mysql", instance_class="db.t3.micro", backup_retention_period=7, backup_window="03:00-04:00", maintenance_window="mon:04:00-mon:05:00")
# The windows are already there: only the retention changes.
zero_with_windows = aws.rds.Instance(
    "zero-with-windows",
    engine="postgres",
    instance_class="db.t3.micro",
    backup_retention_period=7,
    backup_window="02:00-02:30",
    maintenance_window="sun:05:00-sun:05:30",
)
cluster_zero = aws.rds.Cluster(
    "cluster-zero",
    engine="aurora-postgresql",
    backup_retention_period=7,
    preferred_maintenance_window="tue:03:15-tue:03:45",
    preferred_backup_window="05:00-06:00",
)
