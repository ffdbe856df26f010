//! What changed in the source of a Python program between pulumi-aws majors, as data: the
//! rewrites `infra-fix upgrade` makes and the changes it can only report. Each entry names the
//! row of `spec/upgrade-v7.md` it comes from; the tests check every entry against both
//! majors' tables (the old spelling exists in the source major, the new one in the target
//! major), so that a rewrite never writes what the target major rejects.

use super::Major;

/// How a keyword argument changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rewrite {
    /// Renamed; the value stays as written.
    Rename(&'static str),
    /// Removed, and deleting it changes nothing: the reason says why.
    Delete(&'static str),
    /// A list of at most one element became that element (`loggings=[{...}]` ->
    /// `logging={...}`).
    Unwrap(&'static str),
    /// A value became a list of it (`assume_role={...}` -> `assume_roles=[{...}]`).
    Wrap(&'static str),
    /// Several scalar arguments became the keys of one object argument:
    /// `cpu_core_count=2, cpu_threads_per_core=1` -> `cpu_options={"core_count": 2, ...}`.
    /// The value is the new argument; `Merge` lists (old argument, key) pairs.
    Merge(&'static str),
    /// `compute_environments=[a, b]` -> `compute_environment_orders=[{"compute_environment":
    /// a, "order": 0}, ...]`: the order of the list was the order of preference.
    Ordered(&'static str),
    /// `vpc=True` -> `domain="vpc"`.
    EipDomain,
    /// The same name, retyped: 6 took a bool, 7 takes the string Terraform spells it with
    /// (`encrypted=True` -> `encrypted="true"`). Only a literal is rewritten: the same value,
    /// in the type 7 takes.
    BoolAsString,
    /// The same name, retyped: 6 took a number, 7 takes its decimal string (`peer_asn=65000`
    /// -> `peer_asn="65000"`). Only a literal is rewritten.
    IntAsString,
}

impl Rewrite {
    /// True for the rewrites that keep the name and change only the value's type.
    pub fn retypes(self) -> bool {
        matches!(self, BoolAsString | IntAsString)
    }
}

/// The `row` of a change the upgrade guide does not list, found comparing the wheels.
pub const NOT_IN_GUIDE: u8 = 0;

/// One argument of one class or data-source function that changed.
#[derive(Debug, Clone, Copy)]
pub struct ArgumentChange {
    /// The class (`ec2.Eip`; its `*Args` class changes the same way) or function
    /// (`get_region`; its `_output` form too), keyed as in the tables.
    pub on: &'static str,
    pub argument: &'static str,
    pub rewrite: Rewrite,
    /// The row of `spec/upgrade-v7.md`.
    pub row: u8,
}

const fn change(
    on: &'static str,
    argument: &'static str,
    rewrite: Rewrite,
    row: u8,
) -> ArgumentChange {
    ArgumentChange {
        on,
        argument,
        rewrite,
        row,
    }
}

use Rewrite::*;

const END_OF_LIFE: &str = "AWS ended the service it configured";

/// The safe argument rewrites of pulumi-aws 6 -> 7: each means on 7 what the old spelling
/// meant on 6.
pub static V7_ARGUMENTS: &[ArgumentChange] = &[
    change("Provider", "assume_role", Wrap("assume_roles"), 1),
    change("s3.Bucket", "loggings", Unwrap("logging"), 4),
    change(
        "batch.get_compute_environment",
        "compute_environment_name",
        Rename("name"),
        15,
    ),
    change(
        "globalaccelerator.get_accelerator",
        "id",
        Delete("it never selected the accelerator (`arn` and `name` do)"),
        18,
    ),
    change(
        "quicksight.get_data_set",
        "tags_all",
        Delete("it never selected the data set: AWS computes the tags"),
        16,
    ),
    change(
        "servicediscovery.get_service",
        "tags_all",
        Delete("it never selected the service: AWS computes the tags"),
        16,
    ),
    change("get_region", "name", Rename("region"), 20),
    change(
        "servicequotas.get_templates",
        "region",
        Rename("aws_region"),
        21,
    ),
    change(
        "batch.ComputeEnvironment",
        "compute_environment_name",
        Rename("name"),
        24,
    ),
    change(
        "batch.ComputeEnvironment",
        "compute_environment_name_prefix",
        Rename("name_prefix"),
        24,
    ),
    change(
        "batch.JobQueue",
        "compute_environments",
        Ordered("compute_environment_orders"),
        25,
    ),
    change(
        "cloudformation.StackSetInstance",
        "region",
        Rename("stack_set_instance_region"),
        27,
    ),
    change(
        "cfg.AggregateAuthorization",
        "region",
        Rename("authorized_aws_region"),
        27,
    ),
    change("servicequotas.Template", "region", Rename("aws_region"), 27),
    change(
        "cloudfront.ResponseHeadersPolicy",
        "etag",
        Delete("it is computed by AWS, not set"),
        29,
    ),
    change(
        "directconnect.GatewayAssociation",
        "vpn_gateway_id",
        Rename("associated_gateway_id"),
        33,
    ),
    // Row 45: outputs 6 also took as arguments, which set nothing in AWS.
    change(
        "redshift.Cluster",
        "cluster_public_key",
        Delete("it is computed by AWS, not set"),
        45,
    ),
    change(
        "redshift.Cluster",
        "cluster_revision_number",
        Delete("it is computed by AWS, not set"),
        45,
    ),
    change(
        "redshift.Cluster",
        "endpoint",
        Delete("it is computed by AWS, not set"),
        45,
    ),
    // Row 45: `Input[bool]` in 6.83.4, `Input[str]` in 7.51.1 (redshift/cluster.py).
    change("redshift.Cluster", "encrypted", BoolAsString, 45),
    // `Input[int]` in 6.83.4, `Input[str]` in 7.51.1 ("Supports 2-byte and 4-byte ASNs").
    change(
        "networkmanager.ConnectPeerBgpOptions",
        "peer_asn",
        IntAsString,
        NOT_IN_GUIDE,
    ),
    change(
        "ecs.TaskDefinition",
        "inference_accelerators",
        Delete(END_OF_LIFE),
        34,
    ),
    change("ec2.Eip", "vpc", EipDomain, 35),
    change("ec2.Instance", "cpu_core_count", Merge("cpu_options"), 40),
    change(
        "ec2.Instance",
        "cpu_threads_per_core",
        Merge("cpu_options"),
        40,
    ),
    change(
        "ec2.SpotInstanceRequest",
        "cpu_core_count",
        Merge("cpu_options"),
        40,
    ),
    change(
        "ec2.SpotInstanceRequest",
        "cpu_threads_per_core",
        Merge("cpu_options"),
        40,
    ),
    change(
        "ec2.LaunchTemplate",
        "elastic_gpu_specifications",
        Delete(END_OF_LIFE),
        41,
    ),
    change(
        "ec2.LaunchTemplate",
        "elastic_inference_accelerator",
        Delete(END_OF_LIFE),
        41,
    ),
    change(
        "networkmanager.CoreNetwork",
        "base_policy_region",
        Wrap("base_policy_regions"),
        43,
    ),
    change(
        "sagemaker.NotebookInstance",
        "accelerator_types",
        Delete(END_OF_LIFE),
        46,
    ),
    change(
        "ec2.SpotInstanceRequest",
        "block_duration_minutes",
        Delete(END_OF_LIFE),
        47,
    ),
];

/// Arguments of resources that take an `*Args` class `V7_ARGUMENTS` changes, which a program
/// may write as a dict literal instead: (resource, argument, the `*Args` class's key). The
/// dict's keys change as the class's keywords do (retyped values only).
pub static V7_NESTED_ARGS: &[(&str, &str, &str)] = &[(
    "networkmanager.ConnectPeer",
    "bgp_options",
    "networkmanager.ConnectPeerBgpOptions",
)];

/// The key of the object `Merge` arguments go into: `cpu_core_count` -> `core_count`.
pub fn merge_key(argument: &str) -> Option<&'static str> {
    match argument {
        "cpu_core_count" => Some("core_count"),
        "cpu_threads_per_core" => Some("threads_per_core"),
        _ => None,
    }
}

/// The data-source results whose attributes were renamed: (function, old, new, row).
pub static V7_RESULT_ATTRIBUTES: &[(&str, &str, &str, u8)] = &[
    ("get_region", "name", "region", 20),
    // On 7 `region` is the region the call was made in, the bucket's own is `bucket_region`.
    ("s3.get_bucket", "region", "bucket_region", 8),
];

/// Arguments of data sources 7 removed for a key of another object argument: (function, old,
/// new, key, row). `get_group(filter={...})` -> `get_group(alternate_identifier={
/// "unique_attribute": {...}})`: the filter's `attribute_path` / `attribute_value` are the
/// unique attribute's, and 6 already took `alternate_identifier`.
pub static V7_NESTED_ARGUMENTS: &[(&str, &str, &str, &str, u8)] = &[
    (
        "identitystore.get_group",
        "filter",
        "alternate_identifier",
        "unique_attribute",
        19,
    ),
    (
        "identitystore.get_user",
        "filter",
        "alternate_identifier",
        "unique_attribute",
        19,
    ),
];

/// The outputs of resources that 7 renamed: (class, old, new, row). On 7 a bucket's `region`
/// is the region the provider manages it from (the meta-argument every resource gained); the
/// bucket's own region, which 6's `region` was, is `bucket_region`.
pub static V7_RESOURCE_ATTRIBUTES: &[(&str, &str, &str, u8)] = &[
    ("s3.Bucket", "region", "bucket_region", 8),
    ("s3.BucketV2", "region", "bucket_region", 8),
];

/// Modules pulumi-aws 7 removed with their services (row 12): every class and function in
/// them is gone, with no replacement.
pub static V7_REMOVED_MODULES: &[&str] = &["opsworks", "simpledb", "worklink"];

/// Data-source functions pulumi-aws 7 removed from modules it kept (row 12; the guide's
/// "`redshift.ServiceAccount`" is this function: 6 has no such class).
pub static V7_REMOVED_FUNCTIONS: &[&str] = &["redshift.get_service_account"];

/// The arguments of `apigateway.Deployment` that managed a stage, which 7 removed (row 23):
/// the stage becomes an `apigateway.Stage` of its own, adopted with `pulumi import`.
pub static V7_DEPLOYMENT_STAGE_ARGUMENTS: &[&str] =
    &["stage_name", "stage_description", "canary_settings"];

/// Arguments of classes 7 removed or deprecated where the next step needs a person: (class,
/// argument, row, the step). Each step was checked against the 7.51.1 wheel (the successor
/// class, its import ID).
pub static V7_MANUAL_ARGUMENTS: &[(&str, &str, u8, &str)] = &[
    (
        "dms.Endpoint",
        "s3_settings",
        32,
        "an S3 endpoint is an `aws.dms.S3Endpoint` of its own on 7: declare one with these settings as its arguments and the same `endpoint_id`, drop this `Endpoint` from the state only (`pulumi state delete <urn>`), and adopt the endpoint before `pulumi up`: `pulumi import aws:dms/s3Endpoint:S3Endpoint <name> <endpoint id>`",
    ),
    (
        "redshift.Cluster",
        "logging",
        45,
        "declare `aws.redshift.Logging(cluster_identifier=...)` with these settings, delete the argument, and adopt the logging before `pulumi up`: `pulumi import aws:redshift/logging:Logging <name> <cluster identifier>`",
    ),
    (
        "redshift.Cluster",
        "snapshot_copy",
        45,
        "declare `aws.redshift.SnapshotCopy(cluster_identifier=...)` with these settings, delete the argument, and adopt the copy before `pulumi up`: `pulumi import aws:redshift/snapshotCopy:SnapshotCopy <name> <cluster identifier>`",
    ),
    (
        "eks.Cluster",
        "default_addons_to_removes",
        10,
        "7 deprecates it and the next major removes it; its successor, `bootstrap_self_managed_addons=False` with the add-ons you keep as `aws.eks.Addon`s, applies only when a cluster is created (changing it replaces the cluster), so keep the argument on an existing cluster until you plan that",
    ),
    (
        "eks.Addon",
        "resolve_conflicts",
        36,
        "7 removed it; it applied on creation and on updates: write its value as `resolve_conflicts_on_update=` and, unless it is `\"PRESERVE\"` (which AWS accepts on update only), as `resolve_conflicts_on_create=` too",
    ),
    (
        "ec2.FlowLog",
        "log_group_name",
        38,
        "7 removed it: pass the log group's ARN as `log_destination=` (`<log group>.arn` of an `aws.cloudwatch.LogGroup`); a changed `log_destination` replaces the flow log, so check that the preview shows no replace",
    ),
    (
        "guardduty.OrganizationConfiguration",
        "auto_enable",
        39,
        "7 removed it for `auto_enable_organization_members=` (`\"NEW\"`, `\"ALL\"` or `\"NONE\"`): `auto_enable=True` enabled GuardDuty in new member accounts (`\"NEW\"`), `False` in none (`\"NONE\"`); write the one you mean",
    ),
    (
        "guardduty.Detector",
        "datasources",
        13,
        "7 deprecates it for `aws.guardduty.DetectorFeature` resources, one per feature; it still works on 7",
    ),
];

/// Classes of services AWS is ending, which 7 deprecates and a later major removes (row 13).
pub static V7_DEPRECATED_SERVICES: &[&str] = &[
    "elastictranscoder.Pipeline",
    "elastictranscoder.Preset",
    "evidently.Feature",
    "evidently.Launch",
    "evidently.Project",
    "evidently.Segment",
    "mediastore.Container",
    "mediastore.ContainerPolicy",
    "kinesis.AnalyticsApplication",
];

/// Outputs 7 removed, of a class or a data-source function's result: (class or function,
/// output, row, the step). Checked in the wheels: the outputs are in 6.83.4 and not in 7.51.1,
/// and the `Stage` (7) has `invoke_url` and `execution_arn`.
pub static V7_REMOVED_OUTPUTS: &[(&str, &str, u8, &str)] = &[
    (
        "apigateway.Deployment",
        "invoke_url",
        23,
        "read it from the `aws.apigateway.Stage` declared for the stage (`<stage>.invoke_url`)",
    ),
    (
        "apigateway.Deployment",
        "execution_arn",
        23,
        "read it from the `aws.apigateway.Stage` declared for the stage (`<stage>.execution_arn`)",
    ),
    (
        "ecs.get_task_definition",
        "inference_accelerators",
        16,
        "AWS ended Elastic Inference: delete the read",
    ),
    (
        "ec2.get_launch_template",
        "elastic_gpu_specifications",
        16,
        "AWS ended Elastic Graphics: delete the read",
    ),
    (
        "ec2.get_launch_template",
        "elastic_inference_accelerators",
        16,
        "AWS ended Elastic Inference: delete the read",
    ),
    (
        "opensearch.Domain",
        "kibana_endpoint",
        44,
        "the nearest output is `dashboard_endpoint`, the OpenSearch Dashboards endpoint, which is not the same URL: use it where the reader wants Dashboards",
    ),
    (
        "opensearch.get_domain",
        "kibana_endpoint",
        44,
        "the nearest output is `dashboard_endpoint`, the OpenSearch Dashboards endpoint, which is not the same URL: use it where the reader wants Dashboards",
    ),
];

/// Outputs that were one object on 6 and are a list of it on 7: (class or function, output,
/// row). Checked in the wheels (6.83.4 returns the object, 7.51.1 a `Sequence` of it). The
/// guide's other names in rows 17 and 26 change only in nested blocks or not at all there.
pub static V7_LISTED_OUTPUTS: &[(&str, &str, u8)] = &[
    (
        "opensearch.get_serverless_security_config",
        "saml_options",
        17,
    ),
    ("paymentcryptography.Key", "key_attributes", 26),
];

/// Classes whose `pulumi import` ID 7 reads in another format (row 30), as the 7.51.1
/// docstrings give it, with the 6.83.4 one.
pub static V7_IMPORT_ID_FORMATS: &[(&str, &str)] = &[
    (
        "appflow.ConnectorProfile",
        "the connector profile's name (6 took its ARN)",
    ),
    ("appflow.Flow", "the flow's name (6 took its ARN)"),
    (
        "cognito.UserInGroup",
        "`<user_pool_id>,<group_name>,<username>`, comma-delimited",
    ),
    (
        "sagemaker.ImageVersion",
        "`<image_name>,<version>`, comma-delimited (6 took the name)",
    ),
];

/// Row 5: 6's legacy `s3.Bucket` took `website`'s `routing_rules` as a JSON string or a list;
/// 7's `s3.Bucket` (6's `BucketV2`) takes the string only: (class, argument, its args class,
/// field), as the 6.83.4 and 7.51.1 signatures give them.
pub const V7_WEBSITE_ROUTING_RULES: (&str, &str, &str, &str) = (
    "s3.Bucket",
    "website",
    "s3.BucketWebsiteArgs",
    "routing_rules",
);

/// True when 7 removed what `key` (`opsworks.Stack`, `redshift.get_service_account`) names.
pub fn removed_in_v7(key: &str) -> bool {
    let module = key.split('.').next().unwrap_or(key);
    let function = key.strip_suffix("_output").unwrap_or(key);
    V7_REMOVED_MODULES.contains(&module) || V7_REMOVED_FUNCTIONS.contains(&function)
}

/// The argument changes towards `to`, for a class or function key.
pub fn argument_changes(to: Major, on: &str) -> impl Iterator<Item = &'static ArgumentChange> {
    let table: &'static [ArgumentChange] = match to {
        Major::V7 => V7_ARGUMENTS,
        Major::V6 => &[],
    };
    table.iter().filter(move |c| c.on == on)
}

/// The key a class's changes are listed under: `ec2.EipArgs` -> `ec2.Eip`, `ProviderArgs` ->
/// `Provider`.
pub fn changes_key(key: &str) -> &str {
    key.strip_suffix("Args").unwrap_or(key)
}

// Rows 6 and 7: `s3.BucketV2` and its `*V2` companions become the classes without `V2`.
// Unsafe: the type token changes. pulumi-aws 7's new classes declare an alias from the old
// token (`Bucket`: `aliases=[Alias(type_="aws:s3/bucketV2:BucketV2")]`), so the state moves
// rather than being replaced, but only a `pulumi up --refresh --run-program` shows it.

/// The class `s3.BucketV2` became on 7 (row 6).
pub const V7_BUCKET_V2: (&str, &str) = ("s3.BucketV2", "s3.Bucket");

/// The inputs of `s3.BucketV2` that `s3.Bucket` takes as one object instead of a list of at
/// most one: (path of the 6 names from the resource, the 7 name of its last step). A path
/// goes through the lists both keep (`lifecycle_rules`, `rules` of a replication
/// configuration) element by element. Every other input has the same name and shape in both.
pub static V7_BUCKET_V2_UNWRAPPED: &[(&str, &str)] = &[
    ("versionings", "versioning"),
    ("loggings", "logging"),
    ("websites", "website"),
    (
        "server_side_encryption_configurations",
        "server_side_encryption_configuration",
    ),
    ("server_side_encryption_configurations.rules", "rule"),
    (
        "server_side_encryption_configurations.rules.apply_server_side_encryption_by_defaults",
        "apply_server_side_encryption_by_default",
    ),
    ("lifecycle_rules.expirations", "expiration"),
    (
        "lifecycle_rules.noncurrent_version_expirations",
        "noncurrent_version_expiration",
    ),
    ("object_lock_configuration.rules", "rule"),
    (
        "object_lock_configuration.rules.default_retentions",
        "default_retention",
    ),
    ("replication_configurations", "replication_configuration"),
    (
        "replication_configurations.rules.destinations",
        "destination",
    ),
    (
        "replication_configurations.rules.destinations.access_control_translations",
        "access_control_translation",
    ),
    (
        "replication_configurations.rules.destinations.metrics",
        "metrics",
    ),
    (
        "replication_configurations.rules.destinations.replication_times",
        "replication_time",
    ),
    ("replication_configurations.rules.filters", "filter"),
    (
        "replication_configurations.rules.source_selection_criterias",
        "source_selection_criteria",
    ),
    (
        "replication_configurations.rules.source_selection_criterias.sse_kms_encrypted_objects",
        "sse_kms_encrypted_objects",
    ),
];

/// The S3 companion resources whose 7 name drops `V2` (row 7). Their arguments, and those of
/// their nested `*Args` classes, are the same in 7 under the new names (7 only adds some).
pub static V7_BUCKET_COMPANIONS_V2: &[&str] = &[
    "s3.BucketAccelerateConfigurationV2",
    "s3.BucketAclV2",
    "s3.BucketCorsConfigurationV2",
    "s3.BucketLifecycleConfigurationV2",
    "s3.BucketLoggingV2",
    "s3.BucketObjectLockConfigurationV2",
    "s3.BucketRequestPaymentConfigurationV2",
    "s3.BucketServerSideEncryptionConfigurationV2",
    "s3.BucketVersioningV2",
    "s3.BucketWebsiteConfigurationV2",
];

/// The 7 name of a row 7 class or of one of its `*Args` classes: `s3.BucketAclV2` ->
/// `s3.BucketAcl`, `s3.BucketAclV2AccessControlPolicyArgs` -> `s3.BucketAclAccessControlPolicyArgs`.
/// Four resources' own `*Args` end in `InitArgs` on 7, where `s3.Bucket`'s nested types took
/// the plain name (`s3.BucketLoggingV2Args` -> `s3.BucketLoggingInitArgs`).
pub fn v7_companion_name(key: &str) -> Option<String> {
    let companion = V7_BUCKET_COMPANIONS_V2
        .iter()
        .find(|c| key.starts_with(**c))?;
    let rest = &key[companion.len()..];
    let base = companion.strip_suffix("V2")?;
    let renamed = format!("{base}{rest}");
    if rest == "Args"
        && matches!(
            base,
            "s3.BucketLogging"
                | "s3.BucketObjectLockConfiguration"
                | "s3.BucketServerSideEncryptionConfiguration"
                | "s3.BucketVersioning"
        )
    {
        return Some(format!("{base}InitArgs"));
    }
    Some(renamed)
}

/// `apply_server_side_encryption_by_defaults` -> `applyServerSideEncryptionByDefaults`: how a
/// dict literal may spell an input's key, as the engine does.
pub fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `targetBucket` (a dict key the engine's way) or `PasswordLength` (CloudFormation's) ->
/// `target_bucket`, `password_length`: the Python name of an input; snake_case stays.
pub fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

// Defaults pulumi-aws 7 flipped (rows 37, 45, 49). An argument a 6 program leaves out took
// 6's default, which its state holds; on 7 it takes another, and the next `pulumi up` would
// change the resource. Pinning the 6 value makes the upgrade change nothing; whether to move
// to 7's value (often the more secure one) is a separate decision the finding names.

/// An argument whose default pulumi-aws 7 changed, to pin where a 6 program leaves it out.
#[derive(Debug, Clone, Copy)]
pub struct PinnedDefault {
    /// The class (its `*Args` too) or nested `*Args` class that takes the argument.
    pub on: &'static str,
    /// For a nested object a program may write as a dict literal: the resource it is written
    /// in and the key that holds it, which only this object has.
    pub nested: Option<(&'static str, &'static str)>,
    pub argument: &'static str,
    /// The 6 default, as Python.
    pub value: &'static str,
    /// Pinned only when the call passes this argument too: the default matters only then.
    pub when: Option<&'static str>,
    /// What changed, for the finding, as the 6 and 7 docstrings say it.
    pub flipped: &'static str,
    pub row: u8,
}

pub static V7_PINNED_DEFAULTS: &[PinnedDefault] = &[
    PinnedDefault {
        on: "redshift.Cluster",
        nested: None,
        argument: "publicly_accessible",
        value: "True",
        when: None,
        flipped: "its default was `true` in 6 and is `false` in 7, which would make a public cluster private; `False` is the safer setting, a separate decision",
        row: 45,
    },
    PinnedDefault {
        on: "redshift.Cluster",
        nested: None,
        argument: "encrypted",
        value: "\"false\"",
        when: None,
        flipped: "6 defaulted it to `false` and 7 to `\"true\"` (7.51.1: \"Default is `true`\"), so the first `pulumi up` would encrypt a cluster 6 left unencrypted; encrypting is a separate decision (`\"true\"`, the safer setting); AWS encrypts every cluster created since January 2025: if the preview shows `encrypted` changing, the cluster is encrypted already, write `\"true\"`",
        row: 45,
    },
    PinnedDefault {
        on: "elasticache.ReplicationGroup",
        nested: None,
        argument: "auth_token_update_strategy",
        value: "\"ROTATE\"",
        when: Some("auth_token"),
        flipped: "6 defaulted it to `ROTATE` and 7 leaves it unset, a change to the state the next `pulumi up` would show; `ROTATE` is also what AWS applies when it is unset, so pinning it changes nothing",
        row: 37,
    },
    PinnedDefault {
        on: "wafv2.WebAclRuleStatementManagedRuleGroupStatementManagedRuleGroupConfigAwsManagedRulesBotControlRuleSetArgs",
        nested: Some(("wafv2.WebAcl", "aws_managed_rules_bot_control_rule_set")),
        argument: "enable_machine_learning",
        value: "True",
        when: None,
        flipped: "its default was `true` in 6 and is `false` in 7, which would turn off the machine-learning bot detection of the targeted level; whether to keep it is a separate decision",
        row: 49,
    },
];

/// Row 22: `apigateway.Account(reset_on_delete=)`, removed by 7. 6 kept the account's API
/// Gateway settings when the resource was destroyed unless it was `True`, and its docstring
/// announced that "in a future major version of the provider, destroying the resource will
/// reset account settings": on 7 it always resets. `True` is deleted; `False` becomes the
/// resource option that keeps the settings, `retain_on_delete=True`.
pub const V7_ACCOUNT_RESET_ON_DELETE: (&str, &str) = ("apigateway.Account", "reset_on_delete");

/// Row 31: 7 rejects `character_set_name` of `rds.Instance` beside any of
/// `V7_RDS_CHARACTER_SET_SOURCES`, from which the database takes its character set.
pub const V7_RDS_CHARACTER_SET: (&str, &str) = ("rds.Instance", "character_set_name");

pub static V7_RDS_CHARACTER_SET_SOURCES: &[&str] = &[
    "replicate_source_db",
    "restore_to_point_in_time",
    "s3_import",
    "snapshot_identifier",
];

/// Row 50: the enum members of 6 that 7 dropped (`scripts/gen_v7_removed_enum_members.py`,
/// from both wheels' `_enums.py`): `module.Class`, member, value, and the 7 member of the
/// same value when there is one (`ec2.InstanceType.C7A_METAL` -> `C7A_METAL_48XL`).
const V7_REMOVED_ENUM_MEMBERS: &str =
    include_str!("../../data/pulumi-aws-v7-removed-enum-members.tsv");

/// What became of `class.member` (`iam.ManagedPolicy`, `AWS_LAMBDA_FULL_ACCESS`) on 7, when 7
/// dropped it: its value, and the 7 member of that value if any.
pub fn v7_removed_enum_member(
    class: &str,
    member: &str,
) -> Option<(&'static str, Option<&'static str>)> {
    V7_REMOVED_ENUM_MEMBERS.lines().find_map(|line| {
        let mut fields = line.split('\t');
        let (c, m, value, renamed) = (
            fields.next()?,
            fields.next()?,
            fields.next()?,
            fields.next()?,
        );
        (c == class && m == member).then_some((value, Some(renamed).filter(|r| !r.is_empty())))
    })
}

/// The enum classes some of whose members 7 dropped.
pub fn v7_enums_with_removed_members() -> Vec<&'static str> {
    let mut classes: Vec<&str> = V7_REMOVED_ENUM_MEMBERS
        .lines()
        .filter_map(|l| l.split('\t').next())
        .collect();
    classes.dedup();
    classes
}

/// Row 2: the `endpoints` entries of `Provider` (`ProviderEndpointArgs`) for the services 7
/// removed. Nothing can call those services any more, so deleting the entry changes nothing.
pub static V7_REMOVED_PROVIDER_ENDPOINTS: &[&str] = &["opsworks", "sdb", "simpledb", "worklink"];

/// Row 48: `ssm.Association(instance_id=X)`, removed by 7, is `targets=[{"key":
/// "InstanceIds", "values": [X]}]` (6's docstring: "Use `targets` with key `InstanceIds`").
pub const V7_SSM_ASSOCIATION_INSTANCE_ID: (&str, &str) = ("ssm.Association", "instance_id");

/// What each row of `spec/upgrade-v7.md` changed, as the upgrade report names it.
pub fn v7_row_title(row: u8) -> Option<&'static str> {
    Some(match row {
        1 => "Provider role chaining: `assume_role` -> `assume_roles`",
        2 => "Provider `endpoints` of removed services",
        3 => "S3 global endpoint setting",
        4 => "Legacy `s3.Bucket`: `loggings` -> `logging`",
        5 => "Legacy `s3.Bucket`: website `routing_rules` as a JSON string",
        6 => "`s3.BucketV2` -> `s3.Bucket`",
        7 => "S3 `*V2` side resources -> the names without `V2`",
        8 => "S3 bucket `.region` -> `.bucket_region`",
        9 => "`tags` read as all tags -> `tags_all`",
        10 => "`eks.Cluster(default_addons_to_removes=)` removed",
        11 => "`ecr.get_credentials` -> `ecr.get_authorization_token`",
        12 => "Removed services",
        13 => "Deprecated services",
        14 => "`ec2.get_ami(most_recent=True)` without `owners`",
        15 => "`batch.get_compute_environment`: `compute_environment_name` -> `name`",
        16 => "End-of-life function arguments and outputs",
        17 => "Function outputs that became lists",
        18 => "`globalaccelerator.get_accelerator(id=)` removed",
        19 => "`identitystore.get_group`/`get_user`: `filter` -> `alternate_identifier`",
        20 => "`get_region`: `name` -> `region`",
        21 => "`region`-named function arguments renamed",
        22 => "`apigateway.Account(reset_on_delete=)` removed",
        23 => "`apigateway.Deployment` stage arguments -> `apigateway.Stage`",
        24 => "`batch.ComputeEnvironment`: `compute_environment_name` -> `name`",
        25 => "`batch.JobQueue`: `compute_environments` -> `compute_environment_orders`",
        26 => "Resource outputs that became lists",
        27 => "`region`-named resource arguments renamed",
        28 => "`cloudfront.KeyValueStore` `.id` -> `.name`",
        29 => "`cloudfront.ResponseHeadersPolicy(etag=)` removed",
        30 => "Import ID formats",
        31 => "`rds.Instance(character_set_name=)` with a source",
        32 => "`dms.Endpoint(s3_settings=)` -> `dms.S3Endpoint`",
        33 => "`directconnect.GatewayAssociation`: `vpn_gateway_id` -> `associated_gateway_id`",
        34 => "`ecs.TaskDefinition(inference_accelerators=)` removed",
        35 => "`ec2.Eip(vpc=True)` -> `domain=\"vpc\"`",
        36 => "`eks.Addon(resolve_conflicts=)` split",
        37 => "ElastiCache `auth_token_update_strategy` and `engine`",
        38 => "`ec2.FlowLog(log_group_name=)` -> `log_destination=`",
        39 => "`guardduty.OrganizationConfiguration(auto_enable=)`",
        40 => "`cpu_core_count`/`cpu_threads_per_core` -> `cpu_options`",
        41 => "`ec2.LaunchTemplate` elastic GPU and inference arguments removed",
        42 => "`lb.Listener` mutual authentication",
        43 => "`networkmanager.CoreNetwork`: `base_policy_region` -> `base_policy_regions`",
        44 => "`opensearch.Domain.kibana_endpoint` -> `dashboard_endpoint`",
        45 => "`redshift.Cluster` arguments",
        46 => "`sagemaker.NotebookInstance(accelerator_types=)` removed",
        47 => "`ec2.SpotInstanceRequest(block_duration_minutes=)` removed",
        48 => "`ssm.Association(instance_id=)` -> `targets`",
        49 => "WAFv2 bot control `enable_machine_learning` default",
        50 => "Removed enum members",
        _ => return None,
    })
}

