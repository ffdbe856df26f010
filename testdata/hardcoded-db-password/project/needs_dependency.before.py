import pulumi_aws as aws

aws.rds.Instance("db", engine="postgres", instance_class="db.t3.micro", username="app", password="ChangeMe123!")
