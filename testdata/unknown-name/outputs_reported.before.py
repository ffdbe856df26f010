"""An output a class does not have and nothing near it: reported, no fix."""
import pulumi
import pulumi_aws as aws

cache = aws.elasticache.ReplicationGroup(
    "cache",
    description="sessions",
    node_type="cache.t3.micro",
    num_cache_clusters=2,
)
pulumi.export("nodes", cache.cache_nodes)
pulumi.export("primary", cache.primary_endpoint_address)

# Bound twice: which class the name holds at the read is not certain; left alone.
queue = aws.sqs.Queue("jobs")
if pulumi.get_stack() == "dev":
    queue = aws.sns.Topic("jobs")
pulumi.export("queue", queue.url)

# Set, not read: Python's business.
db = aws.rds.Instance("db", engine="postgres", instance_class="db.t3.micro", allocated_storage=20)
db.note = "primary"
