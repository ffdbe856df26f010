# A project already on pulumi-aws 7: upgrade --to 7 leaves it alone, even the spellings 7
# rejects (the checks report those).
import pulumi_aws as aws

eip = aws.ec2.Eip("nat", vpc=True)
warehouse = aws.redshift.Cluster("warehouse", cluster_identifier="w", node_type="ra3.xlplus", encrypted="true")
