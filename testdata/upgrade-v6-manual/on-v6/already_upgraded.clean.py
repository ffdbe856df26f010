"""A pulumi-aws 6 program: upgrade --to 6 leaves it alone."""
import pulumi_aws as aws

vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")
group = aws.ec2.SecurityGroup("web", vpc_id=vpc.id)
db = aws.rds.Instance("db", instance_class="db.t3.micro", vpc_security_group_ids=[group.id])
