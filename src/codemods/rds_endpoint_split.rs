//! `rds-endpoint-split`: the host of an RDS instance taken by splitting its `endpoint`
//! (`host:port`) instead of reading its `address` output (catalog issue 5).

use super::{Checker, Match, codemod};
use crate::edit::{Edit, Fix, items};
use crate::pulumi::literal::string_value;
use crate::source::fields;
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "rds-endpoint-split",
    title: "Host name parsed out of an RDS instance's `endpoint`; use its `address` output",
    fix: Safe,
    matches: query["split", "rsplit"],
    check: check,
};

const MESSAGE: &str = "The host of an RDS instance is parsed out of its `endpoint` (`host:port`): use the instance's `address` output, which is the host name";

fn check<'t>(cx: &mut Checker<'_, 't>, m: &Match<'_, 't>) {
    // `<receiver>.split(":")[0]`, the query having found `<receiver>.split`.
    let Some((split, receiver)) = m
        .node("receiver")
        .and_then(|receiver| Some((host_split(receiver, cx.text)?, receiver)))
    else {
        return;
    };
    // `X.endpoint.split(":")[0]`: the output itself (a TypeError at run time).
    if let Some(instance) = instance_endpoint(cx, receiver) {
        let address = format!("{}.address", cx.src(instance));
        cx.report(
            split,
            MESSAGE,
            Some(Fix::safe(vec![Edit::replace(split, address)])),
        );
        return;
    }
    let (parameter, index) = match receiver.kind() {
        "identifier" => (receiver, None),
        "subscript" => {
            let (Some(value), Some(i)) = (
                receiver.child_by_field_id(fields().value),
                receiver.child_by_field_id(fields().subscript),
            ) else {
                return;
            };
            let Ok(i) = cx.src(i).parse::<usize>() else {
                return;
            };
            (value, Some(i))
        }
        _ => return,
    };
    if parameter.kind() != "identifier" {
        return;
    }
    let name = cx.src(parameter);
    let Some(callback) = enclosing_callback(split, name, cx.text) else {
        return;
    };
    let Some(source) = applied_to(cx, callback) else {
        return;
    };
    // The output the parameter (or `args[i]`) stands for must be `X.endpoint` of an instance.
    let endpoint = match (index, source) {
        (None, Source::One(output)) => output,
        (Some(i), Source::All(outputs)) => match outputs.get(i) {
            Some(output) => *output,
            None => return,
        },
        _ => return,
    };
    if instance_endpoint(cx, endpoint).is_none() {
        return;
    }
    let Some(body) = callback.child_by_field_id(fields().body) else {
        return;
    };
    // Every use of the value in the callback: `name`, or `name[i]` (other `name[j]` are other
    // outputs); `whole_uses` counts `name` used whole where only `name[i]` is the endpoint.
    let mut uses: Vec<Node> = Vec::new();
    let mut whole_uses = 0;
    for n in identifiers(body, name, cx.text) {
        let Some(i) = index else {
            uses.push(n);
            continue;
        };
        let indexed = n
            .parent()
            .filter(|p| p.kind() == "subscript" && p.child_by_field_id(fields().value) == Some(n))
            .and_then(|p| {
                Some((
                    p,
                    cx.src(p.child_by_field_id(fields().subscript)?)
                        .parse::<usize>()
                        .ok()?,
                ))
            });
        match indexed {
            Some((p, j)) if j == i => uses.push(p),
            Some(_) => {}
            None => whole_uses += 1,
        }
    }
    let splits: Vec<Option<Node>> = uses.iter().map(|u| host_split(*u, cx.text)).collect();
    // Report once per callback and output: at its first split.
    if splits.iter().flatten().next() != Some(&split) {
        return;
    }
    if whole_uses > 0 || splits.iter().any(Option::is_none) {
        cx.report(
            split,
            format!("{MESSAGE}; the callback also uses the whole endpoint, so read `address` beside it by hand"),
            None,
        );
        return;
    }
    let Some(attribute) = endpoint.child_by_field_id(fields().attribute) else {
        return;
    };
    let mut edits = vec![Edit::replace(attribute, "address")];
    let replacement = match index {
        Some(_) => cx.src(uses[0]).to_string(),
        None => {
            // `lambda endpoint: ...` -> `lambda address: ...`, unless that name is taken.
            let renamed = if identifiers(body, "address", cx.text).is_empty() {
                edits.push(Edit::replace(
                    parameter_node(callback).expect("checked"),
                    "address",
                ));
                "address"
            } else {
                name
            };
            renamed.to_string()
        }
    };
    edits.extend(
        splits
            .into_iter()
            .flatten()
            .map(|s| Edit::replace(s, replacement.clone())),
    );
    cx.report(split, MESSAGE, Some(Fix::safe(edits)));
}

