"""Every way a program can name aws.ecr.Repository."""
import pulumi
import pulumi_aws as aws
import pulumi_aws
from pulumi_aws import ecr
from pulumi_aws.ecr import Repository
from pulumi_aws.ecr import Repository as Registry

env = pulumi.get_stack()

# One-line calls get the arguments inline.
a = aws.ecr.Repository("a", image_tag_mutability="MUTABLE", force_delete=True)
b = pulumi_aws.ecr.Repository(
    "b",
    name=f"b-{env}",
    image_tag_mutability="MUTABLE",
    force_delete=True,
)
c = ecr.Repository("c", tags={"Team": "web"}, image_scanning_configuration={"scanOnPush": True}, image_tag_mutability="MUTABLE", force_delete=True)
# One argument per line, with a trailing comma.
d = Repository(
    "d",
    name=f"d-{env}",
    tags={"Team": "web"},
    image_tag_mutability="MUTABLE",
    force_delete=True,
)
# One argument per line, without a trailing comma.
e = Registry(
    "e",
    name=f"e-{env}",
    image_tag_mutability="MUTABLE",
    force_delete=True
)
# Through the SDK's file module.
f = pulumi_aws.ecr.repository.Repository(
    "f",
    name="f",
    image_tag_mutability="MUTABLE",
    force_delete=True,
)

pulumi.export("repository_urls", [a.repository_url, d.repository_url])
