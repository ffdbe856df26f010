import pulumi_aws as aws

cluster = aws.redshift.Cluster("warehouse", cluster_identifier="w", node_type="ra3.xlplus", publicly_accessible=True,
                               encrypted="false")
cache = aws.elasticache.ReplicationGroup(
    "cache", description="cache", auth_token="0123456789abcdef0123", auth_token_update_strategy="ROTATE"
)
