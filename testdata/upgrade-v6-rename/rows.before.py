"""Every rewrite of infra-fix upgrade --to 6, as a pulumi-aws 5 program writes it."""
import pulumi_aws as aws
from pulumi_aws import elasticloadbalancingv2 as elbv2
from pulumi_aws.elasticloadbalancing import LoadBalancer as ClassicLoadBalancer
import pulumi_aws.elasticloadbalancingv2 as v2
from pulumi_aws import applicationloadbalancing

web = aws.elasticloadbalancingv2.LoadBalancer("web", internal=False)
group = aws.elasticloadbalancingv2.TargetGroup(
    "group", port=80, protocol="HTTP", vpc_id="vpc-1"
)
listener = aws.elasticloadbalancingv2.Listener(
    "listener",
    load_balancer_arn=web.arn,
    port=80,
    default_actions=[
        aws.elasticloadbalancingv2.ListenerDefaultActionArgs(
            type="forward", target_group_arn=group.arn
        )
    ],
)
app = aws.applicationloadbalancing.LoadBalancer("app")
address_type = aws.applicationloadbalancing.IpAddressType.IPV4
classic = aws.elasticloadbalancing.LoadBalancer(
    "classic", listeners=[], availability_zones=["us-east-1a"]
)
zone = aws.elasticloadbalancing.get_hosted_zone_id()
found = aws.elasticloadbalancingv2.get_load_balancer_output(name="web")
through_import = elbv2.TargetGroup("imported", port=80, protocol="HTTP")
accepter = aws.ec2.TransitGatewayPeeringAttachmentAccepter(
    "accepter", transit_gateway_attachment_id="tgw-attach-1"
)
config = aws.ses.ConfgurationSet("config")
ami = aws.get_ami(most_recent=True, owners=["amazon"])
ami_ids = aws.get_ami_ids_output(owners=["self"])
groups = aws.get_autoscaling_groups()
canonical = aws.get_canonical_user_id()
function = aws.cloudtrail.get_function(name="f")
oidc = aws.iam.get_openid_connect_provider(url="https://example.com")
attachment = aws.autoscaling.Attachment(
    "attachment", autoscaling_group_name="asg", alb_target_group_arn=group.arn
)
cache = aws.elasticache.ReplicationGroup(
    "cache",
    replication_group_description="sessions",
    number_cache_clusters=2,
    node_type="cache.t3.micro",
)
db = aws.rds.Instance("db", name="app", instance_class="db.t3.micro", engine="postgres")
both = aws.rds.Instance("both", name="a", db_name="b", instance_class="db.t3.micro")
old_classic = ClassicLoadBalancer("old-classic", listeners=[], availability_zones=["us-east-1a"])
rule = v2.ListenerRule("rule", listener_arn=listener.arn, actions=[], conditions=[])
legacy = applicationloadbalancing.TargetGroup("legacy", port=80, protocol="HTTP")
# Removed by 6 for a successor that takes the same request another way.
from pulumi_aws import ec2
subnets = aws.ec2.get_subnet_ids(vpc_id="vpc-1")
subnets_output = ec2.get_subnet_ids_output(vpc_id="vpc-1", opts=None)
filtered = aws.ec2.get_subnet_ids(vpc_id="vpc-1", filters=[{"name": "tag:tier", "values": ["db"]}])
nat = aws.ec2.Instance("nat", ami="ami-1", instance_type="t3.micro")
route = aws.ec2.Route("to-nat", route_table_id="rtb-1", destination_cidr_block="0.0.0.0/0", instance_id=nat.id)
unknown = aws.ec2.Route("to-unknown", route_table_id="rtb-1", destination_cidr_block="10.1.0.0/16", instance_id="i-1")
inline = aws.ec2.RouteTable("table", vpc_id="vpc-1", routes=[aws.ec2.RouteTableRouteArgs(cidr_block="0.0.0.0/0", instance_id=nat.id)])
# 5.43.0 deprecated the block for arguments of the resource; 6's `cluster_mode` is a string.
sharded = aws.elasticache.ReplicationGroup(
    "sharded", description="s", cluster_mode={"num_node_groups": 2, "replicas_per_node_group": 1}
)
camel = aws.elasticache.ReplicationGroup("camel", description="c", cluster_mode={"numNodeGroups": 3})
by_args = aws.elasticache.ReplicationGroup(
    "by-args", description="a", cluster_mode=aws.elasticache.ReplicationGroupClusterModeArgs(num_node_groups=2)
)
both = aws.elasticache.ReplicationGroup("both", description="b", num_node_groups=2, cluster_mode={"num_node_groups": 2})
# 6 takes the size as a string.
api = aws.apigateway.RestApi("api", minimum_compression_size=1024)
size = 10
api_var = aws.apigateway.RestApi("api-var", minimum_compression_size=size)
