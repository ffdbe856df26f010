import pulumi
import pulumi_aws as aws


class ProductCatalog(pulumi.ComponentResource):
    def __init__(self, name, environment_suffix, services, opts=None):
        super().__init__("acme:catalog:ProductCatalog", name, None, opts)
        self.ecr_repository = aws.ecr.Repository(
            f"ecr-repo-{environment_suffix}",
            name=f"product-catalog-{environment_suffix}",
            image_tag_mutability="MUTABLE",
            force_delete=True,
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.service_repos = {}
        for service in services:
            self.service_repos[service] = aws.ecr.Repository(
                f"{service}-{environment_suffix}",
                name=f"{service}-{environment_suffix}",
                image_tag_mutability="MUTABLE",
                force_delete=True,
                opts=pulumi.ResourceOptions(parent=self),
            )
        self.register_outputs({"url": self.ecr_repository.repository_url})


def make_repositories(names):
    return [
        aws.ecr.Repository(n, name=n, image_tag_mutability="MUTABLE", force_delete=True)
        for n in names
    ]


def repository_for(suffix):
    # Created inside a callback: still a Repository.
    return aws.ecr.Repository(
        f"late-{suffix}",
        image_tag_mutability="MUTABLE",
        force_delete=True,
    )


catalog = ProductCatalog("catalog", pulumi.get_stack(), ["api", "worker"])
extra = make_repositories(["a", "b"])
pulumi.Output.from_input("x").apply(
    lambda s: aws.ecr.Repository(
        f"lambda-{s}",
        image_tag_mutability="MUTABLE",
        force_delete=True,
    ),
)
pulumi.Output.from_input("y").apply(repository_for)