/// The row of the upgrade guide a finding's message names: every upgrade rule writes
/// "(upgrade guide row N)" in the message of a change the guide lists.
pub fn guide_row(message: &str) -> Option<u8> {
    let (_, rest) = message.split_once("upgrade guide row ")?;
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    rest[..digits].parse().ok()
}

/// Modules pulumi-aws 6 removed that were deprecated aliases of another module in 5 (5.43's
/// deprecations say so): each class and function moves to the same name there. A class keeps
/// its resources: 6's class lists the old type among its aliases (`lb.LoadBalancer` has
/// `aws:elasticloadbalancingv2/loadBalancer:LoadBalancer`).
pub static V6_RENAMED_MODULES: &[(&str, &str)] = &[
    ("elasticloadbalancingv2", "lb"),
    ("applicationloadbalancing", "alb"),
    ("elasticloadbalancing", "elb"),
];

/// The modules of `V6_RENAMED_MODULES` that 6 kept part of: `applicationloadbalancing` kept
/// its enums (`IpAddressType`, `LoadBalancerType`), so an import of it stays.
pub static V6_PARTLY_KEPT_MODULES: &[&str] = &["applicationloadbalancing"];

/// Classes and functions pulumi-aws 6 removed in favour of another name (5.43's deprecation
/// names it): the classes' new types alias the old ones, and each function takes the same
/// parameters (compared in the 5.43.0 and 6.83.4 wheels; 6's results only add attributes).
pub static V6_RENAMED: &[(&str, &str)] = &[
    (
        "ec2.TransitGatewayPeeringAttachmentAccepter",
        "ec2transitgateway.PeeringAttachmentAccepter",
    ),
    ("ses.ConfgurationSet", "ses.ConfigurationSet"),
    ("get_ami", "ec2.get_ami"),
    ("get_ami_ids", "ec2.get_ami_ids"),
    // Sic: 6 calls the autoscaling groups function `get_ami_ids`.
    ("get_autoscaling_groups", "autoscaling.get_ami_ids"),
    ("get_canonical_user_id", "s3.get_canonical_user_id"),
    ("get_elastic_ip", "ec2.get_elastic_ip"),
    ("get_prefix_list", "ec2.get_prefix_list"),
    ("cloudtrail.get_function", "cloudfront.get_function"),
    (
        "iam.get_openid_connect_provider",
        "iam.get_open_id_connect_provider",
    ),
];

