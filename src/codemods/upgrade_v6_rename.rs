//! `upgrade-v6-rename`: under `infra-fix upgrade --to 6`, the names pulumi-aws 6 removed from
//! a 5 program where 5 already had the name that replaces them: the deprecated module aliases
//! (`elasticloadbalancingv2` -> `lb`, `applicationloadbalancing` -> `alb`,
//! `elasticloadbalancing` -> `elb`), the root data sources that moved into a module
//! (`aws.get_ami` -> `aws.ec2.get_ami`), a few renamed classes and functions, and renamed
//! arguments (`rds.Instance(name=)` -> `db_name`, unsafe). The names are data
//! (`pulumi::upgrade::V6_*`).

use super::unknown_argument::output_replacement;
use super::{Checker, Match, codemod};
use crate::edit::delete_item;
use crate::edit::{Edit, Fix};
use crate::pulumi::literal::string_value;
use crate::pulumi::upgrade::{
    V6_INT_AS_STRING, V6_PARTLY_KEPT_MODULES, V6_RENAMED_ARGUMENTS, V6_RENAMED_MODULES,
    V6_REPLACED_ARGUMENTS, V6_UNNESTED_BLOCKS, camel_case, changes_key, v6_name,
    v6_rename_is_unsafe,
};
use crate::pulumi::{Keyword, Major, ResourceCall, replacements};
use crate::source::fields;

pub const CODEMOD: super::Codemod = codemod! {
    id: "upgrade-v6-rename",
    title: "Class, function or argument that pulumi-aws 6 renamed (upgrade --to 6)",
    fix: Sometimes,
    upgrade: V6,
    matches: query[
        "elasticloadbalancingv2",
        "applicationloadbalancing",
        "elasticloadbalancing",
        "TransitGatewayPeeringAttachmentAccepter",
        "ConfgurationSet",
        "get_ami",
        "get_ami_output",
        "get_ami_ids",
        "get_ami_ids_output",
        "get_autoscaling_groups",
        "get_autoscaling_groups_output",
        "get_canonical_user_id",
        "get_elastic_ip",
        "get_elastic_ip_output",
        "get_prefix_list",
        "get_prefix_list_output",
        "get_function",
        "get_function_output",
        "get_openid_connect_provider",
        "get_openid_connect_provider_output",
        "Attachment",
        "AttachmentArgs",
        "ReplicationGroup",
        "ReplicationGroupArgs",
        "Instance",
        "InstanceArgs",
        "get_subnet_ids",
        "get_subnet_ids_output",
        "Route",
        "RouteArgs",
        "RouteTableRouteArgs",
        "RestApi",
        "RestApiArgs",
    ],
    check: check,
};

fn check<'t>(cx: &mut Checker<'_, 't>, m: &Match<'_, 't>) {
    if let Some(import) = m.node("import") {
        imports(cx, import);
        return;
    }
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
    if let Some(new) = v6_name(&key) {
        renamed(cx, function, &key, &new);
        return;
    }
    if let Some(new) = replacements::replaced_function(&key) {
        replaced_function(cx, function, &key, &new);
        return;
    }
    let Some(call) = ResourceCall::with_type(node, key.clone()) else {
        return;
    };
    let on = changes_key(&key);
    for &(_, old, new) in V6_RENAMED_ARGUMENTS.iter().filter(|(c, _, _)| *c == on) {
        if let Some(keyword) = call.keyword(old, cx.text) {
            let unsafe_ = v6_rename_is_unsafe(on, old);
            let note = if unsafe_ {
                "; renaming it has made `pulumi up` replace the database in real upgrades: the preview must show no replace of this instance"
            } else {
                ""
            };
            let message =
                format!("pulumi-aws 6: `{old}` of `{on}` is deprecated; it is `{new}`{note}");
            let fix = call.keyword(new, cx.text).is_none().then(|| {
                let name = keyword
                    .node
                    .child_by_field_id(fields().name)
                    .unwrap_or(keyword.node);
                let edits = vec![Edit::replace(name, new)];
                if unsafe_ {
                    Fix::unsafe_(edits)
                } else {
                    Fix::safe(edits)
                }
            });
            cx.report(keyword.node, message, fix);
        }
    }
    for &(_, argument) in V6_INT_AS_STRING.iter().filter(|(c, _)| *c == on) {
        if let Some(keyword) = call.keyword(argument, cx.text) {
            int_as_string(cx, on, argument, keyword);
        }
    }
    for &(_, block, keys) in V6_UNNESTED_BLOCKS.iter().filter(|(c, ..)| *c == on) {
        if let Some(keyword) = call.keyword(block, cx.text) {
            unnested(cx, &call, on, block, keys, keyword);
        }
    }
    for &(_, argument) in V6_REPLACED_ARGUMENTS.iter().filter(|(c, _)| *c == on) {
        let (Some(keyword), Some(replacement)) = (
            call.keyword(argument, cx.text),
            replacements::replacement(Major::V6, on, argument),
        ) else {
            continue;
        };
        let (what, fix) = output_replacement(cx, &call, keyword, replacement);
        let message = format!("pulumi-aws 6 removed `{argument}` of `{on}`{what}");
        cx.report(keyword.node, message, fix);
    }
}

