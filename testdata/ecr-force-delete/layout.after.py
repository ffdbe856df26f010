import pulumi
import pulumi_aws as aws

environment_suffix = pulumi.get_stack()

# The catalog's case: a comment line after the last argument.
ecr_repository = aws.ecr.Repository(
    f"ecr-repo-{environment_suffix}",
    name=f"product-catalog-{environment_suffix}",
    image_tag_mutability="MUTABLE",
    force_delete=True,
    # TODO: lifecycle policy
)

# A comment after the last argument, on its line, without a trailing comma.
worker = aws.ecr.Repository(
    "worker",
    name="worker",  # the worker image
    image_tag_mutability="MUTABLE",
    force_delete=True
)

# Existing arguments in another order; opts comes first among the keywords.
api = aws.ecr.Repository(
    "api",
    opts=pulumi.ResourceOptions(protect=False),
    image_scanning_configuration=aws.ecr.RepositoryImageScanningConfigurationArgs(
        scan_on_push=True,
    ),
    name="api",
    encryption_configurations=[
        aws.ecr.RepositoryEncryptionConfigurationArgs(encryption_type="AES256"),
    ],
    image_tag_mutability="MUTABLE",
    force_delete=True,
)

# A mutability is already chosen: only force_delete is added, IMMUTABLE is kept.
releases = aws.ecr.Repository(
    "releases",
    image_tag_mutability="IMMUTABLE",
    name="releases",
    force_delete=True,
)
mirror = aws.ecr.Repository("mirror", image_tag_mutability="MUTABLE", force_delete=True)

# Hanging indentation, closing parenthesis on the last argument's line.
cache = aws.ecr.Repository("cache",
                           name="cache",
                           image_tag_mutability="MUTABLE",
                           force_delete=True)

# No arguments besides the name, on several lines.
bare = aws.ecr.Repository(
    "bare",
    image_tag_mutability="MUTABLE",
    force_delete=True
)

# Arguments object: the keyword goes into RepositoryArgs (keywords beside an args object
# are ignored by the SDK).
tools = aws.ecr.Repository(
    "tools",
    aws.ecr.RepositoryArgs(
        name="tools",
        image_tag_mutability="MUTABLE",
        force_delete=True,
    ),
)
infra = aws.ecr.Repository("infra", args=aws.ecr.RepositoryArgs(name="infra", image_tag_mutability="MUTABLE", force_delete=True), opts=pulumi.ResourceOptions())
# Options as the second positional argument: the keywords still go on the call.
protected = aws.ecr.Repository(
    "protected",
    pulumi.ResourceOptions(protect=True),
    image_tag_mutability="MUTABLE",
    force_delete=True,
)
