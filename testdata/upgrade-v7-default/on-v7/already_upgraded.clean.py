import pulumi_aws as aws

# On a project already on 7 the upgrade rules stay quiet.
cluster = aws.redshift.Cluster("warehouse", cluster_identifier="w", node_type="ra3.xlplus")