/// `minimum_compression_size=1024` -> `"1024"`: 6 takes the number as its decimal string.
fn int_as_string(cx: &mut Checker, on: &str, argument: &str, keyword: Keyword) {
    if string_value(keyword.value, cx.text).is_some() {
        // Already the string 6 takes.
        return;
    }
    let digits = cx.src(keyword.value);
    let fix = (keyword.value.kind() == "integer" && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| {
            Fix::safe(vec![Edit::replace(
                keyword.value,
                cx.style().string(digits),
            )])
        });
    let hint = if fix.is_some() {
        ""
    } else {
        "; the value is not written as a number here: pass its decimal string, for an int `x` `str(x)` (an `Output`: `x.apply(str)`)"
    };
    let message = format!(
        "pulumi-aws 6 takes `{argument}` of `{on}` as a string, where 5 took a number: `1024` is `\"1024\"`{hint}"
    );
    cx.report(keyword.node, message, fix);
}

/// `cluster_mode={"num_node_groups": 2, "replicas_per_node_group": 1}` -> `num_node_groups=2,
/// replicas_per_node_group=1`: the block's keys become arguments of the resource, when the
/// block is a dict literal of those keys only and the resource does not pass them already.
fn unnested(
    cx: &mut Checker,
    call: &ResourceCall,
    on: &str,
    block: &str,
    keys: &[&str],
    keyword: Keyword,
) {
    if string_value(keyword.value, cx.text).is_some() {
        // 6's own `cluster_mode`, a string.
        return;
    }
    let mut arguments = Vec::new();
    let mut whole = keyword.value.kind() == "dictionary"
        && keys.iter().all(|k| call.keyword(k, cx.text).is_none());
    if whole {
        let mut cursor = keyword.value.walk();
        for item in keyword.value.named_children(&mut cursor) {
            let key = item
                .child_by_field_id(fields().key)
                .and_then(|k| string_value(k, cx.text));
            let name = key.and_then(|k| keys.iter().find(|n| **n == k || camel_case(n) == k));
            match (item.kind(), name, item.child_by_field_id(fields().value)) {
                ("pair", Some(name), Some(value)) => {
                    arguments.push(format!("{name}={}", cx.src(value)))
                }
                // A comment, a `**splat` or another key: by hand.
                _ => whole = false,
            }
        }
    }
    // One argument a line where the block had a line of its own.
    let start = keyword.node.start_byte();
    let indent = &cx.text[cx.text[..start].rfind('\n').map_or(0, |n| n + 1)..start];
    let separator = if indent.trim().is_empty() && !indent.is_empty() {
        format!(",{}{indent}", cx.style().newline)
    } else {
        ", ".to_string()
    };
    let fix = whole.then(|| {
        if arguments.is_empty() {
            Fix::safe(vec![delete_item(cx.text, keyword.node)])
        } else {
            Fix::safe(vec![Edit::replace(
                keyword.node,
                arguments.join(&separator),
            )])
        }
    });
    let names: Vec<String> = keys.iter().map(|k| format!("`{k}=`")).collect();
    let hint = if fix.is_some() {
        ""
    } else {
        "; the block is not a dict of those keys only, or the resource passes them already: move them by hand"
    };
    let message = format!(
        "pulumi-aws 6 removed the `{block}` block of `{on}`, which 5 deprecated for arguments of `{on}` itself: its keys are {} (6's `{block}` is another setting, a string){hint}",
        names.join(" and ")
    );
    cx.report(keyword.node, message, fix);
}

/// `ec2.get_subnet_ids(vpc_id=X)`, removed by 6 (5.43.0 deprecated it for `get_subnets`):
/// `ec2.get_subnets(filters=[{"name": "vpc-id", "values": [X]}])`, the same subnets.
fn replaced_function(cx: &mut Checker, function: tree_sitter::Node, old: &str, new: &str) {
    let fix =
        replacements::subnet_ids_call(function, cx.text, cx.style().quote, new).map(Fix::safe);
    let hint = if fix.is_some() {
        ""
    } else {
        "; the call passes other arguments than `vpc_id`, `tags` and `opts`, or comes in through an import: rewrite it by hand"
    };
    let message = format!(
        "pulumi-aws 6 removed `{old}`; it is `{new}`, given the VPC as a `vpc-id` filter: the same subnets, the same `ids`{hint}"
    );
    cx.report(function, message, fix);
}

