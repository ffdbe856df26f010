import pulumi
import pulumi_aws as aws

# A comment line after the last argument, without a trailing comma.
commented = aws.rds.Instance(
    "commented",
    engine="postgres",
    instance_class="db.t3.micro",  # smallest
    backup_retention_period=7,
    backup_window="03:00-04:00",
    maintenance_window="mon:04:00-mon:05:00"
    # backups: see below
)
# Existing arguments in another order, opts first.
ordered = aws.rds.Cluster(
    "ordered",
    opts=pulumi.ResourceOptions(protect=True),
    skip_final_snapshot=False,
    engine="aurora-postgresql",
    backup_retention_period=7,
    preferred_backup_window="03:00-04:00",
    preferred_maintenance_window="mon:04:00-mon:05:00",
)
# Hanging indentation.
hanging = aws.rds.Instance("hanging",
                           engine="postgres",
                           instance_class="db.t3.micro",
                           backup_retention_period=7,
                           backup_window="03:00-04:00",
                           maintenance_window="mon:04:00-mon:05:00")
# Arguments object: the keywords go into InstanceArgs (keywords beside an args object are
# ignored by the SDK).
with_args = aws.rds.Instance(
    "with-args",
    aws.rds.InstanceArgs(
        engine="postgres",
        instance_class="db.t3.micro",
        backup_retention_period=7,
        backup_window="03:00-04:00",
        maintenance_window="mon:04:00-mon:05:00",
    ),
)
cluster_args = aws.rds.Cluster("cluster-args", args=aws.rds.ClusterArgs(engine="aurora-postgresql", backup_retention_period=7, preferred_backup_window="03:00-04:00", preferred_maintenance_window="mon:04:00-mon:05:00"))
# cluster_identifier names a Cluster (it only marks an Aurora member on an Instance): flagged.
named_cluster = aws.rds.Cluster(
    "named-cluster",
    cluster_identifier="catalog-aurora",
    engine="aurora-postgresql",
    backup_retention_period=7,
    preferred_backup_window="03:00-04:00",
    preferred_maintenance_window="mon:04:00-mon:05:00",
)
