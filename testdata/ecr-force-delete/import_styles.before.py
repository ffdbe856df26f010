"""Every way a program can name aws.ecr.Repository."""
import pulumi
import pulumi_aws as aws
import pulumi_aws
from pulumi_aws import ecr
from pulumi_aws.ecr import Repository
from pulumi_aws.ecr import Repository as Registry

env = pulumi.get_stack()

# One-line calls get the arguments inline.
a = aws.ecr.Repository("a")
b = pulumi_aws.ecr.Repository("b", name=f"b-{env}")
c = ecr.Repository("c", tags={"Team": "web"}, image_scanning_configuration={"scanOnPush": True})
# One argument per line, with a trailing comma.
d = Repository(
    "d",
    name=f"d-{env}",
    tags={"Team": "web"},
)
# One argument per line, without a trailing comma.
e = Registry(
    "e",
    name=f"e-{env}"
)
# Through the SDK's file module.
f = pulumi_aws.ecr.repository.Repository("f", name="f")

pulumi.export("repository_urls", [a.repository_url, d.repository_url])