/// `aws.elasticloadbalancingv2.LoadBalancer(...)` -> `aws.lb.LoadBalancer(...)`: rewritten
/// when the call spells the whole old name after the package; through an import of the old
/// module (`from pulumi_aws import elasticloadbalancingv2`) the import changes too, by hand.
fn renamed(cx: &mut Checker, function: tree_sitter::Node, old: &str, new: &str) {
    let spelled = cx.src(function);
    let fix = spelled
        .strip_suffix(old)
        .filter(|prefix| prefix.ends_with('.'))
        .map(|_| {
            let start = function.end_byte() - old.len();
            Fix::safe(vec![Edit {
                start,
                end: function.end_byte(),
                text: new.to_string(),
            }])
        });
    let what = if new.contains(|c: char| c.is_ascii_uppercase()) {
        "its type aliases the old one, so the resource stays as it is"
    } else {
        "it takes the same arguments"
    };
    let hint = if fix.is_some() {
        ""
    } else {
        "; the old name comes in through an import here: change the import and the call by hand"
    };
    let message = format!("pulumi-aws 6: `{old}` is removed; it is `{new}` ({what}){hint}");
    cx.report(function, message, fix);
}

/// Imports of a module 6 renamed. Where the import gives the module a name of its own (`from
/// pulumi_aws import elasticloadbalancingv2 as elbv2`, `import pulumi_aws.elasticloadbalancingv2
/// as elbv2`) or imports from it (`from pulumi_aws.elasticloadbalancingv2 import
/// LoadBalancer`), only the module's name changes, and every use stays right: each member of
/// the old module has the same name in the new one. A module 6 kept part of
/// (`applicationloadbalancing` kept its enums) and a bare `from pulumi_aws import
/// elasticloadbalancingv2`, whose uses spell the old name, are reported.
fn imports(cx: &mut Checker, import: tree_sitter::Node) {
    let mut cursor = import.walk();
    let names: Vec<tree_sitter::Node> =
        import.children_by_field_name("name", &mut cursor).collect();
    let from = import.child_by_field_id(fields().module_name);
    // (the dotted name to rewrite, the module it names, whether the import aliases it)
    let mut found = Vec::new();
    match from.map(|f| cx.src(f)) {
        Some("pulumi_aws") => {
            for name in names {
                let (dotted, aliased) = dotted_of(name);
                found.push((dotted, cx.src(dotted).to_string(), aliased));
            }
        }
        Some(module) => {
            if let Some(old) = module.strip_prefix("pulumi_aws.") {
                found.push((from.expect("matched"), old.to_string(), true));
            }
        }
        None => {
            for name in names {
                let (dotted, aliased) = dotted_of(name);
                if let Some(old) = cx.src(dotted).strip_prefix("pulumi_aws.") {
                    found.push((dotted, old.to_string(), aliased));
                }
            }
        }
    }
    for (dotted, old, aliased) in found {
        let Some(&(_, new)) = V6_RENAMED_MODULES.iter().find(|(o, _)| *o == old) else {
            continue;
        };
        // A statement importing two such modules is matched once for each.
        if cx.reported(dotted) {
            continue;
        }
        let whole = !V6_PARTLY_KEPT_MODULES.contains(&old.as_str());
        let spelled = cx.src(dotted);
        let fix = (whole && aliased)
            .then(|| spelled.strip_suffix(old.as_str()))
            .flatten()
            .map(|prefix| Fix::safe(vec![Edit::replace(dotted, format!("{prefix}{new}"))]));
        let hint = if fix.is_some() {
            ""
        } else if !whole {
            "; 6 kept its enums there: import the classes and functions from the new module by hand"
        } else {
            ""
        };
        let hint = if fix.is_none() && whole {
            format!(
                "; the code spells the module's name: import `{new} as {old}`, or rename the uses, by hand"
            )
        } else {
            hint.to_string()
        };
        let message = format!(
            "pulumi-aws 6: module `{old}` is removed; its classes and functions are in `{new}` under the same names{hint}"
        );
        cx.report(dotted, message, fix);
    }
}

/// The dotted name of an import's name (`x` or `x as y`), and whether it is aliased.
fn dotted_of(name: tree_sitter::Node) -> (tree_sitter::Node, bool) {
    match name.child_by_field_id(fields().name) {
        Some(dotted) if name.kind() == "aliased_import" => (dotted, true),
        _ => (name, false),
    }
}
