import pulumi_aws as aws
import pulumi_random

region = "eu-west-1"


def database(env):
    # Called once per environment: the password's name varies with the database's.
    pw = pulumi_random.RandomPassword(
        f"db-{env}-password",
        length=20,
        special=False,
    ).result
    return aws.rds.Instance(f"db-{env}", engine="postgres", password=pw)


def regional(env):
    # `region` is not a parameter: a name built here could collide between calls.
    secret_pw = "AnotherOne1!"
    return aws.rds.Instance(f"db-{env}-{region}", engine="postgres", password=secret_pw)
