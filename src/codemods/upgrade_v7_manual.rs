//! `upgrade-v7-manual`: under `infra-fix upgrade --to 7`, what pulumi-aws 7 removed or made
//! an error where the next step needs a person: the code is left alone and the finding says
//! that step. A stage managed by `apigateway.Deployment(stage_name=)` (a `Stage` to declare and
//! import) and the reads of the outputs it took along, the removed services, `ec2.get_ami(
//! most_recent=True)` without `owners`, arguments whose successor is a resource of its own
//! (`dms.Endpoint(s3_settings=)`, `redshift.Cluster(logging=, snapshot_copy=)`) or that 7
//! deprecates (`eks.Cluster(default_addons_to_removes=)`, `guardduty.Detector(datasources=)`),
//! the classes of services AWS is ending, outputs that became lists, and `import_=` IDs 7 reads
//! in another format.

use super::{Checker, Match, codemod};
use crate::edit::{Fix, delete_item, items};
use crate::pulumi::ResourceCall;
use crate::pulumi::literal::{bool_value, string_value};
use crate::pulumi::opts::written_option;
use crate::pulumi::upgrade::{
    V7_DEPLOYMENT_STAGE_ARGUMENTS, V7_DEPRECATED_SERVICES, V7_IMPORT_ID_FORMATS, V7_LISTED_OUTPUTS,
    V7_MANUAL_ARGUMENTS, V7_REMOVED_OUTPUTS, V7_WEBSITE_ROUTING_RULES, changes_key, removed_in_v7,
};
use crate::source::fields;

pub const CODEMOD: super::Codemod = codemod! {
    id: "upgrade-v7-manual",
    title: "What pulumi-aws 7 removed where the next step needs a person (upgrade --to 7)",
    fix: Safe,
    upgrade: V7,
    matches: query[
        "opsworks",
        "simpledb",
        "worklink",
        "get_service_account",
        "get_service_account_output",
        "Deployment",
        "get_ami",
        "get_ami_output",
        "Endpoint",
        "EndpointArgs",
        "Cluster",
        "ClusterArgs",
        "Detector",
        "DetectorArgs",
        "Pipeline",
        "Preset",
        "Feature",
        "Launch",
        "Project",
        "Segment",
        "Container",
        "ContainerPolicy",
        "AnalyticsApplication",
        "Addon",
        "AddonArgs",
        "FlowLog",
        "FlowLogArgs",
        "OrganizationConfiguration",
        "OrganizationConfigurationArgs",
        "Domain",
        "get_domain",
        "get_domain_output",
        "get_task_definition",
        "get_task_definition_output",
        "get_launch_template",
        "get_launch_template_output",
        "get_serverless_security_config",
        "get_serverless_security_config_output",
        "Key",
        "ConnectorProfile",
        "Flow",
        "UserInGroup",
        "ImageVersion",
        "Bucket",
        "BucketWebsiteArgs",
    ],
    check: check,
};

fn check(cx: &mut Checker, m: &Match) {
    let Some(node) = m.node("call") else { return };
    let Some(function) = node.child_by_field_id(fields().function) else {
        return;
    };
    let Some(path) = cx.imports.resolve(function, cx.text) else {
        return;
    };
    let Some(key) = path.strip_prefix("pulumi_aws.") else {
        return;
    };
    let key = key.to_string();
    let Some(call) = ResourceCall::with_type(node, key.clone()) else {
        return;
    };
    // `simpledb.Domain` is matched as a removed module's and as a `Domain`: once is enough.
    if cx.reported(function) {
        return;
    }
    if removed_in_v7(&key) {
        let message = format!(
            "pulumi-aws 7 removed `{key}` with its service, without replacement (upgrade guide row 12); drop it from the state only (`pulumi state delete <urn>`, URNs from `pulumi stack --show-urns`) before deleting this code, or the deletion destroys what it manages"
        );
        cx.report(function, message, None);
    } else if key == "apigateway.Deployment" {
        deployment_stage(cx, &call);
    } else if matches!(key.as_str(), "ec2.get_ami" | "ec2.get_ami_output") {
        ami_without_owners(cx, &call);
    } else if V7_DEPRECATED_SERVICES.contains(&key.as_str()) {
        let message = format!(
            "pulumi-aws 7 deprecates `{key}` as AWS is ending the service (upgrade guide row 13); it still works on 7, but a later major removes it, so plan its replacement before that upgrade"
        );
        cx.report(function, message, None);
    }
    changed_output_reads(cx, &call, &key);
    import_id(cx, &call, &key);
    routing_rules_list(cx, &call, &key);
    let on = changes_key(&key);
    for &(_, argument, row, step) in V7_MANUAL_ARGUMENTS.iter().filter(|(c, ..)| *c == on) {
        if let Some(keyword) = call.keyword(argument, cx.text) {
            let message =
                format!("pulumi-aws 7: `{argument}` of `{on}` (upgrade guide row {row}): {step}");
            cx.report(keyword.node, message, None);
        }
    }
}

