import pulumi_aws as aws
import pulumi_random

aws.rds.Instance("db", engine="postgres", instance_class="db.t3.micro", username="app", password=pulumi_random.RandomPassword("db-password", length=20, special=False).result)
