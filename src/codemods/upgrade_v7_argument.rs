//! `upgrade-v7-argument`: under `infra-fix upgrade --to 7`, the keyword arguments of
//! pulumi-aws classes that 7 renamed, reshaped or dropped, rewritten to what means the same on
//! 7. The changes are data (`pulumi::upgrade::V7_ARGUMENTS`); this is how each kind is written.

use super::{Checker, Match, codemod, eip_domain_vpc::vpc_true_fix};
use crate::edit::{Edit, Fix, delete_item, items, sole_item};
use crate::pulumi::literal::{bool_value, string_value};
use crate::pulumi::upgrade::{self, ArgumentChange, Rewrite};
use crate::pulumi::{Keyword, Major, ResourceCall};
use crate::source::fields;

pub const CODEMOD: super::Codemod = codemod! {
    id: "upgrade-v7-argument",
    title: "Argument that pulumi-aws 7 renamed, reshaped or removed (upgrade --to 7)",
    fix: Safe,
    upgrade: V7,
    matches: any_class,
    check: check,
};

fn check(cx: &mut Checker, m: &Match) {
    let Some(call) = m.schema_construction() else {
        return;
    };
    let key = upgrade::changes_key(&call.type_name).to_string();
    for change in upgrade::argument_changes(Major::V7, &key) {
        if let Some(keyword) = call.keyword(change.argument, cx.text) {
            rewrite_argument(cx, &call, &key, change, keyword);
        }
    }
    nested_dicts(cx, &call, &key);
    removed_endpoints(cx, &call, &key);
    renamed_outputs(cx, &call, &key);
}

/// `ConnectPeer(bgp_options={"peer_asn": 65000})`: the keys of a dict literal given for an
/// `*Args` class whose keywords 7 retyped change as the keywords do.
fn nested_dicts(cx: &mut Checker, call: &ResourceCall, key: &str) {
    for &(_, argument, args) in upgrade::V7_NESTED_ARGS.iter().filter(|(r, ..)| *r == key) {
        let Some(dict) = call
            .keyword(argument, cx.text)
            .filter(|k| k.value.kind() == "dictionary")
        else {
            continue;
        };
        for pair in items(dict.value).into_iter().filter(|p| p.kind() == "pair") {
            let (Some(name), Some(value)) = (
                pair.child_by_field_id(fields().key)
                    .and_then(|k| string_value(k, cx.text)),
                pair.child_by_field_id(fields().value),
            ) else {
                continue;
            };
            let change = upgrade::argument_changes(Major::V7, args)
                .find(|c| c.argument == name || upgrade::camel_case(c.argument) == name);
            if let Some(change) = change.filter(|c| c.rewrite.retypes()) {
                let keyword = Keyword { node: pair, value };
                rewrite_argument(cx, call, args, change, keyword);
            }
        }
    }
}

/// Row 2: `Provider(endpoints=[{"opsworks": ...}])` and `ProviderEndpointArgs(opsworks=...)`:
/// the entry of a removed service is deleted.
fn removed_endpoints(cx: &mut Checker, call: &ResourceCall, key: &str) {
    let mut doomed = Vec::new();
    match key {
        "ProviderEndpoint" => {
            for name in upgrade::V7_REMOVED_PROVIDER_ENDPOINTS {
                if let Some(keyword) = call.keyword(name, cx.text) {
                    doomed.push((*name, keyword.node));
                }
            }
        }
        "Provider" => {
            let Some(endpoints) = call.keyword("endpoints", cx.text) else {
                return;
            };
            let dicts = match endpoints.value.kind() {
                "list" => items(endpoints.value),
                _ => vec![endpoints.value],
            };
            for pair in dicts
                .iter()
                .filter(|d| d.kind() == "dictionary")
                .flat_map(|d| items(*d))
            {
                let name = pair
                    .child_by_field_id(fields().key)
                    .and_then(|k| string_value(k, cx.text));
                if let Some(name) = name.and_then(|n| {
                    upgrade::V7_REMOVED_PROVIDER_ENDPOINTS
                        .iter()
                        .find(|e| **e == n)
                }) {
                    doomed.push((*name, pair));
                }
            }
        }
        _ => {}
    }
    for (name, node) in doomed {
        let message = format!(
            "pulumi-aws 7: the `{name}` endpoint of `Provider` is removed with its service (upgrade guide row 2): delete it, nothing can call that service any more"
        );
        cx.report(
            node,
            message,
            Some(Fix::safe(vec![delete_item(cx.text, node)])),
        );
    }
}

