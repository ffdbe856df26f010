"""The unsafe rewrites of infra-fix upgrade --to 7 --unsafe-fixes, as a pulumi-aws 6 program
writes them: it runs on 6, and after the upgrade on 7, registering the same resources under
the documented new types, with exactly the documented inputs reshaped."""
import pulumi_aws as aws

logs = aws.s3.BucketV2("logs", force_destroy=True)
data = aws.s3.BucketV2(
    "data",
    bucket_prefix="data-",
    versionings=[{"enabled": True}],
    loggings=[{"target_bucket": logs.id, "target_prefix": "data/"}],
    websites=[{"index_document": "index.html"}],
    server_side_encryption_configurations=[{
        "rules": [{
            "apply_server_side_encryption_by_defaults": [{"sse_algorithm": "AES256"}],
            "bucket_key_enabled": True,
        }],
    }],
    lifecycle_rules=[
        {
            "enabled": True,
            "expirations": [{"days": 90}],
            "transitions": [{"days": 30, "storage_class": "STANDARD_IA"}],
        },
        {"enabled": True, "noncurrentVersionExpirations": [{"days": 7}]},
    ],
    tags={"team": "data"},
)
replica = aws.s3.BucketV2(
    "replica",
    replication_configurations=[{
        "role": "arn:aws:iam::123456789012:role/replication",
        "rules": [{
            "id": "all",
            "status": "Enabled",
            "filters": [{"prefix": "logs/"}],
            "destinations": [{
                "bucket": "arn:aws:s3:::replica-target",
                "storage_class": "STANDARD",
                "access_control_translations": [{"owner": "Destination"}],
                "account_id": "123456789012",
                "metrics": [{"status": "Enabled", "minutes": 15}],
                "replication_times": [{"status": "Enabled", "minutes": 15}],
            }],
            "source_selection_criterias": [{"sse_kms_encrypted_objects": [{"enabled": True}]}],
        }],
    }],
    object_lock_configuration={
        "object_lock_enabled": "Enabled",
        "rules": [{"default_retentions": [{"mode": "GOVERNANCE", "days": 1}]}],
    },
)
acl = aws.s3.BucketAclV2("data-acl", bucket=data.id, acl="private")
cors = aws.s3.BucketCorsConfigurationV2(
    "data-cors", bucket=data.id, cors_rules=[{"allowed_methods": ["GET"], "allowed_origins": ["*"]}]
)
lifecycle = aws.s3.BucketLifecycleConfigurationV2(
    "data-lifecycle", bucket=data.id, rules=[{"id": "expire", "status": "Enabled", "expiration": {"days": 30}}]
)
logging = aws.s3.BucketLoggingV2(
    "data-logging", args=aws.s3.BucketLoggingV2Args(bucket=data.id, target_bucket=logs.id, target_prefix="l/")
)
lock = aws.s3.BucketObjectLockConfigurationV2(
    "replica-lock",
    bucket=replica.id,
    rule=aws.s3.BucketObjectLockConfigurationV2RuleArgs(
        default_retention=aws.s3.BucketObjectLockConfigurationV2RuleDefaultRetentionArgs(
            mode="GOVERNANCE", days=1
        )
    ),
)
encryption = aws.s3.BucketServerSideEncryptionConfigurationV2(
    "logs-encryption",
    bucket=logs.id,
    rules=[{"apply_server_side_encryption_by_default": {"sse_algorithm": "AES256"}}],
)
versioning = aws.s3.BucketVersioningV2(
    "logs-versioning",
    bucket=logs.id,
    versioning_configuration=aws.s3.BucketVersioningV2VersioningConfigurationArgs(status="Enabled"),
)
index = aws.s3.BucketWebsiteConfigurationV2IndexDocumentArgs(suffix="index.html")
website = aws.s3.BucketWebsiteConfigurationV2("data-website", bucket=data.id, index_document=index)
accelerate = aws.s3.BucketAccelerateConfigurationV2("data-accelerate", bucket=data.id, status="Enabled")
payment = aws.s3.BucketRequestPaymentConfigurationV2("data-payment", bucket=data.id, payer="Requester")
# Rows 37, 45, 49: defaults 7 flipped, pinned to 6's.
warehouse = aws.redshift.Cluster(
    "warehouse", cluster_identifier="warehouse", node_type="ra3.xlplus", master_username="admin",
    master_password="Passw0rd-x1",
)
cache = aws.elasticache.ReplicationGroup(
    "cache", description="cache", auth_token="0123456789abcdef0123", transit_encryption_enabled=True
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
                    {"aws_managed_rules_bot_control_rule_set": {"inspection_level": "TARGETED"}},
                ],
            },
        },
        "visibility_config": {
            "cloudwatch_metrics_enabled": False, "metric_name": "bots", "sampled_requests_enabled": False
        },
    }],
)
# Rows 22 and 31.
account_resets = aws.apigateway.Account("account-resets", reset_on_delete=True)
account_keeps = aws.apigateway.Account("account-keeps", reset_on_delete=False)
restored = aws.rds.Instance(
    "restored",
    instance_class="db.t3.micro",
    snapshot_identifier="snap-1",
    character_set_name="AL32UTF8",
)
# Row 48.
association = aws.ssm.Association("patch", name="AWS-RunPatchBaseline", instance_id="i-0123456789abcdef0")
