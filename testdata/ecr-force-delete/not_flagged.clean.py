import pulumi
import pulumi_aws as aws
import pulumi_awsx as awsx
import pulumi_github as github
from pulumi_aws import ecr

settings = {"force_delete": True, "image_tag_mutability": "MUTABLE"}

# force_delete already chosen, True or False.
fixed = aws.ecr.Repository("fixed", image_tag_mutability="MUTABLE", force_delete=True)
prod = aws.ecr.Repository(
    "prod",
    image_tag_mutability="IMMUTABLE",
    force_delete=False,  # production registry: keep the images
)
only_force = ecr.Repository("only-force", force_delete=True)
from_config = aws.ecr.Repository("from-config", force_delete=pulumi.Config().get_bool("force"))
# **kwargs may already hold force_delete: adding it could raise "multiple values".
splat = aws.ecr.Repository("splat", **settings)
# Arguments object that sets it, or that we cannot see.
args_set = aws.ecr.Repository("args-set", aws.ecr.RepositoryArgs(force_delete=True))
repo_args = aws.ecr.RepositoryArgs(name="hidden")
args_hidden = aws.ecr.Repository("args-hidden", repo_args)
args_kw_hidden = aws.ecr.Repository("args-kw-hidden", args=repo_args)
# Lookups of existing repositories, and other ECR resources.
existing = aws.ecr.Repository.get("existing", "existing-repo")
looked_up = aws.ecr.get_repository(name="existing-repo")
policy = aws.ecr.RepositoryPolicy("policy", repository=fixed.name, policy="{}")
lifecycle = aws.ecr.LifecyclePolicy("lifecycle", repository=fixed.name, policy="{}")
public = aws.ecrpublic.Repository("public", repository_name="public")
# Other libraries' Repository classes.
gh = github.Repository("gh", name="infra")
crosswalk = awsx.ecr.Repository("crosswalk")
