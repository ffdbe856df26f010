import pulumi_aws as aws

keep = aws.rds.Instance("keep", engine="postgres", instance_class="db.t3.micro")  # infra-fix: ignore[rds-backup-retention]
# infra-fix: ignore
keep_too = aws.rds.Cluster(
    "keep-too",
    engine="aurora-postgresql",
)
keep_zero = aws.rds.Instance(
    "keep-zero",
    engine="postgres",
    instance_class="db.t3.micro",
    backup_retention_period=0,  # infra-fix: ignore[rds-backup-retention]
)
flagged = aws.rds.Instance("flagged", engine="postgres", instance_class="db.t3.micro", backup_retention_period=7, backup_window="03:00-04:00", maintenance_window="mon:04:00-mon:05:00")  # infra-fix: ignore[ecr-force-delete]
