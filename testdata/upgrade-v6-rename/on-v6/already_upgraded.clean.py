"""A pulumi-aws 6 program: upgrade --to 6 leaves it alone."""
import pulumi_aws as aws

web = aws.lb.LoadBalancer("web", internal=False)
db = aws.rds.Instance("db", db_name="app", instance_class="db.t3.micro")
ami = aws.ec2.get_ami(most_recent=True, owners=["amazon"])
subnets = aws.ec2.get_subnets(filters=[{"name": "vpc-id", "values": ["vpc-1"]}])
nat = aws.ec2.Instance("nat", ami="ami-1", instance_type="t3.micro")
route = aws.ec2.Route("to-nat", route_table_id="rtb-1", network_interface_id=nat.primary_network_interface_id)
group = aws.elasticache.ReplicationGroup("group", description="g", cluster_mode="enabled", num_node_groups=2)
api = aws.apigateway.RestApi("api", minimum_compression_size="1024")
