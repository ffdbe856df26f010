//! `autoscaling-target-depends-on`: an Application Auto Scaling target built from an ECS
//! service of the program without an explicit dependency on it (catalog issue 12).

use super::{Checker, Match, codemod};
use crate::edit::Fix;
use crate::pulumi::symbols::Holder;
use crate::source::fields;
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "autoscaling-target-depends-on",
    title: "Auto Scaling target for an ECS service without `depends_on` on that service",
    fix: Safe,
    matches: classes["appautoscaling.Target"],
    check: check,
};

const SERVICE: &[&str] = &["ecs.Service"];

fn check<'t>(cx: &mut Checker<'_, 't>, m: &Match<'_, 't>) {
    let Some(target) = m.construction(&["appautoscaling.Target"]) else {
        return;
    };
    let Some(args) = target.written_arguments(cx.imports, cx.text) else {
        return;
    };
    let Some(resource_id) = args.keyword("resource_id", cx.text) else {
        return;
    };
    let symbols = cx.symbols();
    // `resource_id=resource_id` with the name assigned once just before: read that.
    let value = symbols
        .single_assignment(resource_id.value)
        .unwrap_or(resource_id.value);
    let mut needed: Vec<Holder> = Vec::new();
    for object in attribute_objects(value) {
        let resolved = symbols.resolve(object);
        if !resolved.is(SERVICE) {
            continue;
        }
        // As written when the call sees the same names; else the holder visible at the call.
        let holder = if value == resource_id.value && !symbols.in_nested_scope(object, value) {
            Some(Holder {
                expr: cx.src(object).to_string(),
                id: resolved.id(),
            })
        } else {
            resolved.id().and_then(|id| {
                symbols
                    .holders(target.node, SERVICE)
                    .into_iter()
                    .find(|h| h.id == Some(id))
            })
        };
        if let Some(holder) = holder {
            needed.push(holder);
        }
    }
    let missing = cx.missing_dependencies(&target, needed);
    if missing.is_empty() {
        return;
    }
    let list: Vec<&str> = missing.iter().map(|h| h.expr.as_str()).collect();
    let fix = cx.add_depends_on(&target, &missing).map(Fix::safe);
    cx.report(
        target.node,
        format!("Auto Scaling target without `depends_on=[{}]`: it can be registered before the ECS service exists and fail with ObjectNotFoundException", list.join(", ")),
        fix,
    );
}

/// The objects of every `X.attr` inside `value` (`service` of `service.name`), outermost
/// first, by an explicit-stack walk.
fn attribute_objects(value: Node) -> Vec<Node> {
    let mut out = Vec::new();
    let mut stack = vec![value];
    while let Some(node) = stack.pop() {
        if node.kind() == "attribute"
            && let Some(object) = node.child_by_field_id(fields().object)
        {
            out.push(object);
        }
        let mut cursor = node.walk();
        let children: Vec<Node> = node.named_children(&mut cursor).collect();
        stack.extend(children.into_iter().rev());
    }
    out
}
