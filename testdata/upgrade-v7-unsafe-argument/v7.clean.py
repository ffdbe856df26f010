import pulumi
import pulumi_aws as aws

account = aws.apigateway.Account("account", opts=pulumi.ResourceOptions(retain_on_delete=True))
db = aws.rds.Instance("db", instance_class="db.t3.micro", snapshot_identifier="snap-1")
