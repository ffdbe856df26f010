import pulumi_aws as aws

# Spellings pulumi-aws 5 removed.
cache = aws.elasticache.ReplicationGroup(
    "cache",
    description="Session cache",
    node_type="cache.t3.micro",
    num_cache_clusters=2,
    automatic_failover_enabled=True,
)
