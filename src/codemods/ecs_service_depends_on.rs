//! `ecs-service-depends-on`: an ECS service behind a load balancer without an explicit
//! dependency on the listener forwarding to its target group and on the program's database
//! (catalog issue 9).

use super::{Checker, Match, codemod};
use crate::edit::{Fix, items};
use crate::pulumi::ResourceCall;
use crate::pulumi::literal::string_value;
use crate::pulumi::symbols::Holder;
use crate::source::fields;
use std::collections::HashMap;
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "ecs-service-depends-on",
    title: "ECS service without `depends_on` on its load balancer listener and the program's database",
    fix: Safe,
    matches: classes["ecs.Service"],
    check: check,
};

const LISTENERS: &[&str] = &["lb.Listener", "alb.Listener"];
const DATABASES: &[&str] = &["rds.Instance", "rds.Cluster"];

fn check<'t>(cx: &mut Checker<'_, 't>, m: &Match<'_, 't>) {
    let Some(service) = m.construction(&["ecs.Service"]) else {
        return;
    };
    let Some(args) = service.written_arguments(cx.imports, cx.text) else {
        return;
    };
    let Some(balancers) = args.keyword("load_balancers", cx.text) else {
        return;
    };
    if balancers.value.kind() != "list" {
        return;
    }
    let symbols = cx.symbols();
    // The target groups the service registers its tasks in.
    let groups: Vec<usize> = items(balancers.value)
        .into_iter()
        .filter_map(|lb| field(cx, lb, "target_group_arn"))
        .filter_map(|arn| arn_of(cx, arn))
        .collect();
    // The listeners whose default action forwards to one of them, in file order.
    let by_group = cx.per_file(listeners_by_group);
    let mut listeners: Vec<usize> = groups
        .iter()
        .filter_map(|group| by_group.get(group))
        .flatten()
        .copied()
        .collect();
    listeners.sort_unstable();
    listeners.dedup();
    let mut wanted: Vec<(usize, &str)> = listeners.into_iter().map(|i| (i, "listener")).collect();
    let databases: Vec<(usize, bool)> = symbols
        .of_type(DATABASES)
        .map(|(i, db)| (i, db.repeated))
        .collect();
    if let [(i, false)] = databases.as_slice() {
        wanted.push((*i, "database"));
    }
    if wanted.is_empty() {
        return;
    }
    let mut needed = Vec::new();
    let mut unreachable = Vec::new();
    for (id, what) in wanted {
        match symbols.holder_of(service.node, id) {
            Some(holder) => needed.push(holder),
            None => unreachable.push((id, what)),
        }
    }
    let missing = cx.missing_dependencies(&service, needed);
    if !unreachable.is_empty() {
        let (id, what) = unreachable[0];
        // Named by its resource name as written, not by a line: a line of the text being
        // fixed is not the file's line in a dry run.
        let call = &symbols.resources[id].call;
        let named = call
            .first_positional()
            .map(|n| format!(" `{}`", cx.src(n)))
            .unwrap_or_default();
        let class = call.type_name.clone();
        let listed = cx
            .missing_dependencies(
                &service,
                vec![Holder {
                    expr: String::new(),
                    id: Some(id),
                }],
            )
            .is_empty();
        if !listed {
            cx.report(
                service.node,
                format!("ECS service without `depends_on` on the {what} (`aws.{class}`{named}), which no name visible here holds: add it by hand"),
                None,
            );
            return;
        }
    }
    if missing.is_empty() {
        return;
    }
    let list: Vec<&str> = missing.iter().map(|h| h.expr.as_str()).collect();
    let is_listener = |h: &Holder| {
        h.id.is_some_and(|id| cx.symbols().resources[id].call.is(LISTENERS))
    };
    let mut why = Vec::new();
    if missing.iter().any(is_listener) {
        why.push("before the listener that attaches its target group to the load balancer exists (creation fails: the target group has no load balancer)");
    }
    if !missing.iter().all(is_listener) {
        why.push("before its database accepts connections (tasks crash-loop)");
    }
    let fix = cx.add_depends_on(&service, &missing).map(Fix::safe);
    cx.report(
        service.node,
        format!(
            "ECS service without `depends_on=[{}]`: ECS can start it {}",
            list.join(", "),
            why.join(", and ")
        ),
        fix,
    );
}

/// A keyword of an `*Args(...)` call or a key of a dict literal.
fn field<'t>(cx: &Checker<'_, 't>, element: Node<'t>, name: &str) -> Option<Node<'t>> {
    match element.kind() {
        "call" => Some(
            ResourceCall::resolve(element, cx.imports, cx.text)?
                .keyword(name, cx.text)?
                .value,
        ),
        "dictionary" => items(element).into_iter().find_map(|pair| {
            let key = pair.child_by_field_id(fields().key)?;
            (string_value(key, cx.text) == Some(name))
                .then(|| pair.child_by_field_id(fields().value))
                .flatten()
        }),
        _ => None,
    }
}

/// The construction `X` of `X.arn`.
fn arn_of<'t>(cx: &Checker<'_, 't>, value: Node<'t>) -> Option<usize> {
    if value.kind() != "attribute"
        || value
            .child_by_field_id(fields().attribute)
            .is_none_or(|a| cx.src(a) != "arn")
    {
        return None;
    }
    cx.symbols()
        .resolve(value.child_by_field_id(fields().object)?)
        .id()
}

/// The file's listeners by the target groups a default action of theirs forwards to: by its
/// `target_group_arn`, or as one of a weighted `forward={"target_groups": [{"arn": ...}]}`.
fn listeners_by_group(cx: &Checker<'_, '_>) -> HashMap<usize, Vec<usize>> {
    let mut by_group: HashMap<usize, Vec<usize>> = HashMap::new();
    for (index, listener) in cx.symbols().of_type(LISTENERS) {
        for group in forwarded_groups(cx, &listener.call) {
            let listeners = by_group.entry(group).or_default();
            if listeners.last() != Some(&index) {
                listeners.push(index);
            }
        }
    }
    by_group
}

/// The target groups a default action of `listener` forwards to.
fn forwarded_groups<'t>(cx: &Checker<'_, 't>, listener: &ResourceCall<'t>) -> Vec<usize> {
    let Some(args) = listener.written_arguments(cx.imports, cx.text) else {
        return Vec::new();
    };
    let Some(actions) = args.keyword("default_actions", cx.text) else {
        return Vec::new();
    };
    if actions.value.kind() != "list" {
        return Vec::new();
    }
    items(actions.value)
        .into_iter()
        .filter(|&action| {
            field(cx, action, "type").and_then(|t| string_value(t, cx.text)) == Some("forward")
        })
        .flat_map(|action| {
            let weighted = field(cx, action, "forward")
                .and_then(|forward| field(cx, forward, "target_groups"))
                .filter(|list| list.kind() == "list")
                .map(items)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|group| field(cx, group, "arn"));
            field(cx, action, "target_group_arn")
                .into_iter()
                .chain(weighted)
                .filter_map(|arn| arn_of(cx, arn))
                .collect::<Vec<_>>()
        })
        .collect()
}