/// The name pulumi-aws 6 gives what 5 called `key` (a class, or a function, `_output` form
/// too), when 6 removed the old name; `None` when the name did not change.
pub fn v6_name(key: &str) -> Option<String> {
    let (base, output) = match key.strip_suffix("_output") {
        Some(base) => (base, "_output"),
        None => (key, ""),
    };
    if let Some((_, new)) = V6_RENAMED.iter().find(|(old, _)| *old == base) {
        return Some(format!("{new}{output}"));
    }
    let (module, name) = base.split_once('.')?;
    let (_, new_module) = V6_RENAMED_MODULES.iter().find(|(old, _)| *old == module)?;
    let six = super::Tables::get(Major::V6);
    let is_class = name.starts_with(|c: char| c.is_ascii_uppercase());
    // A class only when 6 dropped it from the old module and has it in the new one (the
    // enums of `applicationloadbalancing` stayed where they were).
    if is_class && (six.exports(base) || !six.exports(&format!("{new_module}.{name}"))) {
        return None;
    }
    Some(format!("{new_module}.{name}{output}"))
}

/// Arguments pulumi-aws 6 deprecated or removed in favour of another name for the same
/// setting: (class, old, new). Each was deprecated in 5.43 with "use <new> instead".
pub static V6_RENAMED_ARGUMENTS: &[(&str, &str, &str)] = &[
    (
        "autoscaling.Attachment",
        "alb_target_group_arn",
        "lb_target_group_arn",
    ),
    (
        "elasticache.ReplicationGroup",
        "number_cache_clusters",
        "num_cache_clusters",
    ),
    (
        "elasticache.ReplicationGroup",
        "replication_group_description",
        "description",
    ),
    ("rds.Instance", "name", "db_name"),
];

