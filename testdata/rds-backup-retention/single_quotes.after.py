import pulumi_aws as aws

db = aws.rds.Instance(
    'db',
    engine='postgres',
    instance_class='db.t3.micro',
    maintenance_window='wed:03:30-wed:04:30',
    backup_retention_period=7,
    backup_window='05:00-06:00',
)
cluster = aws.rds.Cluster(
    'cluster',
    engine='aurora-postgresql',
    backup_retention_period=7,
    preferred_backup_window='03:00-04:00',
    preferred_maintenance_window='mon:04:00-mon:05:00',
)