/// Reads of an output 7 removed or made a list: off a data source's call
/// (`get_domain(...).kibana_endpoint`) or off a name assigned the resource once
/// (`deployment.invoke_url`).
fn changed_output_reads(cx: &mut Checker, call: &ResourceCall, key: &str) {
    let on = key.strip_suffix("_output").unwrap_or(key);
    let step = |output: &str| -> Option<String> {
        if let Some((.., row, step)) = V7_REMOVED_OUTPUTS
            .iter()
            .find(|(c, o, ..)| *c == on && *o == output)
        {
            return Some(format!(
                "pulumi-aws 7 removed `{output}` of `{on}` (upgrade guide row {row}): {step}"
            ));
        }
        let (.., row) = V7_LISTED_OUTPUTS
            .iter()
            .find(|(c, o, _)| *c == on && *o == output)?;
        Some(format!(
            "pulumi-aws 7 returns `{output}` of `{on}` as a list of the object 6 returned (upgrade guide row {row}): read its first item, `{output}[0]`, then the fields"
        ))
    };
    if !V7_REMOVED_OUTPUTS.iter().any(|(c, ..)| *c == on)
        && !V7_LISTED_OUTPUTS.iter().any(|(c, ..)| *c == on)
    {
        return;
    }
    let mut reads = vec![call.node];
    if let Some(left) = call
        .node
        .parent()
        .filter(|p| p.kind() == "assignment")
        .and_then(|p| p.child_by_field_id(fields().left))
        .filter(|l| l.kind() == "identifier")
    {
        // Only where the name certainly holds this resource.
        let symbols = cx.symbols();
        reads.extend(
            symbols
                .reads_of(left, cx.tree.root_node())
                .into_iter()
                .filter(|read| symbols.assigned_once(*read) == Some(call.node)),
        );
    }
    for read in reads {
        let Some(attribute) = read.parent().filter(|p| p.kind() == "attribute") else {
            continue;
        };
        let Some(name) = attribute.child_by_field_id(fields().attribute) else {
            continue;
        };
        if let Some(message) = step(cx.src(name)) {
            cx.report(attribute, message, None);
        }
    }
}

/// `opts=ResourceOptions(import_=...)` on a class whose import ID 7 reads in another format:
/// the ID written for 6 no longer finds the resource.
fn import_id(cx: &mut Checker, call: &ResourceCall, key: &str) {
    let Some(&(_, format)) = V7_IMPORT_ID_FORMATS.iter().find(|(c, _)| *c == key) else {
        return;
    };
    if let Some(import) = written_option(call, "import_", cx.imports, cx.text) {
        let message = format!(
            "pulumi-aws 7 imports `{key}` by another ID (upgrade guide row 30): write `import_=` as {format}"
        );
        cx.report(import, message, None);
    }
}

/// `s3.Bucket(website={"routing_rules": [...]})` or `BucketWebsiteArgs(routing_rules=[...])`:
/// 7 takes the rules as one JSON string. Only a list written out is certain to be one.
fn routing_rules_list(cx: &mut Checker, call: &ResourceCall, key: &str) {
    let (bucket, website, website_args, field) = V7_WEBSITE_ROUTING_RULES;
    let rules = if key == bucket {
        call.keyword(website, cx.text)
            .filter(|k| k.value.kind() == "dictionary")
            .and_then(|k| {
                items(k.value).into_iter().find(|pair| {
                    pair.kind() == "pair"
                        && pair
                            .child_by_field_id(fields().key)
                            .and_then(|k| string_value(k, cx.text))
                            == Some(field)
                })
            })
            .and_then(|pair| Some((pair, pair.child_by_field_id(fields().value)?)))
    } else if key == website_args {
        call.keyword(field, cx.text).map(|k| (k.node, k.value))
    } else {
        None
    };
    if let Some((node, _)) = rules.filter(|(_, value)| value.kind() == "list") {
        let message = format!(
            "pulumi-aws 7 takes `{field}` of `{bucket}`'s `{website}` as one JSON string, not a list (upgrade guide row 5): write them as one JSON array, `json.dumps([...])` of the rule dicts (with `import json`)"
        );
        cx.report(node, message, None);
    }
}

