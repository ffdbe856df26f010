import pulumi_aws as aws

db = aws.rds.Instance(
    'db',
    engine='postgres',
    instance_class='db.t3.micro',
    maintenance_window='wed:03:30-wed:04:30',
)
cluster = aws.rds.Cluster('cluster', engine='aurora-postgresql')
