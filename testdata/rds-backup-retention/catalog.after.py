import pulumi
import pulumi_aws as aws


class Database(pulumi.ComponentResource):
    def __init__(self, name, environment_suffix, subnet_ids, password, opts=None):
        super().__init__("acme:db:Database", name, None, opts)
        self.subnet_group = aws.rds.SubnetGroup(
            f"db-subnets-{environment_suffix}",
            subnet_ids=subnet_ids,
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.rds_instance = aws.rds.Instance(
            f"rds-{environment_suffix}",
            identifier=f"catalog-db-{environment_suffix}",
            engine="postgres",
            engine_version="15.4",
            instance_class="db.t3.micro",
            allocated_storage=20,
            db_name="catalog",
            username="postgres",
            password=password,
            db_subnet_group_name=self.subnet_group.name,
            skip_final_snapshot=True,
            backup_retention_period=7,
            backup_window="03:00-04:00",
            maintenance_window="mon:04:00-mon:05:00",
            opts=pulumi.ResourceOptions(parent=self),
            # TODO: backups
        )
        self.register_outputs({"endpoint": self.rds_instance.endpoint})


def tenant_databases(tenants, password):
    dbs = []
    for tenant in tenants:
        dbs.append(
            aws.rds.Instance(
                f"db-{tenant}",
                engine="postgres",
                instance_class="db.t3.micro",
                allocated_storage=10,
                password=password,
                backup_retention_period=7,
                backup_window="03:00-04:00",
                maintenance_window="mon:04:00-mon:05:00",
            )
        )
    return dbs


def shards(count, password):
    return [aws.rds.Cluster(f"shard-{i}", engine="aurora-postgresql", master_password=password, backup_retention_period=7, preferred_backup_window="03:00-04:00", preferred_maintenance_window="mon:04:00-mon:05:00") for i in range(count)]


def late(name):
    # Created inside a callback: still an Instance.
    return aws.rds.Instance(f"late-{name}", engine="mysql", instance_class="db.t3.micro", backup_retention_period=7, backup_window="03:00-04:00", maintenance_window="mon:04:00-mon:05:00")


password = pulumi.Config().require_secret("dbPassword")
db = Database("db", pulumi.get_stack(), ["subnet-1", "subnet-2"], password)
pulumi.Output.from_input("x").apply(late)
pulumi.Output.from_input("y").apply(lambda n: aws.rds.Cluster(f"lambda-{n}", engine="aurora-mysql", backup_retention_period=7, preferred_backup_window="03:00-04:00", preferred_maintenance_window="mon:04:00-mon:05:00"))
