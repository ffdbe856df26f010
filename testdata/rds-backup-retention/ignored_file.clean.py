"""Legacy stack, reviewed by hand."""
# infra-fix: ignore-file
import pulumi_aws as aws

db = aws.rds.Instance("db", engine="postgres", instance_class="db.t3.micro", backup_retention_period=0)
