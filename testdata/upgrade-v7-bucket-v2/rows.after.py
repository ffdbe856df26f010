import pulumi_aws as aws
from pulumi_aws import s3

logs = aws.s3.Bucket("logs")
data = aws.s3.Bucket(
    "data",
    bucket_prefix="data-",
    versioning={"enabled": True},
    logging={"target_bucket": logs.id, "target_prefix": "data/"},
    server_side_encryption_configuration={
        "rule": {
            "apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms", "kms_master_key_id": "alias/data"},
            "bucket_key_enabled": True,
        },
    },
    lifecycle_rules=[
        {
            "enabled": True,
            "expiration": {"days": 90},
            "transitions": [{"days": 30, "storage_class": "STANDARD_IA"}],
        },
        {"enabled": True, "noncurrentVersionExpiration": {"days": 7}},
    ],
    tags={"team": "data"},  # kept as written
)
replica = s3.Bucket(
    "replica",
    replication_configuration={
        "role": "arn:aws:iam::123456789012:role/replication",
        "rules": [
            {
                "id": "all",
                "status": "Enabled",
                "filter": {"prefix": ""},
                "destination": {
                    "bucket": "arn:aws:s3:::replica-target",
                    "metrics": {"status": "Enabled", "minutes": 15},
                    "replication_time": {"status": "Enabled", "minutes": 15},
                },
            },
        ],
    },
    object_lock_configuration={
        "object_lock_enabled": "Enabled",
        "rule": {"default_retention": {"mode": "GOVERNANCE", "days": 1}},
    },
)
acl = aws.s3.BucketAcl("data", bucket=data.id, acl="private")
versioning = aws.s3.BucketVersioning(
    "data",
    bucket=data.id,
    versioning_configuration=aws.s3.BucketVersioningVersioningConfigurationArgs(status="Enabled"),
)
logging = s3.BucketLogging("data", args=s3.BucketLoggingInitArgs(bucket=data.id, target_bucket=logs.id, target_prefix="l/"))
website_args = aws.s3.BucketWebsiteConfigurationIndexDocumentArgs(suffix="index.html")
website = aws.s3.BucketWebsiteConfiguration("site", bucket=data.id, index_document=website_args)
for name in ["accelerate"]:
    aws.s3.BucketAccelerateConfiguration(name, bucket=data.id, status="Enabled")
# Imported by name: the import and every use are renamed; an alias keeps its uses.
from pulumi_aws.s3 import BucketCorsConfiguration, BucketRequestPaymentConfiguration as Payment

cors = BucketCorsConfiguration("cors", bucket=data.id, cors_rules=[{"allowed_methods": ["GET"], "allowed_origins": ["*"]}])
more_cors = BucketCorsConfiguration("more-cors", bucket=logs.id, cors_rules=[{"allowed_methods": ["PUT"], "allowed_origins": ["*"]}])
payment = Payment("payment", bucket=data.id, payer="Requester")
