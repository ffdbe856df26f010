import pulumi_aws as aws
from pulumi_aws import s3

logs = aws.s3.BucketV2("logs")
data = aws.s3.BucketV2(
    "data",
    bucket_prefix="data-",
    versionings=[{"enabled": True}],
    loggings=[{"target_bucket": logs.id, "target_prefix": "data/"}],
    server_side_encryption_configurations=[
        {
            "rules": [
                {
                    "apply_server_side_encryption_by_defaults": [
                        {"sse_algorithm": "aws:kms", "kms_master_key_id": "alias/data"}
                    ],
                    "bucket_key_enabled": True,
                }
            ],
        }
    ],
    lifecycle_rules=[
        {
            "enabled": True,
            "expirations": [{"days": 90}],
            "transitions": [{"days": 30, "storage_class": "STANDARD_IA"}],
        },
        {"enabled": True, "noncurrentVersionExpirations": [{"days": 7}]},
    ],
    websites=[],
    tags={"team": "data"},  # kept as written
)
replica = s3.BucketV2(
    "replica",
    replication_configurations=[{
        "role": "arn:aws:iam::123456789012:role/replication",
        "rules": [
            {
                "id": "all",
                "status": "Enabled",
                "filters": [{"prefix": ""}],
                "destinations": [{
                    "bucket": "arn:aws:s3:::replica-target",
                    "metrics": [{"status": "Enabled", "minutes": 15}],
                    "replication_times": [{"status": "Enabled", "minutes": 15}],
                }],
            },
        ],
    }],
    object_lock_configuration={
        "object_lock_enabled": "Enabled",
        "rules": [{"default_retentions": [{"mode": "GOVERNANCE", "days": 1}]}],
    },
)
acl = aws.s3.BucketAclV2("data", bucket=data.id, acl="private")
versioning = aws.s3.BucketVersioningV2(
    "data",
    bucket=data.id,
    versioning_configuration=aws.s3.BucketVersioningV2VersioningConfigurationArgs(status="Enabled"),
)
logging = s3.BucketLoggingV2("data", args=s3.BucketLoggingV2Args(bucket=data.id, target_bucket=logs.id, target_prefix="l/"))
website_args = aws.s3.BucketWebsiteConfigurationV2IndexDocumentArgs(suffix="index.html")
website = aws.s3.BucketWebsiteConfigurationV2("site", bucket=data.id, index_document=website_args)
for name in ["accelerate"]:
    aws.s3.BucketAccelerateConfigurationV2(name, bucket=data.id, status="Enabled")
# Imported by name: the import and every use are renamed; an alias keeps its uses.
from pulumi_aws.s3 import BucketCorsConfigurationV2, BucketRequestPaymentConfigurationV2 as Payment

cors = BucketCorsConfigurationV2("cors", bucket=data.id, cors_rules=[{"allowed_methods": ["GET"], "allowed_origins": ["*"]}])
more_cors = BucketCorsConfigurationV2("more-cors", bucket=logs.id, cors_rules=[{"allowed_methods": ["PUT"], "allowed_origins": ["*"]}])
payment = Payment("payment", bucket=data.id, payer="Requester")
