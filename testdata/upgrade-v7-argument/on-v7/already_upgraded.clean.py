# A project already on pulumi-aws 7: upgrade --to 7 leaves it alone, even the spellings 7
# rejects (the checks report those).
import pulumi_aws as aws

eip = aws.ec2.Eip("nat", vpc=True)
warehouse = aws.redshift.Cluster("warehouse", cluster_identifier="w", node_type="ra3.xlplus", encrypted="true")
peer = aws.networkmanager.ConnectPeer("peer", connect_attachment_id="a-1", peer_address="10.0.0.1", bgp_options={"peer_asn": "65000"})
