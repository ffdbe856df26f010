"""The unsafe rewrites of infra-fix upgrade --to 7 --unsafe-fixes, as a pulumi-aws 6 program
writes them: it runs on 6, and after the upgrade on 7, registering the same resources under
the documented new types, with exactly the documented inputs reshaped."""
import pulumi_aws as aws
import pulumi

logs = aws.s3.Bucket("logs", force_destroy=True)
data = aws.s3.Bucket(
    "data",
    bucket_prefix="data-",
    versioning={"enabled": True},
    logging={"target_bucket": logs.id, "target_prefix": "data/"},
    website={"index_document": "index.html"},
    server_side_encryption_configuration={
        "rule": {
            "apply_server_side_encryption_by_default": {"sse_algorithm": "AES256"},
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
    tags={"team": "data"},
)
replica = aws.s3.Bucket(
    "replica",
    replication_configuration={
        "role": "arn:aws:iam::123456789012:role/replication",
        "rules": [{
            "id": "all",
            "status": "Enabled",
            "filter": {"prefix": "logs/"},
            "destination": {
                "bucket": "arn:aws:s3:::replica-target",
                "storage_class": "STANDARD",
                "access_control_translation": {"owner": "Destination"},
                "account_id": "123456789012",
                "metrics": {"status": "Enabled", "minutes": 15},
                "replication_time": {"status": "Enabled", "minutes": 15},
            },
            "source_selection_criteria": {"sse_kms_encrypted_objects": {"enabled": True}},
        }],
    },
    object_lock_configuration={
        "object_lock_enabled": "Enabled",
        "rule": {"default_retention": {"mode": "GOVERNANCE", "days": 1}},
    },
)
acl = aws.s3.BucketAcl("data-acl", bucket=data.id, acl="private")
cors = aws.s3.BucketCorsConfiguration(
    "data-cors", bucket=data.id, cors_rules=[{"allowed_methods": ["GET"], "allowed_origins": ["*"]}]
)
lifecycle = aws.s3.BucketLifecycleConfiguration(
    "data-lifecycle", bucket=data.id, rules=[{"id": "expire", "status": "Enabled", "expiration": {"days": 30}}]
)
logging = aws.s3.BucketLogging(
    "data-logging", args=aws.s3.BucketLoggingInitArgs(bucket=data.id, target_bucket=logs.id, target_prefix="l/")
)
lock = aws.s3.BucketObjectLockConfiguration(
    "replica-lock",
    bucket=replica.id,
    rule=aws.s3.BucketObjectLockConfigurationRuleArgs(
        default_retention=aws.s3.BucketObjectLockConfigurationRuleDefaultRetentionArgs(
            mode="GOVERNANCE", days=1
        )
    ),
)
encryption = aws.s3.BucketServerSideEncryptionConfiguration(
    "logs-encryption",
    bucket=logs.id,
    rules=[{"apply_server_side_encryption_by_default": {"sse_algorithm": "AES256"}}],
)
versioning = aws.s3.BucketVersioning(
    "logs-versioning",
    bucket=logs.id,
    versioning_configuration=aws.s3.BucketVersioningVersioningConfigurationArgs(status="Enabled"),
)
index = aws.s3.BucketWebsiteConfigurationIndexDocumentArgs(suffix="index.html")
website = aws.s3.BucketWebsiteConfiguration("data-website", bucket=data.id, index_document=index)
accelerate = aws.s3.BucketAccelerateConfiguration("data-accelerate", bucket=data.id, status="Enabled")
payment = aws.s3.BucketRequestPaymentConfiguration("data-payment", bucket=data.id, payer="Requester")
# Rows 37, 45, 49: defaults 7 flipped, pinned to 6's.
warehouse = aws.redshift.Cluster(
    "warehouse", cluster_identifier="warehouse", node_type="ra3.xlplus", master_username="admin",
    master_password="Passw0rd-x1",
    publicly_accessible=True,
    encrypted="false",
)
cache = aws.elasticache.ReplicationGroup(
    "cache", description="cache", auth_token="0123456789abcdef0123", transit_encryption_enabled=True, auth_token_update_strategy="ROTATE"
)
web_acl = aws.wafv2.WebAcl(
    "acl",
    scope="REGIONAL",
    default_action={"allow": {}},
    visibility_config={
        "cloudwatch_metrics_enabled": False, "metric_name": "acl", "sampled_requests_enabled": False
    },
    rules=[{
        "name": "bots",
        "priority": 1,
        "override_action": {"none": {}},
        "statement": {
            "managed_rule_group_statement": {
                "name": "AWSManagedRulesBotControlRuleSet",
                "vendor_name": "AWS",
                "managed_rule_group_configs": [
                    {"aws_managed_rules_bot_control_rule_set": {"inspection_level": "TARGETED", "enable_machine_learning": True}},
                ],
            },
        },
        "visibility_config": {
            "cloudwatch_metrics_enabled": False, "metric_name": "bots", "sampled_requests_enabled": False
        },
    }],
)
# Rows 22 and 31.
account_resets = aws.apigateway.Account("account-resets")
account_keeps = aws.apigateway.Account(
    "account-keeps",
    opts=pulumi.ResourceOptions(retain_on_delete=True),
)
restored = aws.rds.Instance(
    "restored",
    instance_class="db.t3.micro",
    snapshot_identifier="snap-1",
)
# Row 48.
association = aws.ssm.Association("patch", name="AWS-RunPatchBaseline", targets=[{"key": "InstanceIds", "values": ["i-0123456789abcdef0"]}])
