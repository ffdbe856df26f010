"""What pulumi-aws 6 removed where a person takes the next step: reported, left as it is."""
import pulumi_aws as aws
from pulumi_aws import macie, rds

# EC2-Classic security groups.
cache_group = aws.elasticache.SecurityGroup("cache", security_group_names=["default"])
db_group = rds.SecurityGroup("db", ingress=[rds.SecurityGroupIngressArgs(cidr="10.0.0.0/8")])
warehouse_group = aws.redshift.SecurityGroup(
    "warehouse", ingress=[aws.redshift.SecurityGroupIngressArgs(cidr="10.0.0.0/8")]
)
# Macie Classic.
member = macie.MemberAccountAssociation("member", member_account_id="123456789012")
bucket = aws.macie.S3BucketAssociation(
    "bucket",
    bucket_name="data",
    classification_type=aws.macie.S3BucketAssociationClassificationTypeArgs(one_time="FULL"),
)
# EC2-Classic arguments of classes 6 kept.
vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16", enable_classiclink=False, enable_classiclink_dns_support=False)
default = aws.ec2.DefaultVpc(
    "default", args=aws.ec2.DefaultVpcArgs(enable_classiclink=False, enable_classiclink_dns_support=False)
)
launch = aws.ec2.LaunchConfiguration(
    "launch",
    image_id="ami-1",
    instance_type="t3.micro",
    vpc_classic_link_id="vpc-1",
    vpc_classic_link_security_groups=["sg-1"],
)
cluster = aws.elasticache.Cluster("cluster", engine="redis", node_type="cache.t3.micro", security_group_names=["cache"])
db = aws.rds.Instance("db", instance_class="db.t3.micro", security_group_names=[db_group.name])
warehouse = aws.redshift.Cluster("warehouse", cluster_identifier="w", node_type="ra3.xlplus", cluster_security_groups=["w"])
# Arguments 6 moved to a resource of their own, and any other argument 6 does not take:
# reported, with the nearest name 6 takes when there is one.
ecs_cluster = aws.ecs.Cluster(
    "ecs",
    capacity_providers=["FARGATE"],
    default_capacity_provider_strategies=[{"capacity_provider": "FARGATE", "weight": 1}],
)
secret = aws.secretsmanager.Secret(
    "secret", rotation_lambda_arn="arn:aws:lambda:us-east-1:123456789012:function:rotate",
    rotation_rules={"automatically_after_days": 30},
)
api = aws.apigateway.RestApi("api", minimum_compression_size=1024)  # 6 takes it (upgrade-v6-rename quotes it)
fleet = aws.ec2.Fleet("fleet", launch_template_config={"launch_template_specification": {"launch_template_id": "lt-1"}}, target_capacity_specification={"default_target_capacity_type": "spot", "total_target_capacity": 1})
splat = aws.ecs.Cluster("splat", **{"capacity_providers": ["FARGATE"]})  # not seen: left alone
# What 6 kept stays quiet.
group = aws.ec2.SecurityGroup("web", vpc_id=vpc.id)
modern = aws.rds.Instance("modern", instance_class="db.t3.micro", vpc_security_group_ids=[group.id])
