import pulumi_aws as aws

cluster = aws.redshift.Cluster(
    "warehouse",
    cluster_identifier="warehouse",
    node_type="ra3.xlplus",
    master_username="admin",
    master_password="Passw0rd!x",
    publicly_accessible=True,
    encrypted="false",
)
private = aws.redshift.Cluster("private", cluster_identifier="p", node_type="ra3.xlplus", publicly_accessible=False, encrypted="false")
by_args = aws.redshift.Cluster("by-args", args=aws.redshift.ClusterArgs(cluster_identifier="a", node_type="ra3.xlplus", publicly_accessible=True, encrypted="false"))
cache = aws.elasticache.ReplicationGroup(
    "cache", description="cache", auth_token="0123456789abcdef0123", transit_encryption_enabled=True, auth_token_update_strategy="ROTATE"
)
no_token = aws.elasticache.ReplicationGroup("no-token", description="no token")
acl = aws.wafv2.WebAcl(
    "acl",
    scope="REGIONAL",
    default_action={"allow": {}},
    visibility_config={"cloudwatch_metrics_enabled": False, "metric_name": "acl", "sampled_requests_enabled": False},
    rules=[
        {
            "name": "bots",
            "priority": 1,
            "override_action": {"none": {}},
            "statement": {
                "managed_rule_group_statement": {
                    "name": "AWSManagedRulesBotControlRuleSet",
                    "vendor_name": "AWS",
                    "managed_rule_group_configs": [
                        {"aws_managed_rules_bot_control_rule_set": {"inspection_level": "TARGETED", "enable_machine_learning": True}},
                        {"awsManagedRulesBotControlRuleSet": {"inspectionLevel": "COMMON", "enableMachineLearning": False}},
                    ],
                },
            },
            "visibility_config": {"cloudwatch_metrics_enabled": False, "metric_name": "bots", "sampled_requests_enabled": False},
        }
    ],
)
bot_args = aws.wafv2.WebAclRuleStatementManagedRuleGroupStatementManagedRuleGroupConfigAwsManagedRulesBotControlRuleSetArgs(
    inspection_level="TARGETED",
    enable_machine_learning=True
)
by_args_acl = aws.wafv2.WebAcl(
    "by-args",
    args=aws.wafv2.WebAclArgs(
        scope="REGIONAL",
        default_action={"allow": {}},
        visibility_config={"cloudwatch_metrics_enabled": False, "metric_name": "a", "sampled_requests_enabled": False},
        rules=[{"name": "bots", "priority": 1, "statement": {"managed_rule_group_statement": {
            "name": "AWSManagedRulesBotControlRuleSet", "vendor_name": "AWS",
            "managed_rule_group_configs": [{"aws_managed_rules_bot_control_rule_set": {"inspection_level": "COMMON", "enable_machine_learning": True}}],
        }}}],
    ),
)
