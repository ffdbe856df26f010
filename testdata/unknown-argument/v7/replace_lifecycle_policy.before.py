import pulumi_aws as aws

# Terraform's repeated `lifecycle_policy` block is the list `lifecycle_policies`.
shared = aws.efs.FileSystem("shared", lifecycle_policy={"transition_to_ia": "AFTER_30_DAYS"})
archive = aws.efs.FileSystem(
    "archive",
    lifecycle_policy=aws.efs.FileSystemLifecyclePolicyArgs(transition_to_ia="AFTER_7_DAYS"),
)
both = aws.efs.FileSystem(
    "both",
    lifecycle_policy=[
        {"transition_to_ia": "AFTER_30_DAYS"},
        {"transition_to_primary_storage_class": "AFTER_1_ACCESS"},
    ],
)