/// Arguments pulumi-aws 6 removed whose successor `replacements::REPLACEMENTS` gives (5.43.0
/// takes them, 6.83.4 does not): a route to an instance goes to its network interface.
pub static V6_REPLACED_ARGUMENTS: &[(&str, &str)] = &[
    ("ec2.Route", "instance_id"),
    ("ec2.RouteTableRoute", "instance_id"),
];

/// How a resource of a removed class leaves the program: deleting its code alone would make
/// `pulumi up` ask a provider that no longer knows the type to delete it.
pub const V6_OUT_OF_STATE: &str = "drop it from the state only (`pulumi state delete <urn>`, URNs from `pulumi stack --show-urns`), then delete this code";

/// Classes pulumi-aws 6 removed with no successor of the same meaning (in 5.43.0, not in
/// 6.83.4), with the next step; the `*Args` classes named after each went with it
/// (`rds.SecurityGroupIngressArgs`). The EC2-Classic ones were deprecated in 5.43.0 "with the
/// retirement of EC2-Classic".
pub static V6_REMOVED_CLASSES: &[(&str, &str)] = &[
    (
        "elasticache.SecurityGroup",
        "an EC2-Classic cache security group, retired with EC2-Classic; a cluster in a VPC takes `security_group_ids=` of `aws.ec2.SecurityGroup`s",
    ),
    (
        "rds.SecurityGroup",
        "an EC2-Classic DB security group, retired with EC2-Classic; a database in a VPC takes `vpc_security_group_ids=` of `aws.ec2.SecurityGroup`s",
    ),
    (
        "redshift.SecurityGroup",
        "an EC2-Classic cluster security group, retired with EC2-Classic; a cluster in a VPC takes `vpc_security_group_ids=` of `aws.ec2.SecurityGroup`s",
    ),
    (
        "macie.MemberAccountAssociation",
        "Amazon Macie Classic (5.43.0: it \"cannot be activated in new accounts\"); its successor, `aws.macie2.Member`, is another service's resource with other arguments, not a rename",
    ),
    (
        "macie.S3BucketAssociation",
        "Amazon Macie Classic (5.43.0: it \"cannot be activated in new accounts\"); its successor, an `aws.macie2.ClassificationJob` over the bucket, is another service's resource with other arguments, not a rename",
    ),
];

