import pulumi
import pulumi_aws as aws
import pulumi_random

config = pulumi.Config()
generated = pulumi_random.RandomPassword("pw", length=20, special=False)
aws.rds.Instance("a", engine="postgres", password=config.require_secret("dbPassword"))
aws.rds.Instance("b", engine="postgres", password=generated.result)
aws.rds.Instance("c", engine="postgres", manage_master_user_password=True)
# An empty password is not a password written in the program.
aws.rds.Instance("d", engine="postgres", password="")
# A name assigned twice is not known to hold the literal.
pw = "first"
pw = config.require_secret("pw")
aws.rds.Instance("e", engine="postgres", password=pw)
# Not RDS.
aws.redshift.Cluster("f", master_password="NotAnRdsPassword1")
