"""Every rewrite of infra-fix upgrade --to 6, as a pulumi-aws 5 program writes it: it runs on 5,
and after the upgrade on 6, registering the same resources (a renamed class under its new type,
which aliases the old one)."""
import pulumi_aws as aws
from pulumi_aws import elasticloadbalancingv2 as elbv2
from pulumi_aws.elasticloadbalancing import LoadBalancer as ClassicLoadBalancer

web = aws.elasticloadbalancingv2.LoadBalancer("web", internal=False)
group = elbv2.TargetGroup("group", port=80, protocol="HTTP", vpc_id="vpc-1")
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
app = aws.applicationloadbalancing.LoadBalancer(
    "app", ip_address_type=aws.applicationloadbalancing.IpAddressType.IPV4
)
classic = ClassicLoadBalancer(
    "classic",
    availability_zones=["us-east-1a"],
    listeners=[{"instance_port": 80, "instance_protocol": "http", "lb_port": 80, "lb_protocol": "http"}],
)
accepter = aws.ec2.TransitGatewayPeeringAttachmentAccepter(
    "accepter", transit_gateway_attachment_id="tgw-attach-1"
)
config = aws.ses.ConfgurationSet("config")
attachment = aws.autoscaling.Attachment(
    "attachment", autoscaling_group_name="asg", alb_target_group_arn=group.arn
)
cache = aws.elasticache.ReplicationGroup(
    "cache",
    replication_group_description="sessions",
    number_cache_clusters=2,
    node_type="cache.t3.micro",
)
db = aws.rds.Instance(
    "db", name="app", instance_class="db.t3.micro", engine="postgres", allocated_storage=20
)
ami = aws.get_ami(most_recent=True, owners=["amazon"])
ami_ids = aws.get_ami_ids_output(owners=["self"])
groups = aws.get_autoscaling_groups()
canonical = aws.get_canonical_user_id()
prefixes = aws.get_prefix_list(name="com.amazonaws.us-east-1.s3")
zone = aws.elasticloadbalancing.get_hosted_zone_id()
found = aws.elasticloadbalancingv2.get_load_balancer_output(name="web")
oidc = aws.iam.get_openid_connect_provider(url="https://example.com")
# `get_subnet_ids` (removed by 6) -> `get_subnets` with a `vpc-id` filter: the same subnets.
vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")
subnets = aws.ec2.get_subnet_ids(vpc_id="vpc-0123", tags={"tier": "private"})
subnets_of_main = aws.ec2.get_subnet_ids_output(vpc_id=vpc.id)
db_subnets = aws.rds.SubnetGroup("db-subnets", subnet_ids=subnets.ids)
cache_subnets = aws.elasticache.SubnetGroup("cache-subnets", subnet_ids=subnets_of_main.ids)
# `Route(instance_id=)` (removed by 6) -> the instance's network interface (unsafe).
nat = aws.ec2.Instance("nat", ami="ami-1", instance_type="t3.micro")
route = aws.ec2.Route(
    "to-nat", route_table_id="rtb-1", destination_cidr_block="0.0.0.0/0", instance_id=nat.id
)
# The `cluster_mode` block 5.43.0 deprecated -> its keys as arguments; a size 6 takes as a string.
sharded = aws.elasticache.ReplicationGroup(
    "sharded",
    description="sharded",
    node_type="cache.t3.micro",
    cluster_mode={"num_node_groups": 2, "replicas_per_node_group": 1},
)
api = aws.apigateway.RestApi("api", minimum_compression_size=1024)