/// `Deployment(stage_name=...)`: 7 manages the stage as an `apigateway.Stage` of its own, which
/// must be imported before the next `pulumi up`, or that up creates a second stage of the
/// same name and fails.
fn deployment_stage(cx: &mut Checker, call: &ResourceCall) {
    let present: Vec<_> = V7_DEPLOYMENT_STAGE_ARGUMENTS
        .iter()
        .filter_map(|name| Some((*name, call.keyword(name, cx.text)?)))
        .collect();
    let Some(&(_, first)) = present.first() else {
        return;
    };
    let stage_name = call
        .keyword("stage_name", cx.text)
        .and_then(|k| string_value(k.value, cx.text));
    if stage_name == Some("") && present.len() == 1 {
        // `stage_name=""` is how 6 programs asked for no stage: nothing to declare or import,
        // and without the argument 7 makes no stage either.
        let message = "pulumi-aws 7: `stage_name` of `apigateway.Deployment` removed (upgrade guide row 23); `stage_name=\"\"` made no stage, so it is deleted: there is nothing to declare or import";
        let fix = Fix::safe(vec![delete_item(cx.text, first.node)]);
        cx.report(first.node, message, Some(fix));
        return;
    }
    let stage = stage_name.unwrap_or("<stage>");
    let rest_api = call
        .keyword("rest_api", cx.text)
        .map_or("<rest_api>", |k| cx.src(k.value));
    let deployment = assigned_name(cx, call).unwrap_or_else(|| "<deployment>".to_string());
    let names: Vec<String> = present.iter().map(|(n, _)| format!("`{n}`")).collect();
    let message = format!(
        "pulumi-aws 7 removed {} of `apigateway.Deployment` (upgrade guide row 23) but the stage it made still exists in AWS; declare it, `aws.apigateway.Stage(\"{stage}\", rest_api={rest_api}, deployment={deployment}.id, stage_name=\"{stage}\")` (`stage_description` is its `description`, `canary_settings` move as they are), delete the arguments here, and adopt the stage before `pulumi up`: `pulumi import aws:apigateway/stage:Stage {stage} <rest api id>/{stage}`; without the import the up creates a second stage and fails",
        names.join(", ")
    );
    cx.report(first.node, message, None);
}

/// `x = <call>`: `x`.
fn assigned_name(cx: &Checker, call: &ResourceCall) -> Option<String> {
    let parent = call.node.parent().filter(|p| p.kind() == "assignment")?;
    let left = parent.child_by_field_id(fields().left)?;
    (left.kind() == "identifier").then(|| cx.src(left).to_string())
}

/// `ec2.get_ami(most_recent=True)` with neither `owners` nor a filter on the owner or the
/// image id: an error in 7 (an image anyone published could match). Only the author knows
/// whose image it is meant to be.
fn ami_without_owners(cx: &mut Checker, call: &ResourceCall) {
    let Some(most_recent) = call.keyword("most_recent", cx.text) else {
        return;
    };
    if bool_value(most_recent.value) != Some(true) || call.keyword("owners", cx.text).is_some() {
        return;
    }
    if let Some(filters) = call.keyword("filters", cx.text) {
        // A filter the source does not spell out may name the owner: stay quiet.
        let named = cx.src(filters.value);
        let spelled_out = filters.value.kind() == "list"
            && items(filters.value)
                .iter()
                .all(|f| matches!(f.kind(), "dictionary" | "call"));
        if !spelled_out
            || ["owner-id", "owner-alias", "image-id"]
                .iter()
                .any(|f| named.contains(f))
        {
            return;
        }
    }
    cx.report(
        most_recent.node,
        "pulumi-aws 7 rejects `get_ami(most_recent=True)` without `owners`, as any account's public image could match (upgrade guide row 14); add `owners=[...]` with the publisher you expect (an account id, `\"amazon\"`, `\"self\"`)",
        None,
    );
}