/// `bucket.region` -> `bucket.bucket_region`, where `bucket` is a name assigned this call
/// once: then the read is certainly of this resource's output.
fn renamed_outputs(cx: &mut Checker, call: &ResourceCall, key: &str) {
    let renamed: Vec<_> = upgrade::V7_RESOURCE_ATTRIBUTES
        .iter()
        .filter(|(class, ..)| *class == key)
        .collect();
    if renamed.is_empty() {
        return;
    }
    let Some(left) = call
        .node
        .parent()
        .filter(|p| p.kind() == "assignment")
        .and_then(|p| p.child_by_field_id(fields().left))
        .filter(|l| l.kind() == "identifier")
    else {
        return;
    };
    for read in cx.symbols().reads_of(left, cx.tree.root_node()) {
        if cx.symbols().assigned_once(read) != Some(call.node) {
            continue;
        }
        let Some(attribute) = read
            .parent()
            .filter(|p| p.kind() == "attribute")
            .and_then(|p| p.child_by_field_id(fields().attribute))
        else {
            continue;
        };
        let name = cx.src(attribute);
        if let Some(&&(_, old, new, row)) = renamed.iter().find(|(_, old, ..)| *old == name) {
            let message = format!(
                "pulumi-aws 7: the `{old}` of `{key}` is the region it is managed from; the bucket's own region, which `{old}` was on 6, is `{new}` (upgrade guide row {row})"
            );
            cx.report(
                attribute,
                message,
                Some(Fix::safe(vec![Edit::replace(attribute, new)])),
            );
        }
    }
}

/// Reports one changed argument of `call`, with the rewrite when the source says enough.
pub(super) fn rewrite_argument(
    cx: &mut Checker,
    call: &ResourceCall,
    on: &str,
    change: &ArgumentChange,
    keyword: Keyword,
) {
    let name = change.argument;
    if change.rewrite.retypes() && string_value(keyword.value, cx.text).is_some() {
        // Already the string 7 takes (6 passed it on as it was).
        return;
    }
    let (what, fix) = match change.rewrite {
        Rewrite::Merge(new) => {
            // One finding for the group, on its first argument.
            let group: Vec<(&str, Keyword)> = upgrade::argument_changes(Major::V7, on)
                .filter(|c| c.rewrite == change.rewrite)
                .filter_map(|c| Some((c.argument, call.keyword(c.argument, cx.text)?)))
                .collect();
            if group
                .iter()
                .any(|(_, k)| k.node.start_byte() < keyword.node.start_byte())
            {
                return;
            }
            (
                format!("and its companions become keys of `{new}`"),
                merge(cx, call, &group, new),
            )
        }
        rewrite => rewritten(cx, call, keyword, rewrite),
    };
    let hint = if fix.is_some() {
        ""
    } else {
        by_hand(change.rewrite, keyword)
    };
    let source = match change.row {
        upgrade::NOT_IN_GUIDE => {
            "not in the upgrade guide: the 6.83.4 and 7.51.1 signatures".to_string()
        }
        row => format!("upgrade guide row {row}"),
    };
    let message = format!("pulumi-aws 7: `{name}` of `{on}` {what} ({source}){hint}");
    cx.report(keyword.node, message, fix);
}

/// What a rewrite of one argument does, said after the argument's name, and its fix when the
/// source says enough (`Merge` takes its companions: see `rewrite_argument`).
pub(super) fn rewritten(
    cx: &Checker,
    call: &ResourceCall,
    keyword: Keyword,
    rewrite: Rewrite,
) -> (String, Option<Fix>) {
    match rewrite {
        Rewrite::Rename(new) => (
            format!("is renamed `{new}`"),
            absent(cx, call, new).then(|| rename(keyword, new, cx.src(keyword.value))),
        ),
        Rewrite::Delete(reason) => (
            format!("is removed: delete it, {reason}"),
            Some(Fix::safe(vec![delete_item(cx.text, keyword.node)])),
        ),
        Rewrite::Unwrap(new) => (
            format!("becomes `{new}`, one object instead of a list of at most one"),
            unwrap(cx, call, keyword, new),
        ),
        Rewrite::Wrap(new) => (
            format!("becomes `{new}`, a list"),
            absent(cx, call, new)
                .then(|| rename(keyword, new, &format!("[{}]", cx.src(keyword.value)))),
        ),
        Rewrite::Merge(new) => (format!("becomes a key of `{new}`"), None),
        Rewrite::Ordered(new) => (
            format!("becomes `{new}`, each environment with its place in the list as `order`"),
            ordered(cx, call, keyword, new),
        ),
        Rewrite::EipDomain => (
            "is removed: `vpc=True` is `domain=\"vpc\"`".to_string(),
            vpc_true_fix(cx, call, keyword.node),
        ),
        Rewrite::BoolAsString => (
            "is a string on 7, where 6 took a bool: `True` is `\"true\"`, `False` is `\"false\"`"
                .to_string(),
            bool_value(keyword.value).map(|value| {
                let text = cx.style().string(if value { "true" } else { "false" });
                Fix::safe(vec![Edit::replace(keyword.value, text)])
            }),
        ),
        Rewrite::IntAsString => (
            "is a string on 7, where 6 took a number: `65000` is `\"65000\"`".to_string(),
            (keyword.value.kind() == "integer")
                .then(|| cx.src(keyword.value))
                .filter(|digits| digits.bytes().all(|b| b.is_ascii_digit()))
                .map(|digits| {
                    Fix::safe(vec![Edit::replace(
                        keyword.value,
                        cx.style().string(digits),
                    )])
                }),
        ),
    }
}

