//! `lambda-runtime-outdated`: a Lambda runtime AWS has deprecated (issue 12).

use super::{Checker, Match, codemod};
use crate::edit::{Edit, Fix, delete_items, items};
use crate::pulumi::Tables;
use crate::pulumi::lambda_runtime::{GO, OS_ONLY, deprecated_on, successor};
use crate::pulumi::literal::string_value;
use crate::source::fields;
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "lambda-runtime-outdated",
    title: "Lambda runtime that AWS has deprecated: functions on it can no longer be created or updated",
    fix: Unsafe,
    matches: classes["lambda_.Function", "lambda_.FunctionArgs", "lambda_.LayerVersion", "lambda_.LayerVersionArgs"],
    check: check,
};

/// A runtime the source gives: a string literal or a `lambda_.Runtime` member.
struct Written<'t> {
    node: Node<'t>,
    value: String,
    /// What to replace to change it: the string's content, or the member's name.
    part: Node<'t>,
    is_member: bool,
}

impl<'t> Written<'t> {
    fn read(cx: &Checker, tables: &Tables, node: Node<'t>) -> Option<Written<'t>> {
        if let Some(value) = string_value(node, cx.text) {
            let mut cursor = node.walk();
            let part = node
                .named_children(&mut cursor)
                .find(|c| c.kind() == "string_content")?;
            return Some(Written {
                node,
                value: value.to_string(),
                part,
                is_member: false,
            });
        }
        if node.kind() != "attribute" {
            return None;
        }
        let path = cx.imports.resolve(node, cx.text)?;
        let member = path.strip_prefix("pulumi_aws.lambda_.Runtime.")?;
        let value = tables
            .enum_members("lambda_.Runtime")?
            .find(|(m, _)| *m == member)?
            .1;
        Some(Written {
            node,
            value,
            part: node.child_by_field_id(fields().attribute)?,
            is_member: true,
        })
    }

    /// How the replacement is written: the same form as this one.
    fn spelled(&self, (member, value): &(&str, String)) -> String {
        if self.is_member {
            member.to_string()
        } else {
            value.clone()
        }
    }
}

fn check(cx: &mut Checker, m: &Match) {
    let Some(call) = m.construction(&[
        "lambda_.Function",
        "lambda_.FunctionArgs",
        "lambda_.LayerVersion",
        "lambda_.LayerVersionArgs",
    ]) else {
        return;
    };
    let Some(tables) = cx.schema() else { return };
    if call.type_name.starts_with("lambda_.Function") {
        let Some(runtime) = call.keyword("runtime", cx.text) else {
            return;
        };
        if let Some(written) = Written::read(cx, tables, runtime.value) {
            one_runtime(cx, tables, &written);
        }
    } else if let Some(list) = call.keyword("compatible_runtimes", cx.text)
        && list.value.kind() == "list"
    {
        runtime_list(cx, tables, list.value);
    }
}

fn version(tables: &Tables) -> String {
    format!("pulumi-aws {}", tables.major.number())
}

const UNSAFE_WHY: &str = "the function is updated in place, not replaced, but its code may not run on the newer runtime: test it there first";

fn go_message(date: &str) -> String {
    format!(
        "`{GO}` is a Lambda runtime AWS deprecated on {date} (functions on it can no longer be created or updated): build the Go binary as `bootstrap` for `provided.al2023` (and the `lambda.norpc` build tag), package that, and set `runtime=\"provided.al2023\"`; infra-fix cannot rebuild the binary, so there is no fix"
    )
}

/// `Function(runtime=...)`: the runtime in its place, in its form.
fn one_runtime(cx: &mut Checker, tables: &Tables, written: &Written) {
    let Some(date) = deprecated_on(&written.value) else {
        return;
    };
    if written.value == GO {
        cx.report(written.node, go_message(date), None);
        return;
    }
    let Some(next) = successor(tables, &written.value) else {
        cx.report(
            written.node,
            format!(
                "`{}` is a Lambda runtime AWS deprecated on {date}: functions on it can no longer be created or updated, and {} offers no newer runtime of its language",
                written.value,
                version(tables)
            ),
            None,
        );
        return;
    };
    let newest = if written.value == OS_ONLY.0 {
        "the OS-only runtime on Amazon Linux 2023".to_string()
    } else {
        format!("the newest of its language in {}", version(tables))
    };
    let message = format!(
        "`{}` is a Lambda runtime AWS deprecated on {date}: functions on it can no longer be created or updated; use `{}`, {newest} (unsafe: {UNSAFE_WHY})",
        written.value, next.1
    );
    let fix = Fix::unsafe_(vec![Edit::replace(written.part, written.spelled(&next))]);
    cx.report(written.node, message, Some(fix));
}

/// `LayerVersion(compatible_runtimes=[...])`: each deprecated entry replaced, no entry twice.
fn runtime_list(cx: &mut Checker, tables: &Tables, list: Node) {
    let entries: Vec<Written> = items(list)
        .into_iter()
        .filter_map(|n| Written::read(cx, tables, n))
        .collect();
    // The values the list will hold: the current entries, then each successor once.
    let mut kept: Vec<String> = entries
        .iter()
        .filter(|e| deprecated_on(&e.value).is_none())
        .map(|e| e.value.clone())
        .collect();
    let mut edits = Vec::new();
    let mut doomed = Vec::new();
    let mut replaced = Vec::new();
    for entry in &entries {
        let Some(date) = deprecated_on(&entry.value) else {
            continue;
        };
        if entry.value == GO {
            cx.report(entry.node, go_message(date), None);
            continue;
        }
        let Some(next) = successor(tables, &entry.value) else {
            continue;
        };
        if kept.contains(&next.1) {
            doomed.push(entry.node);
        } else {
            edits.push(Edit::replace(entry.part, entry.spelled(&next)));
            kept.push(next.1.clone());
        }
        replaced.push(format!("`{}` ({date}) -> `{}`", entry.value, next.1));
    }
    if replaced.is_empty() {
        return;
    }
    edits.extend(delete_items(cx.text, list, &doomed));
    let message = format!(
        "Lambda runtimes AWS has deprecated, in `compatible_runtimes`: {}; each becomes the newest of its language in {} (unsafe: a layer version cannot change, so Pulumi publishes a new one and deletes the old, and the layer's code may not run on the newer language version)",
        replaced.join(", "),
        version(tables)
    );
    cx.report(list, message, Some(Fix::unsafe_(edits)));
}