/// The removed class of `V6_REMOVED_CLASSES` that `key` is, or whose `*Args` class it is.
pub fn v6_removed_class(key: &str) -> Option<&'static (&'static str, &'static str)> {
    V6_REMOVED_CLASSES.iter().find(|(class, _)| {
        key == *class
            || key
                .strip_prefix(class)
                .is_some_and(|rest| rest.ends_with("Args"))
    })
}

/// Arguments of kept classes that 6 removed (in 5.43.0, not in 6.83.4): (class, argument, the
/// step). The EC2-Classic ones cannot mean anything in AWS any more, but only the author can
/// say that nothing else in the program relies on them; the others moved to a resource of
/// their own, which must be imported, or the next `pulumi up` creates a second one.
pub static V6_MANUAL_ARGUMENTS: &[(&str, &str, &str)] = &[
    (
        "ecs.Cluster",
        "capacity_providers",
        "an ECS cluster's capacity providers are an `aws.ecs.ClusterCapacityProviders(cluster_name=..., capacity_providers=[...], default_capacity_provider_strategies=[...])` of their own on 6: declare it with these values, delete the arguments here, and adopt it before `pulumi up`: `pulumi import aws:ecs/clusterCapacityProviders:ClusterCapacityProviders <name> <cluster name>`",
    ),
    (
        "ecs.Cluster",
        "default_capacity_provider_strategies",
        "an ECS cluster's capacity providers are an `aws.ecs.ClusterCapacityProviders(cluster_name=..., capacity_providers=[...], default_capacity_provider_strategies=[...])` of their own on 6: declare it with these values, delete the arguments here, and adopt it before `pulumi up`: `pulumi import aws:ecs/clusterCapacityProviders:ClusterCapacityProviders <name> <cluster name>`",
    ),
    (
        "secretsmanager.Secret",
        "rotation_lambda_arn",
        "a secret's rotation is an `aws.secretsmanager.SecretRotation(secret_id=<secret>.id, rotation_lambda_arn=..., rotation_rules={...})` of its own on 6: declare it with these values, delete the arguments here, and adopt it before `pulumi up`: `pulumi import aws:secretsmanager/secretRotation:SecretRotation <name> <secret arn>`",
    ),
    (
        "secretsmanager.Secret",
        "rotation_rules",
        "a secret's rotation is an `aws.secretsmanager.SecretRotation(secret_id=<secret>.id, rotation_lambda_arn=..., rotation_rules={...})` of its own on 6: declare it with these values, delete the arguments here, and adopt it before `pulumi up`: `pulumi import aws:secretsmanager/secretRotation:SecretRotation <name> <secret arn>`",
    ),
    (
        "ec2.Vpc",
        "enable_classiclink",
        "ClassicLink was retired with EC2-Classic: delete the argument",
    ),
    (
        "ec2.Vpc",
        "enable_classiclink_dns_support",
        "ClassicLink was retired with EC2-Classic: delete the argument",
    ),
    (
        "ec2.DefaultVpc",
        "enable_classiclink",
        "ClassicLink was retired with EC2-Classic: delete the argument",
    ),
    (
        "ec2.DefaultVpc",
        "enable_classiclink_dns_support",
        "ClassicLink was retired with EC2-Classic: delete the argument",
    ),
    (
        "ec2.LaunchConfiguration",
        "vpc_classic_link_id",
        "ClassicLink was retired with EC2-Classic: delete the argument",
    ),
    (
        "ec2.LaunchConfiguration",
        "vpc_classic_link_security_groups",
        "ClassicLink was retired with EC2-Classic: delete the argument",
    ),
    (
        "elasticache.Cluster",
        "security_group_names",
        "it named EC2-Classic cache security groups, retired with EC2-Classic: delete it (a cluster in a VPC takes `security_group_ids=`)",
    ),
    (
        "rds.Instance",
        "security_group_names",
        "it named EC2-Classic DB security groups, retired with EC2-Classic: delete it (a database in a VPC takes `vpc_security_group_ids=`)",
    ),
    (
        "redshift.Cluster",
        "cluster_security_groups",
        "it named EC2-Classic cluster security groups, retired with EC2-Classic: delete it (a cluster in a VPC takes `vpc_security_group_ids=`)",
    ),
];

/// Blocks 5 deprecated for arguments of the resource itself, which 6 removed: (class, block,
/// its keys, which 6's class takes under the same names). `cluster_mode={"num_node_groups":
/// 2, "replicas_per_node_group": 1}` -> `num_node_groups=2, replicas_per_node_group=1`
/// (5.43.0: "Use num_node_groups and replicas_per_node_group instead"); 6's `cluster_mode` is
/// another setting, a string (`"enabled"`, `"disabled"`, `"compatible"`).
pub static V6_UNNESTED_BLOCKS: &[(&str, &str, &[&str])] = &[(
    "elasticache.ReplicationGroup",
    "cluster_mode",
    &["num_node_groups", "replicas_per_node_group"],
)];

/// Arguments 5 took as a number and 6 takes as its decimal string (6.83.4: "String containing
/// an integer value"): `minimum_compression_size=1024` -> `"1024"`, the same value.
pub static V6_INT_AS_STRING: &[(&str, &str)] =
    &[("apigateway.RestApi", "minimum_compression_size")];