/// Why a rewrite has no fix, for the message: `vpc=False` asked for what no longer exists;
/// anything else the source does not say enough about.
pub(super) fn by_hand(rewrite: Rewrite, keyword: Keyword) -> &'static str {
    if rewrite == Rewrite::EipDomain && bool_value(keyword.value) == Some(false) {
        "; `vpc=False` asked for an EC2-Classic address, a retired platform: remove it or use `domain=\"vpc\"` by hand"
    } else if rewrite == Rewrite::IntAsString {
        "; the value is not written as a number here: pass its decimal string, for an int `x` `str(x)` (an `Output`: `x.apply(str)`)"
    } else if rewrite == Rewrite::BoolAsString {
        "; the value is not written as `True` or `False` here: pass the string, for a bool `x` `\"true\" if x else \"false\"` (an `Output`: `x.apply(lambda v: \"true\" if v else \"false\")`)"
    } else {
        "; the source does not say enough to rewrite it, change it by hand"
    }
}

/// True when `call` does not pass `name` already: then writing it cannot clash.
fn absent(cx: &Checker, call: &ResourceCall, name: &str) -> bool {
    call.keyword(name, cx.text).is_none()
}

fn rename(keyword: Keyword, name: &str, value: &str) -> Fix {
    Fix::safe(vec![Edit {
        start: keyword.node.start_byte(),
        end: keyword.value.end_byte(),
        text: format!("{name}={value}"),
    }])
}

/// `loggings=[x]` -> `logging=x`; `loggings=[]` (no logging) is deleted.
fn unwrap(cx: &Checker, call: &ResourceCall, keyword: Keyword, new: &str) -> Option<Fix> {
    if keyword.value.kind() != "list" || !absent(cx, call, new) {
        return None;
    }
    if items(keyword.value).is_empty() {
        return Some(Fix::safe(vec![delete_item(cx.text, keyword.node)]));
    }
    sole_item(keyword.value)
        .filter(|only| only.kind() != "list_splat")
        .map(|only| rename(keyword, new, cx.src(only)))
}

/// `cpu_core_count=2, cpu_threads_per_core=1` -> `cpu_options={"core_count": 2,
/// "threads_per_core": 1}`, written where the first one stood.
fn merge(cx: &Checker, call: &ResourceCall, group: &[(&str, Keyword)], new: &str) -> Option<Fix> {
    if !absent(cx, call, new) {
        return None;
    }
    let style = cx.style();
    let entries: Vec<String> = group
        .iter()
        .map(|(argument, k)| {
            let key = upgrade::merge_key(argument).expect("every merged argument has a key");
            format!("{}: {}", style.string(key), cx.src(k.value))
        })
        .collect();
    let (_, first) = group.first()?;
    let mut edits = vec![Edit {
        start: first.node.start_byte(),
        end: first.value.end_byte(),
        text: format!("{new}={{{}}}", entries.join(", ")),
    }];
    let rest: Vec<_> = group[1..].iter().map(|(_, k)| k.node).collect();
    edits.extend(rest.iter().map(|n| delete_item(cx.text, *n)));
    Some(Fix::safe(edits))
}

/// `compute_environments=[a, b]` -> `compute_environment_orders=[{"compute_environment": a,
/// "order": 0}, ...]`, each element rewritten where it stands so the list keeps its layout.
fn ordered(cx: &Checker, call: &ResourceCall, keyword: Keyword, new: &str) -> Option<Fix> {
    if keyword.value.kind() != "list" || !absent(cx, call, new) {
        return None;
    }
    let elements = items(keyword.value);
    if elements.iter().any(|e| e.kind() == "list_splat") {
        return None;
    }
    let style = cx.style();
    let name = keyword.node.child_by_field_id(fields().name)?;
    let mut edits = vec![Edit::replace(name, new)];
    edits.extend(elements.iter().enumerate().map(|(order, element)| {
        Edit::replace(
            *element,
            format!(
                "{{{}: {}, {}: {order}}}",
                style.string("compute_environment"),
                cx.src(*element),
                style.string("order")
            ),
        )
    }));
    Some(Fix::safe(edits))
}
