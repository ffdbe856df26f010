import pulumi_aws as aws

settings = {"publicly_accessible": False}
# The arguments come from `**`: only the author knows whether it is set there.
cluster = aws.redshift.Cluster("warehouse", cluster_identifier="w", node_type="ra3.xlplus", **settings)