/// The renames of `V6_RENAMED_ARGUMENTS` that are unsafe: `rds.Instance(name=)` -> `db_name`
/// has made `pulumi up` replace databases in real upgrades.
pub fn v6_rename_is_unsafe(on: &str, argument: &str) -> bool {
    (on, argument) == ("rds.Instance", "name")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pulumi::Tables;
    use crate::pulumi::schema::Shape;
    use std::collections::HashMap;

    /// `data/pulumi-aws-functions.gz` (`scripts/gen_pulumi_aws_functions.py`): per major, each
    /// function's parameters and its result's attributes (`:d` when deprecated).
    fn functions() -> HashMap<(u64, String), (Vec<String>, Vec<String>)> {
        let text = include_str!(concat!(env!("OUT_DIR"), "/pulumi-aws-functions"));
        let split = |s: &str| {
            s.split(',')
                .filter(|p| !p.is_empty())
                .map(String::from)
                .collect()
        };
        text.lines()
            .filter_map(|line| line.strip_prefix("F "))
            .map(|record| {
                let mut fields = record.split('\t');
                let (major, key) = fields.next().unwrap().split_once(' ').unwrap();
                let params = split(fields.next().unwrap());
                let results = split(fields.next().unwrap());
                ((major.parse().unwrap(), key.to_string()), (params, results))
            })
            .collect()
    }

    /// The parameters of `on` in a major, and whether `name` among them is deprecated.
    fn accepts(major: Major, on: &str, name: &str) -> Option<bool> {
        let tables = Tables::get(major);
        // A nested `*Args` class has no resource of its name (`ConnectPeerBgpOptions`).
        let args = format!("{on}Args");
        if let Some((class, on)) = tables
            .class(on)
            .map(|c| (c, on))
            .or_else(|| tables.class(&args).map(|c| (c, args.as_str())))
        {
            class.param(name)?;
            return Some(tables.deprecation(on, name).is_some());
        }
        let functions = functions();
        let (params, _) = functions.get(&(major.number(), on.to_string()))?;
        params.iter().find_map(|p| match p.strip_suffix(":d") {
            Some(deprecated) => (deprecated == name).then_some(true),
            None => (p == name).then_some(false),
        })
    }

    /// What a rewrite writes, as argument names the target must accept.
    fn written(change: &ArgumentChange) -> Option<&'static str> {
        match change.rewrite {
            Rename(new) | Unwrap(new) | Wrap(new) | Merge(new) | Ordered(new) => Some(new),
            EipDomain => Some("domain"),
            Delete(_) | BoolAsString | IntAsString => None,
        }
    }

    #[test]
    fn every_v7_rewrite_goes_from_a_6_spelling_to_a_7_one() {
        assert!(!V7_ARGUMENTS.is_empty());
        for change in V7_ARGUMENTS {
            let what = format!("{} {}", change.on, change.argument);
            assert!(
                accepts(Major::V6, change.on, change.argument).is_some(),
                "{what}: not in 6"
            );
            if change.rewrite.retypes() {
                // The name stays and its type changes, which the tables do not hold: the
                // wheels' signatures say it, and the mock test runs both sides.
                assert_eq!(accepts(Major::V7, change.on, change.argument), Some(false));
                continue;
            }
            // Gone from 7, or kept there only as a deprecated spelling.
            assert_ne!(
                accepts(Major::V7, change.on, change.argument),
                Some(false),
                "{what}: still plain in 7"
            );
            if let Some(new) = written(change) {
                // Deprecated is allowed: `s3.Bucket(logging=)` is, in favour of a resource of its
                // own, but it is the spelling that changes nothing.
                assert!(
                    accepts(Major::V7, change.on, new).is_some(),
                    "{what}: 7 lacks {new}"
                );
            }
            if let Merge(_) = change.rewrite {
                let key = merge_key(change.argument).expect("merge key");
                let args = Tables::get(Major::V7)
                    .class("ec2.InstanceCpuOptionsArgs")
                    .unwrap();
                assert!(args.param(key).is_some(), "{what}: cpu options lack {key}");
            }
            // The `*Args` class of a resource changes the same way.
            if let (Some(args), Some(new)) = (
                Tables::get(Major::V7).class(&format!("{}Args", change.on)),
                written(change),
            ) {
                assert!(
                    args.param(new).is_some(),
                    "{what}: {}Args lacks {new}",
                    change.on
                );
            }
        }
    }

    #[test]
    fn nested_args_are_taken_by_their_resource_and_changed_by_retypes_only() {
        for (resource, argument, args) in V7_NESTED_ARGS {
            for major in Major::ALL {
                let class = Tables::get(major).class(resource).unwrap();
                assert!(class.param(argument).is_some(), "{resource}({argument}=)");
                assert!(Tables::get(major).class(&format!("{args}Args")).is_some());
            }
            let changes: Vec<_> = argument_changes(Major::V7, args).collect();
            assert!(!changes.is_empty(), "{args}: no change");
            assert!(changes.iter().all(|c| c.rewrite.retypes()), "{args}");
        }
    }

    #[test]
    fn manual_arguments_are_in_6_and_gone_or_deprecated_in_7_and_their_successors_exist() {
        let (six, seven) = (Tables::get(Major::V6), Tables::get(Major::V7));
        for (on, argument, _, _) in V7_MANUAL_ARGUMENTS {
            assert!(
                six.class(on).unwrap().param(argument).is_some(),
                "{on}({argument}=) in 6"
            );
            let kept = seven.class(on).unwrap().param(argument).is_some();
            assert!(
                !kept || seven.deprecation(on, argument).is_some(),
                "{on}({argument}=) in 7"
            );
        }
        for successor in [
            "dms.S3Endpoint",
            "redshift.Logging",
            "redshift.SnapshotCopy",
            "eks.Addon",
            "guardduty.DetectorFeature",
        ] {
            assert!(seven.class(successor).is_some(), "7 has {successor}");
        }
        for (class, argument) in [
            ("eks.Addon", "resolve_conflicts_on_update"),
            ("eks.Addon", "resolve_conflicts_on_create"),
            ("ec2.FlowLog", "log_destination"),
            (
                "guardduty.OrganizationConfiguration",
                "auto_enable_organization_members",
            ),
        ] {
            assert!(
                seven.class(class).unwrap().param(argument).is_some(),
                "{class}({argument}=) in 7"
            );
        }
        assert!(seven.class("cloudwatch.LogGroup").is_some());
        assert!(
            seven
                .class("eks.Cluster")
                .unwrap()
                .param("bootstrap_self_managed_addons")
                .is_some()
        );
        for class in V7_DEPRECATED_SERVICES {
            assert!(
                six.class(class).is_some() && seven.class(class).is_some(),
                "{class}"
            );
        }
        for (class, _) in V7_IMPORT_ID_FORMATS {
            assert!(
                six.class(class).is_some() && seven.class(class).is_some(),
                "{class}"
            );
        }
        let (bucket, website, website_args, field) = V7_WEBSITE_ROUTING_RULES;
        for tables in [six, seven] {
            assert!(tables.class(bucket).unwrap().param(website).is_some());
            assert!(tables.class(website_args).unwrap().param(field).is_some());
        }
        // The tables hold inputs only: `V7_REMOVED_OUTPUTS` and `V7_LISTED_OUTPUTS` were
        // checked in the wheels.
    }

    #[test]
    fn nested_arguments_go_from_6_to_7() {
        let functions = functions();
        for &(function, old, new, _, _) in V7_NESTED_ARGUMENTS {
            let (six, _) = &functions[&(6, function.to_string())];
            let (seven, _) = &functions[&(7, function.to_string())];
            let has = |params: &[String], name: &str| {
                params
                    .iter()
                    .any(|p| p.strip_suffix(":d").unwrap_or(p) == name)
            };
            assert!(
                has(six, old) && has(six, new),
                "{function}: 6 takes {old} and {new}"
            );
            assert!(
                !has(seven, old) && has(seven, new),
                "{function}: 7 takes {new} only"
            );
        }
    }

    #[test]
    fn renamed_resource_outputs_are_new_in_7() {
        let (six, seven) = (Tables::get(Major::V6), Tables::get(Major::V7));
        for &(class, old, new, _) in V7_RESOURCE_ATTRIBUTES {
            // The tables hold inputs (and state): `region` became an input of every resource.
            assert!(six.class(class).is_some(), "{class} in 6");
            assert!(
                six.class(class).unwrap().param(new).is_none(),
                "{class}.{new} is new in 7"
            );
            assert!(
                seven.class(class).unwrap().param(old).is_some(),
                "{class}({old}=) in 7"
            );
        }
    }

    #[test]
    fn every_v6_rename_names_what_6_has() {
        let six = Tables::get(Major::V6);
        let functions = functions();
        let in_six = |key: &str| {
            let base = key.strip_suffix("_output").unwrap_or(key);
            six.exports(base) || functions.contains_key(&(6, base.to_string()))
        };
        for (old, new) in V6_RENAMED {
            assert!(!in_six(old), "{old} is gone from 6");
            assert!(in_six(new), "6 has {new}");
            assert_eq!(v6_name(old).as_deref(), Some(*new));
        }
        // The classes and functions of the removed modules in 5.43.0, each to its 6 name.
        for (old, new) in [
            ("elasticloadbalancingv2.LoadBalancer", "lb.LoadBalancer"),
            ("elasticloadbalancingv2.ListenerRule", "lb.ListenerRule"),
            (
                "elasticloadbalancingv2.get_target_group",
                "lb.get_target_group",
            ),
            ("applicationloadbalancing.TargetGroup", "alb.TargetGroup"),
            ("applicationloadbalancing.get_listener", "alb.get_listener"),
            ("elasticloadbalancing.LoadBalancer", "elb.LoadBalancer"),
            (
                "elasticloadbalancing.get_service_account",
                "elb.get_service_account",
            ),
            (
                "elasticloadbalancing.get_hosted_zone_id",
                "elb.get_hosted_zone_id",
            ),
            ("get_ami_output", "ec2.get_ami_output"),
        ] {
            assert!(!in_six(old), "{old} is gone from 6");
            assert!(in_six(new), "6 has {new}");
            assert_eq!(v6_name(old).as_deref(), Some(new));
        }
        for (old, _) in V6_RENAMED_MODULES {
            for key in six.keys_in(old) {
                assert_eq!(v6_name(key), None, "{key} is still in 6");
            }
        }
        assert_eq!(v6_name("lb.LoadBalancer"), None);
        assert!(six.exports("applicationloadbalancing.IpAddressType"));
        assert_eq!(V6_PARTLY_KEPT_MODULES, ["applicationloadbalancing"]);
        for (on, old, new) in V6_RENAMED_ARGUMENTS {
            let class = six.class(on).unwrap();
            assert!(class.param(new).is_some(), "{on}({new}=) in 6");
            // Gone, or kept only as a deprecated spelling.
            assert!(
                class.param(old).is_none() || six.deprecation(on, old).is_some(),
                "{on}({old}=)"
            );
        }
    }

    #[test]
    fn every_row_has_a_title_and_messages_name_their_row() {
        for row in 1..=50 {
            assert!(v7_row_title(row).is_some(), "row {row}");
        }
        assert_eq!(v7_row_title(51), None);
        assert_eq!(
            guide_row("`vpc` is removed (upgrade guide row 35); by hand"),
            Some(35)
        );
        assert_eq!(guide_row("(upgrade guide row 1)"), Some(1));
        assert_eq!(guide_row("the requirement installs pulumi-aws 6"), None);
    }

    #[test]
    fn removed_services_exist_in_6_and_not_in_7() {
        let (six, seven) = (Tables::get(Major::V6), Tables::get(Major::V7));
        for module in V7_REMOVED_MODULES {
            assert!(six.has_module(module), "{module} in 6");
            assert!(!six.keys_in(module).is_empty(), "{module} has classes in 6");
            assert!(!seven.has_module(module), "{module} gone from 7");
        }
        let functions = functions();
        for function in V7_REMOVED_FUNCTIONS {
            assert!(
                functions.contains_key(&(6, function.to_string())),
                "{function} in 6"
            );
            assert!(
                !functions.contains_key(&(7, function.to_string())),
                "{function} gone from 7"
            );
            assert!(removed_in_v7(&format!("{function}_output")));
        }
        assert!(removed_in_v7("opsworks.Stack"));
        assert!(!removed_in_v7("redshift.Cluster"));
    }

    #[test]
    fn deployment_stage_arguments_exist_in_6_only_and_stage_takes_them_in_7() {
        let stage = Tables::get(Major::V7).class("apigateway.Stage").unwrap();
        for argument in V7_DEPLOYMENT_STAGE_ARGUMENTS {
            assert!(accepts(Major::V6, "apigateway.Deployment", argument).is_some());
            assert_eq!(accepts(Major::V7, "apigateway.Deployment", argument), None);
        }
        for argument in [
            "stage_name",
            "description",
            "canary_settings",
            "rest_api",
            "deployment",
        ] {
            assert!(stage.param(argument).is_some(), "Stage({argument}=)");
        }
    }

    #[test]
    fn renamed_result_attributes_are_deprecated_in_7_and_their_successors_exist() {
        let functions = functions();
        for &(function, old, new, _) in V7_RESULT_ATTRIBUTES {
            let (_, six) = &functions[&(6, function.to_string())];
            let (_, seven) = &functions[&(7, function.to_string())];
            assert!(six.iter().any(|a| a == old), "{function}.{old} in 6");
            assert!(
                !six.iter().any(|a| a == new),
                "{function}.{new} is new in 7"
            );
            // Deprecated in 7, or (`region`) kept with the meta-argument's meaning.
            assert!(
                seven.iter().any(|a| *a == format!("{old}:d")) || old == "region",
                "{function}.{old} deprecated in 7"
            );
            assert!(seven.iter().any(|a| a == new), "{function}.{new} in 7");
        }
    }

    /// Where each input of `BucketV2` lives: (path from the resource, its class on 6, on 7).
    const BUCKET_V2_CLASSES: &[(&str, &str, &str)] = &[
        ("", "s3.BucketV2", "s3.Bucket"),
        (
            "cors_rules",
            "s3.BucketV2CorsRuleArgs",
            "s3.BucketCorsRuleArgs",
        ),
        ("grants", "s3.BucketV2GrantArgs", "s3.BucketGrantArgs"),
        (
            "lifecycle_rules",
            "s3.BucketV2LifecycleRuleArgs",
            "s3.BucketLifecycleRuleArgs",
        ),
        (
            "lifecycle_rules.expirations",
            "s3.BucketV2LifecycleRuleExpirationArgs",
            "s3.BucketLifecycleRuleExpirationArgs",
        ),
        (
            "lifecycle_rules.noncurrent_version_expirations",
            "s3.BucketV2LifecycleRuleNoncurrentVersionExpirationArgs",
            "s3.BucketLifecycleRuleNoncurrentVersionExpirationArgs",
        ),
        (
            "lifecycle_rules.noncurrent_version_transitions",
            "s3.BucketV2LifecycleRuleNoncurrentVersionTransitionArgs",
            "s3.BucketLifecycleRuleNoncurrentVersionTransitionArgs",
        ),
        (
            "lifecycle_rules.transitions",
            "s3.BucketV2LifecycleRuleTransitionArgs",
            "s3.BucketLifecycleRuleTransitionArgs",
        ),
        ("loggings", "s3.BucketV2LoggingArgs", "s3.BucketLoggingArgs"),
        (
            "object_lock_configuration",
            "s3.BucketV2ObjectLockConfigurationArgs",
            "s3.BucketObjectLockConfigurationArgs",
        ),
        (
            "object_lock_configuration.rules",
            "s3.BucketV2ObjectLockConfigurationRuleArgs",
            "s3.BucketObjectLockConfigurationRuleArgs",
        ),
        (
            "object_lock_configuration.rules.default_retentions",
            "s3.BucketV2ObjectLockConfigurationRuleDefaultRetentionArgs",
            "s3.BucketObjectLockConfigurationRuleDefaultRetentionArgs",
        ),
        (
            "replication_configurations",
            "s3.BucketV2ReplicationConfigurationArgs",
            "s3.BucketReplicationConfigurationArgs",
        ),
        (
            "replication_configurations.rules",
            "s3.BucketV2ReplicationConfigurationRuleArgs",
            "s3.BucketReplicationConfigurationRuleArgs",
        ),
        (
            "replication_configurations.rules.destinations",
            "s3.BucketV2ReplicationConfigurationRuleDestinationArgs",
            "s3.BucketReplicationConfigurationRuleDestinationArgs",
        ),
        (
            "replication_configurations.rules.destinations.access_control_translations",
            "s3.BucketV2ReplicationConfigurationRuleDestinationAccessControlTranslationArgs",
            "s3.BucketReplicationConfigurationRuleDestinationAccessControlTranslationArgs",
        ),
        (
            "replication_configurations.rules.destinations.metrics",
            "s3.BucketV2ReplicationConfigurationRuleDestinationMetricArgs",
            "s3.BucketReplicationConfigurationRuleDestinationMetricsArgs",
        ),
        (
            "replication_configurations.rules.destinations.replication_times",
            "s3.BucketV2ReplicationConfigurationRuleDestinationReplicationTimeArgs",
            "s3.BucketReplicationConfigurationRuleDestinationReplicationTimeArgs",
        ),
        (
            "replication_configurations.rules.filters",
            "s3.BucketV2ReplicationConfigurationRuleFilterArgs",
            "s3.BucketReplicationConfigurationRuleFilterArgs",
        ),
        (
            "replication_configurations.rules.source_selection_criterias",
            "s3.BucketV2ReplicationConfigurationRuleSourceSelectionCriteriaArgs",
            "s3.BucketReplicationConfigurationRuleSourceSelectionCriteriaArgs",
        ),
        (
            "replication_configurations.rules.source_selection_criterias.sse_kms_encrypted_objects",
            "s3.BucketV2ReplicationConfigurationRuleSourceSelectionCriteriaSseKmsEncryptedObjectArgs",
            "s3.BucketReplicationConfigurationRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs",
        ),
        (
            "server_side_encryption_configurations",
            "s3.BucketV2ServerSideEncryptionConfigurationArgs",
            "s3.BucketServerSideEncryptionConfigurationArgs",
        ),
        (
            "server_side_encryption_configurations.rules",
            "s3.BucketV2ServerSideEncryptionConfigurationRuleArgs",
            "s3.BucketServerSideEncryptionConfigurationRuleArgs",
        ),
        (
            "server_side_encryption_configurations.rules.apply_server_side_encryption_by_defaults",
            "s3.BucketV2ServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs",
            "s3.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs",
        ),
        (
            "versionings",
            "s3.BucketV2VersioningArgs",
            "s3.BucketVersioningArgs",
        ),
        ("websites", "s3.BucketV2WebsiteArgs", "s3.BucketWebsiteArgs"),
    ];

    /// Row 6, against both majors' tables: every input of `BucketV2` on 6 (nested ones too) is
    /// on 7's `Bucket` under the same name and shape, or is an entry of the table: a list on 6,
    /// one object on 7. Nothing else differs.
    #[test]
    fn bucket_v2_inputs_are_bucket_inputs_except_the_unwrapped_ones() {
        let (six, seven) = (Tables::get(Major::V6), Tables::get(Major::V7));
        // Every nested class of `BucketV2` is mapped.
        for key in six.keys_in("s3") {
            if key.starts_with("s3.BucketV2") && *key != "s3.BucketV2Args" {
                assert!(
                    BUCKET_V2_CLASSES.iter().any(|(_, old, _)| old == key),
                    "{key} unmapped"
                );
            }
        }
        let mut used = std::collections::BTreeSet::new();
        for (path, old_class, new_class) in BUCKET_V2_CLASSES {
            let old = six
                .class(old_class)
                .unwrap_or_else(|| panic!("{old_class} in 6"));
            let new = seven
                .class(new_class)
                .unwrap_or_else(|| panic!("{new_class} in 7"));
            for param in old.params() {
                let full = if path.is_empty() {
                    param.name.to_string()
                } else {
                    format!("{path}.{}", param.name)
                };
                match V7_BUCKET_V2_UNWRAPPED.iter().find(|(p, _)| *p == full) {
                    Some((_, renamed)) => {
                        assert_eq!(param.shape, Shape::List, "{full} a list on 6");
                        let on7 = new
                            .param(renamed)
                            .unwrap_or_else(|| panic!("{renamed} on 7"));
                        assert_eq!(on7.shape, Shape::Scalar, "{renamed} one object on 7");
                        used.insert(full);
                    }
                    None => {
                        let on7 = new
                            .param(param.name)
                            .unwrap_or_else(|| panic!("{full} on 7"));
                        assert_eq!(on7.shape, param.shape, "{full}: the same shape");
                    }
                }
            }
        }
        assert_eq!(
            used.len(),
            V7_BUCKET_V2_UNWRAPPED.len(),
            "every entry is an input"
        );
        assert_eq!(
            V7_BUCKET_V2,
            ("s3.BucketV2", "s3.Bucket"),
            "the pair the classes above start from"
        );
    }

    /// Row 7, against both majors' tables: each companion and each of its `*Args` classes of 6
    /// has a 7 name that takes every argument it took, in the same shape.
    #[test]
    fn bucket_companions_take_the_same_arguments_without_v2() {
        let (six, seven) = (Tables::get(Major::V6), Tables::get(Major::V7));
        let mut renamed = 0;
        for companion in V7_BUCKET_COMPANIONS_V2 {
            assert!(six.class(companion).is_some(), "{companion} in 6");
            for key in six
                .keys_in("s3")
                .iter()
                .filter(|k| k.starts_with(companion))
            {
                let new = v7_companion_name(key).unwrap();
                assert!(!new.contains("V2"), "{new}");
                let (old, new_class) = (six.class(key).unwrap(), seven.class(&new));
                let new_class = new_class.unwrap_or_else(|| panic!("{key}: {new} in 7"));
                for param in old.params() {
                    let on7 = new_class
                        .param(param.name)
                        .unwrap_or_else(|| panic!("{new}({}=)", param.name));
                    assert_eq!(on7.shape, param.shape, "{new}.{}", param.name);
                }
                renamed += 1;
            }
        }
        // The resources, their `Args` and their nested `*Args` classes.
        assert!(renamed > 30, "{renamed}");
        assert_eq!(
            v7_companion_name("s3.BucketLoggingV2Args").as_deref(),
            Some("s3.BucketLoggingInitArgs")
        );
        assert_eq!(v7_companion_name("s3.BucketV2"), None);
    }

    /// Each pinned argument is one the class takes in both majors, as are the ones it depends on.
    #[test]
    fn pinned_defaults_are_arguments_of_6_and_7() {
        for pin in V7_PINNED_DEFAULTS {
            for major in [Major::V6, Major::V7] {
                let class = Tables::get(major)
                    .class(pin.on)
                    .unwrap_or_else(|| panic!("{}", pin.on));
                for argument in std::iter::once(pin.argument).chain(pin.when) {
                    assert!(
                        class.param(argument).is_some(),
                        "{}({argument}=) in {major:?}",
                        pin.on
                    );
                }
            }
            if let Some((within, _)) = pin.nested {
                assert!(Tables::get(Major::V6).class(within).is_some(), "{within}");
                assert!(
                    pin.on.starts_with(within),
                    "{} is nested in {within}",
                    pin.on
                );
            }
        }
    }

    #[test]
    fn reset_on_delete_is_gone_from_7_and_character_set_sources_are_arguments() {
        let (class, argument) = V7_ACCOUNT_RESET_ON_DELETE;
        assert!(accepts(Major::V6, class, argument).is_some());
        assert_eq!(accepts(Major::V7, class, argument), None);
        for major in [Major::V6, Major::V7] {
            let (class, character_set) = V7_RDS_CHARACTER_SET;
            let instance = Tables::get(major).class(class).unwrap();
            for argument in V7_RDS_CHARACTER_SET_SOURCES.iter().chain(&[character_set]) {
                assert!(
                    instance.param(argument).is_some(),
                    "{argument} in {major:?}"
                );
            }
        }
    }

    #[test]
    fn removed_provider_endpoints_are_in_6_only() {
        for endpoint in V7_REMOVED_PROVIDER_ENDPOINTS {
            assert!(
                accepts(Major::V6, "ProviderEndpointArgs", endpoint).is_some(),
                "{endpoint}"
            );
            assert_eq!(
                accepts(Major::V7, "ProviderEndpointArgs", endpoint),
                None,
                "{endpoint}"
            );
        }
    }

    #[test]
    fn association_instance_id_is_gone_from_7_and_targets_take_key_and_values() {
        let (class, argument) = V7_SSM_ASSOCIATION_INSTANCE_ID;
        assert!(accepts(Major::V6, class, argument).is_some());
        assert_eq!(accepts(Major::V7, class, argument), None);
        assert!(accepts(Major::V7, class, "targets").is_some());
        let target = Tables::get(Major::V7)
            .class("ssm.AssociationTargetArgs")
            .unwrap();
        assert!(target.param("key").is_some() && target.param("values").is_some());
    }

    /// The `--to 6` entries against 6's tables; that 5.43.0 has them is checked against its
    /// wheel by the mock tests (`v6_removals_are_in_5_and_gone_from_6`).
    #[test]
    fn v6_removals_are_gone_from_6_and_their_successors_exist() {
        let six = Tables::get(Major::V6);
        for (class, _) in V6_REMOVED_CLASSES {
            let module = class.split('.').next().unwrap();
            assert!(
                !six.keys_in(module).iter().any(|k| k.starts_with(class)),
                "{class} (or an Args class named after it) in 6"
            );
            assert_eq!(v6_removed_class(class).map(|(c, _)| *c), Some(*class));
            assert_eq!(
                v6_removed_class(&format!("{class}Args")).map(|(c, _)| *c),
                Some(*class)
            );
        }
        assert!(v6_removed_class("rds.SecurityGroupIngressArgs").is_some());
        assert!(v6_removed_class("ec2.SecurityGroup").is_none());
        assert!(v6_removed_class("rds.SecurityGroupX").is_none());
        for (class, argument) in [
            ("macie2.Member", "account_id"),
            ("macie2.ClassificationJob", "s3_job_definition"),
            ("elasticache.Cluster", "security_group_ids"),
            ("rds.Instance", "vpc_security_group_ids"),
            ("redshift.Cluster", "vpc_security_group_ids"),
            (
                "ecs.ClusterCapacityProviders",
                "default_capacity_provider_strategies",
            ),
            ("secretsmanager.SecretRotation", "rotation_rules"),
            ("secretsmanager.SecretRotation", "rotation_lambda_arn"),
        ] {
            assert!(
                six.class(class).and_then(|c| c.param(argument)).is_some(),
                "6: {class}({argument}=)"
            );
        }
        for (class, argument, _) in V6_MANUAL_ARGUMENTS {
            let on = six.class(class).unwrap_or_else(|| panic!("{class} in 6"));
            assert!(on.param(argument).is_none(), "6: {class}({argument}=)");
        }
        for (class, argument) in V6_REPLACED_ARGUMENTS {
            let on = six
                .class(class)
                .or_else(|| six.class(&format!("{class}Args")))
                .unwrap_or_else(|| panic!("{class} in 6"));
            assert!(on.param(argument).is_none(), "6: {class}({argument}=)");
            let replacement = crate::pulumi::replacements::replacement(Major::V6, class, argument);
            let Some(crate::pulumi::replacements::Replacement::Output { argument, of, .. }) =
                replacement
            else {
                panic!("{class}({argument}=): {replacement:?}");
            };
            assert!(on.param(argument).is_some() && six.class(of).is_some());
        }
        for (class, block, keys) in V6_UNNESTED_BLOCKS {
            let on = six.class(class).unwrap();
            // Kept under the same name for another setting, which the rule tells apart.
            assert!(on.param(block).is_some(), "6: {class}({block}=)");
            for key in *keys {
                assert!(on.param(key).is_some(), "6: {class}({key}=)");
            }
        }
        for (class, argument) in V6_INT_AS_STRING {
            assert!(six.class(class).unwrap().param(argument).is_some());
        }
        let functions = functions();
        for (old, new) in crate::pulumi::replacements::REPLACED_FUNCTIONS {
            assert!(!functions.contains_key(&(6, old.to_string())), "{old} in 6");
            let (params, results) = &functions[&(6, new.to_string())];
            assert!(params.iter().any(|p| p == "filters"), "{new}(filters=)");
            assert!(results.iter().any(|r| r == "ids"), "{new}().ids");
        }
    }
}