/// `X` of `X.endpoint` when `X` is an `aws.rds.Instance` of the program.
fn instance_endpoint<'t>(cx: &Checker<'_, 't>, expr: Node<'t>) -> Option<Node<'t>> {
    if expr.kind() != "attribute" {
        return None;
    }
    let attribute = expr.child_by_field_id(fields().attribute)?;
    let object = expr.child_by_field_id(fields().object)?;
    (cx.src(attribute) == "endpoint" && cx.symbols().resolve(object).is(&["rds.Instance"]))
        .then_some(object)
}

/// The innermost lambda around `node` whose only parameter is `name`.
fn enclosing_callback<'t>(node: Node<'t>, name: &str, text: &str) -> Option<Node<'t>> {
    let mut current = node.parent();
    while let Some(n) = current {
        if n.kind() == "lambda" {
            let param = parameter_node(n)?;
            return (&text[param.byte_range()] == name).then_some(n);
        }
        current = n.parent();
    }
    None
}

fn parameter_node(lambda: Node) -> Option<Node> {
    let params = lambda.child_by_field_id(fields().parameters)?;
    match items(params).as_slice() {
        [only] if only.kind() == "identifier" => Some(*only),
        _ => None,
    }
}

enum Source<'t> {
    /// `X.apply(callback)`: the callback's parameter is `X`.
    One(Node<'t>),
    /// `Output.all(a, b).apply(callback)`: `args[i]` is the i-th.
    All(Vec<Node<'t>>),
}

/// What the callback is applied to, when it is the only argument of `<output>.apply(...)`.
fn applied_to<'t>(cx: &Checker<'_, 't>, callback: Node<'t>) -> Option<Source<'t>> {
    let arguments = callback.parent().filter(|p| p.kind() == "argument_list")?;
    if items(arguments).len() != 1 {
        return None;
    }
    let call = arguments.parent()?;
    let function = call.child_by_field_id(fields().function)?;
    if function.kind() != "attribute"
        || cx.src(function.child_by_field_id(fields().attribute)?) != "apply"
    {
        return None;
    }
    let output = function.child_by_field_id(fields().object)?;
    if output.kind() == "call"
        && cx
            .imports
            .resolve(output.child_by_field_id(fields().function)?, cx.text)
            .as_deref()
            == Some("pulumi.Output.all")
    {
        let all = items(output.child_by_field_id(fields().arguments)?);
        if all.iter().any(|a| {
            a.kind() != "attribute"
                && a.kind() != "identifier"
                && a.kind() != "call"
                && a.kind() != "subscript"
        }) {
            return None;
        }
        return Some(Source::All(all));
    }
    Some(Source::One(output))
}

/// `value.split(":")[0]` / `value.rsplit(":", 1)[0]` around `value`, if it is one.
fn host_split<'t>(value: Node<'t>, text: &str) -> Option<Node<'t>> {
    let attribute = value.parent().filter(|p| p.kind() == "attribute")?;
    let method = attribute.child_by_field_id(fields().attribute)?;
    if !matches!(&text[method.byte_range()], "split" | "rsplit") {
        return None;
    }
    let call = attribute.parent().filter(|p| p.kind() == "call")?;
    let separator = items(call.child_by_field_id(fields().arguments)?)
        .into_iter()
        .next()?;
    if string_value(separator, text) != Some(":") {
        return None;
    }
    let subscript = call.parent().filter(|p| p.kind() == "subscript")?;
    (subscript.child_by_field_id(fields().value) == Some(call)
        && subscript
            .child_by_field_id(fields().subscript)
            .is_some_and(|s| &text[s.byte_range()] == "0"))
    .then_some(subscript)
}

/// Every identifier `name` inside `node`, by an explicit-stack walk (in source order).
fn identifiers<'t>(node: Node<'t>, name: &str, text: &str) -> Vec<Node<'t>> {
    let mut out = Vec::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if n.kind() == "identifier" && &text[n.byte_range()] == name {
            // `x.name` is an attribute, not a use of the name.
            let is_attribute_name = n.parent().is_some_and(|p| {
                p.kind() == "attribute" && p.child_by_field_id(fields().attribute) == Some(n)
            });
            let is_keyword = n.parent().is_some_and(|p| {
                p.kind() == "keyword_argument" && p.child_by_field_id(fields().name) == Some(n)
            });
            if !is_attribute_name && !is_keyword {
                out.push(n);
            }
        }
        let mut cursor = n.walk();
        let children: Vec<Node> = n.named_children(&mut cursor).collect();
        stack.extend(children.into_iter().rev());
    }
    out
}
