//! `upgrade-v7-default`: under `infra-fix upgrade --to 7`, an argument whose default
//! pulumi-aws 7 changed, left out by the program: the 6 default is written in, so the upgrade
//! itself changes nothing (`pulumi::upgrade::V7_PINNED_DEFAULTS`, rows 37, 45, 49).

use super::{Checker, Match, codemod};
use crate::edit::{Fix, append_items, items};
use crate::pulumi::literal::string_value;
use crate::pulumi::upgrade::{PinnedDefault, V7_PINNED_DEFAULTS, camel_case, changes_key};
use crate::pulumi::{ResourceCall, append_arguments};
use crate::source::fields;
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "upgrade-v7-default",
    title: "Argument whose default pulumi-aws 7 flipped, left out: pin the 6 value so the upgrade changes nothing (upgrade --to 7)",
    fix: Unsafe,
    upgrade: V7,
    matches: any_class,
    check: check,
};

fn check(cx: &mut Checker, m: &Match) {
    let Some(call) = m.schema_construction() else {
        return;
    };
    let key = changes_key(&call.type_name).to_string();
    for pin in V7_PINNED_DEFAULTS {
        if changes_key(pin.on) == key {
            pin_keyword(cx, &call, pin);
        }
        // `WebAcl("a", args=WebAclArgs(...))`: the dicts are checked once, in the `*Args`.
        if let Some((within, dict_key)) = pin.nested
            && within == key
            && call
                .written_arguments(cx.imports, cx.text)
                .is_none_or(|written| written.node == call.node)
        {
            for object in dicts_under(cx, call.arguments, dict_key) {
                pin_dict_entry(cx, object, pin);
            }
        }
    }
}

fn message(pin: &PinnedDefault, fixed: bool) -> String {
    let how = if fixed {
        format!("pinning `{}` keeps the 6 behaviour", pin.value)
    } else {
        format!(
            "the arguments are not all written here: if `{}` is not set, set it to `{}` to keep the 6 behaviour",
            pin.argument, pin.value
        )
    };
    let place = match pin.nested {
        Some((within, dict_key)) => format!("`{dict_key}` of `{within}`"),
        None => format!("`{}`", changes_key(pin.on)),
    };
    format!(
        "pulumi-aws 7: `{}` of {place} is left out: {} (upgrade guide row {}); {how}",
        pin.argument, pin.flipped, pin.row
    )
}

/// A construction of the class (or its `*Args`) that leaves the argument out.
fn pin_keyword(cx: &mut Checker, call: &ResourceCall, pin: &PinnedDefault) {
    if call.has_kwargs_splat() {
        // `**kwargs` may set it, or not: say what to check.
        if call.keyword(pin.argument, cx.text).is_none()
            && pin.when.is_none_or(|w| call.keyword(w, cx.text).is_some())
        {
            cx.report(callee(call.node), message(pin, false), None);
        }
        return;
    }
    // An `args=` object is checked where it is constructed.
    let Some(written) = call.written_arguments(cx.imports, cx.text) else {
        return;
    };
    if written.node != call.node {
        return;
    }
    if call.keyword(pin.argument, cx.text).is_some()
        || pin.when.is_some_and(|w| call.keyword(w, cx.text).is_none())
    {
        return;
    }
    let edit = append_arguments(
        cx.text,
        call.arguments,
        &[format!("{}={}", pin.argument, pin.value)],
        cx.style(),
    );
    cx.report(
        callee(call.node),
        message(pin, true),
        Some(Fix::unsafe_(vec![edit])),
    );
}

/// A dict literal held by `dict_key` that leaves the argument out: the entry is added, keyed
/// in the dict's own style (snake_case or camelCase).
fn pin_dict_entry(cx: &mut Checker, object: Node, pin: &PinnedDefault) {
    let mut camel = false;
    for item in items(object) {
        if item.kind() == "dictionary_splat" {
            cx.report(object, message(pin, false), None);
            return;
        }
        let Some(key) = item
            .child_by_field_id(fields().key)
            .and_then(|k| string_value(k, cx.text))
        else {
            continue;
        };
        if key == pin.argument || key == camel_case(pin.argument) {
            return;
        }
        camel |= key.chars().any(|c| c.is_ascii_uppercase());
    }
    let name = if camel {
        camel_case(pin.argument)
    } else {
        pin.argument.to_string()
    };
    let style = cx.style();
    let entry = format!("{}: {}", style.string(&name), pin.value);
    let edit = append_items(cx.text, object, &[entry], style);
    cx.report(object, message(pin, true), Some(Fix::unsafe_(vec![edit])));
}

/// The dict literals held by the key `dict_key` (or its camelCase) anywhere below `node`.
fn dicts_under<'t>(cx: &Checker, node: Node<'t>, dict_key: &str) -> Vec<Node<'t>> {
    let camel = camel_case(dict_key);
    let mut found = Vec::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if n.kind() == "pair"
            && let (Some(key), Some(value)) = (
                n.child_by_field_id(fields().key),
                n.child_by_field_id(fields().value),
            )
            && string_value(key, cx.text).is_some_and(|k| k == dict_key || k == camel)
            && value.kind() == "dictionary"
        {
            found.push(value);
        }
        let mut cursor = n.walk();
        stack.extend(n.named_children(&mut cursor));
    }
    found.sort_by_key(|n| n.start_byte());
    found
}

fn callee(call: Node) -> Node {
    call.child_by_field_id(fields().function).unwrap_or(call)
}
