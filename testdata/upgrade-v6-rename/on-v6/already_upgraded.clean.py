"""A pulumi-aws 6 program: upgrade --to 6 leaves it alone."""
import pulumi_aws as aws

web = aws.lb.LoadBalancer("web", internal=False)
db = aws.rds.Instance("db", db_name="app", instance_class="db.t3.micro")
ami = aws.ec2.get_ami(most_recent=True, owners=["amazon"])
