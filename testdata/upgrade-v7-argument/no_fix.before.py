import pulumi_aws as aws

buckets = [{"target_bucket": "a"}, {"target_bucket": "b"}]
# Two logging targets: pulumi-aws 7 takes one; a person chooses.
site = aws.s3.Bucket("site", loggings=buckets)
# The new argument is already there: one of the two must go.
association = aws.directconnect.GatewayAssociation(
    "dx", dx_gateway_id="dx-1", vpn_gateway_id="vgw-1", associated_gateway_id="vgw-2"
)
eip = aws.ec2.Eip("legacy", vpc=False)
# Row 45: 7 takes `encrypted` as a string; a value the source does not spell out stays.
encrypt = True
warehouse = aws.redshift.Cluster("warehouse", cluster_identifier="w", node_type="ra3.xlplus", encrypted=encrypt)
# A peer ASN the source does not spell out as a number stays.
asn = 65000
peer = aws.networkmanager.ConnectPeer("peer", connect_attachment_id="a-1", peer_address="10.0.0.1", bgp_options={"peer_asn": asn})
