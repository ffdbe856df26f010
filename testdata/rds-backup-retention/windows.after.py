import pulumi
import pulumi_aws as aws

config = pulumi.Config()
backup_window = config.get("backupWindow") or "03:00-04:00"
maintenance_window = config.get("maintenanceWindow")

# A maintenance window overlapping 03:00-04:00 on Wednesday: the backup window moves.
overlap_maintenance = aws.rds.Instance(
    "overlap-maintenance",
    engine="postgres",
    instance_class="db.t3.micro",
    maintenance_window="wed:03:30-wed:04:30",
    backup_retention_period=7,
    backup_window="05:00-06:00",
)
# A backup window overlapping Monday 04:00-05:00: the maintenance window moves.
overlap_backup = aws.rds.Instance(
    "overlap-backup",
    engine="postgres",
    instance_class="db.t3.micro",
    backup_window="04:30-05:30",
    backup_retention_period=7,
    maintenance_window="mon:06:00-mon:07:00",
)
# Cluster argument names, same logic.
cluster_overlap = aws.rds.Cluster(
    "cluster-overlap",
    engine="aurora-postgresql",
    preferred_backup_window="03:30-04:30",
    backup_retention_period=7,
    preferred_maintenance_window="mon:06:00-mon:07:00",
)
# Existing windows that do not overlap the defaults are kept, and the default is added.
no_overlap = aws.rds.Instance(
    "no-overlap",
    engine="postgres",
    instance_class="db.t3.micro",
    maintenance_window="sat:10:00-sat:11:00",
    backup_retention_period=7,
    backup_window="03:00-04:00",
)
# Both windows set: only the retention is added.
both = aws.rds.Instance(
    "both",
    engine="mysql",
    instance_class="db.t3.micro",
    backup_window="01:00-01:30",
    maintenance_window="sun:02:00-sun:02:30",
    backup_retention_period=7,
)
# A window given by a variable: the other one is not added, and the message says why.
from_variable = aws.rds.Instance(
    "from-variable",
    engine="postgres",
    instance_class="db.t3.micro",
    backup_window=backup_window,
    backup_retention_period=7,
)
cluster_from_variable = aws.rds.Cluster(
    "cluster-from-variable",
    engine="aurora-mysql",
    preferred_maintenance_window=maintenance_window,
    backup_retention_period=7,
)
# A window in a form that cannot be read: same.
odd = aws.rds.Instance("odd", engine="postgres", instance_class="db.t3.micro", maintenance_window="Mon 4am", backup_retention_period=7)
# A maintenance window across the end of the week (Sunday night to Monday 03:30).
week_end = aws.rds.Instance(
    "week-end",
    engine="postgres",
    instance_class="db.t3.micro",
    maintenance_window="sun:23:30-mon:03:30",
    backup_retention_period=7,
    backup_window="05:00-06:00",
)
# A backup window across midnight: it does not meet Monday 04:00-05:00.
midnight = aws.rds.Cluster("midnight", engine="aurora-postgresql", preferred_backup_window="23:30-00:30", backup_retention_period=7, preferred_maintenance_window="mon:04:00-mon:05:00")
