import pulumi
import pulumi_aws as aws
import pulumi_gcp as gcp
from pulumi_aws.ec2 import Instance

config = pulumi.Config()
retention = config.get_int("retention") or 7
settings = {"backup_retention_period": 14}

# Retention chosen: a literal, a variable, a config value.
kept = aws.rds.Instance("kept", engine="postgres", backup_retention_period=7)
week = aws.rds.Cluster("week", engine="aurora-postgresql", backup_retention_period=retention)
configured = aws.rds.Instance("configured", backup_retention_period=config.require_int("days"))
# Read replicas follow their source.
source = aws.rds.Instance("source", engine="postgres", backup_retention_period=7)
replica = aws.rds.Instance("replica", replicate_source_db=source.identifier, instance_class="db.t3.micro")
replica_zero = aws.rds.Instance("replica-zero", replicate_source_db=source.arn, backup_retention_period=0)
# Instances of an Aurora cluster: backups belong to the cluster.
aurora = aws.rds.Cluster("aurora", engine="aurora-postgresql", backup_retention_period=7)
member = aws.rds.Instance("member", cluster_identifier=aurora.id, engine="aurora-postgresql")
member2 = aws.rds.ClusterInstance("member2", cluster_identifier=aurora.id, instance_class="db.r6g.large")
# **kwargs may already hold the retention.
splat = aws.rds.Instance("splat", engine="postgres", **settings)
# Arguments objects that set it, or that we cannot see.
args_set = aws.rds.Instance("args-set", aws.rds.InstanceArgs(backup_retention_period=3))
db_args = aws.rds.InstanceArgs(engine="postgres", instance_class="db.t3.micro")
args_hidden = aws.rds.Instance("args-hidden", db_args)
replica_args = aws.rds.Instance("replica-args", args=aws.rds.InstanceArgs(replicate_source_db=source.arn))
# Lookups of existing databases, and other classes named Instance / Cluster.
existing = aws.rds.Instance.get("existing", "db-existing")
existing_cluster = aws.rds.Cluster.get("existing-cluster", "cluster-existing")
looked_up = aws.rds.get_instance(db_instance_identifier="db-existing")
server = Instance("server", ami="ami-123", instance_type="t3.micro")
vm = aws.ec2.Instance("vm", ami="ami-123", instance_type="t3.micro")
lightsail = aws.lightsail.Instance("ls", availability_zone="us-east-1a", blueprint_id="ubuntu", bundle_id="nano")
docdb = aws.docdb.Cluster("docdb", master_username="u", master_password=config.require_secret("p"))
cloudsql = gcp.sql.DatabaseInstance("cloudsql", database_version="POSTGRES_15")
