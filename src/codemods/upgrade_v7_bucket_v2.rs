//! `upgrade-v7-bucket-v2`: under `infra-fix upgrade --to 7`, `s3.BucketV2` -> `s3.Bucket`
//! with its list-of-one inputs unwrapped (upgrade guide row 6), and the `*V2` companion
//! resources -> their names without `V2` (row 7). Unsafe: the type token changes; pulumi-aws
//! 7's classes declare an alias from the old one, which a refresh must confirm.

use super::{Checker, Match, codemod};
use crate::edit::{Edit, Fix, delete_item, items, line_end, line_start};
use crate::pulumi::ResourceCall;
use crate::pulumi::literal::string_value;
use crate::pulumi::upgrade::{
    V7_BUCKET_COMPANIONS_V2, V7_BUCKET_V2, V7_BUCKET_V2_UNWRAPPED, camel_case, snake_case,
    v7_companion_name,
};
use crate::source::fields;
use std::collections::BTreeMap;
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "upgrade-v7-bucket-v2",
    title: "`s3.BucketV2` and its `*V2` companions, deprecated in pulumi-aws 7 for the names without `V2` (upgrade --to 7)",
    fix: Unsafe,
    upgrade: V7,
    matches: any_class,
    check: check,
};

fn check(cx: &mut Checker, m: &Match) {
    let Some(call) = m.schema_construction() else {
        return;
    };
    let key = call.type_name.clone();
    if key == V7_BUCKET_V2.0 {
        bucket_v2(cx, &call);
    } else if V7_BUCKET_COMPANIONS_V2.contains(&key.as_str()) {
        companion(cx, &call, &key);
    } else if key.ends_with("Args")
        && let Some(new) = v7_companion_name(&key)
        && !inside_companion(cx, call.node)
    {
        // An `*Args` object of a companion written apart from it: renamed on its own.
        let message =
            format!("pulumi-aws 7: `{key}` is `{new}` (upgrade guide row 7); the same arguments");
        let fix = rename_callee(cx, call.node, &new).map(Fix::unsafe_);
        cx.report(callee(call.node), message, fix);
    }
}

/// The type token pulumi-aws gives a class: `s3.BucketAclV2` -> `aws:s3/bucketAclV2:BucketAclV2`.
fn type_token(key: &str) -> String {
    let (module, class) = key.split_once('.').unwrap_or(("", key));
    let mut lower = class.to_string();
    lower[..1].make_ascii_lowercase();
    format!("aws:{module}/{lower}:{class}")
}

/// What the messages of both rows say about the state.
fn state_step(old: &str, new: &str) -> String {
    format!(
        "the type becomes `{}`; pulumi-aws 7's `{new}` declares an alias from `{}`, so the state moves instead of being replaced: after the upgrade run `pulumi up --refresh --run-program` once and stop if the preview shows a replace",
        type_token(new),
        type_token(old)
    )
}

fn callee(call: Node) -> Node {
    call.child_by_field_id(fields().function).unwrap_or(call)
}

/// The edits that rename the class `call` constructs: its name in `module.Class`, or, for a
/// class imported by name (`from pulumi_aws.s3 import BucketAclV2`), that name everywhere in
/// the file, import included (an alias, `import BucketAclV2 as Acl`, keeps its uses). `None`
/// when the new name is already written in the file: it could be something else.
fn rename_callee(cx: &Checker, call: Node, new_key: &str) -> Option<Vec<Edit>> {
    let function = callee(call);
    let class = new_key.rsplit('.').next()?;
    match function.kind() {
        "attribute" => {
            let name = function.child_by_field_id(fields().attribute)?;
            Some(vec![Edit::replace(name, class)])
        }
        "identifier" => {
            let path = cx.imports.resolve(function, cx.text)?;
            let old = path.rsplit('.').next()?;
            if cx.identifier_in_file(class) {
                return None;
            }
            Some(
                identifiers_named(cx, old)
                    .map(|n| Edit::replace(n, class))
                    .collect(),
            )
        }
        _ => None,
    }
}

/// Every identifier of the file written `name`.
fn identifiers_named<'t>(cx: &Checker<'_, 't>, name: &str) -> impl Iterator<Item = Node<'t>> {
    let mut found = Vec::new();
    let mut stack = vec![cx.tree.root_node()];
    while let Some(node) = stack.pop() {
        if node.kind() == "identifier" && cx.src(node) == name {
            found.push(node);
        }
        let mut cursor = node.walk();
        stack.extend(node.named_children(&mut cursor));
    }
    found.into_iter()
}

/// True when `node` is inside the arguments of a companion's construction, which renames it.
fn inside_companion(cx: &Checker, node: Node) -> bool {
    let mut up = node.parent();
    while let Some(n) = up {
        if n.kind() == "call"
            && let Some(path) = cx.imports.resolve(callee(n), cx.text)
            && let Some(key) = path.strip_prefix("pulumi_aws.")
            && V7_BUCKET_COMPANIONS_V2.contains(&key)
        {
            return true;
        }
        up = n.parent();
    }
    false
}

/// Row 7: the class, and the `*Args` classes written inside its arguments, renamed.
fn companion(cx: &mut Checker, call: &ResourceCall, key: &str) {
    let Some(new) = v7_companion_name(key) else {
        return;
    };
    let mut edits = rename_callee(cx, call.node, &new);
    let mut nested = Vec::new();
    calls_within(call.arguments, &mut nested);
    for inner in nested {
        let Some(path) = cx.imports.resolve(callee(inner), cx.text) else {
            continue;
        };
        let Some(inner_key) = path.strip_prefix("pulumi_aws.") else {
            continue;
        };
        if let Some(inner_new) = v7_companion_name(inner_key) {
            match (rename_callee(cx, inner, &inner_new), edits.as_mut()) {
                (Some(more), Some(all)) => all.extend(more),
                _ => edits = None,
            }
        }
    }
    if let Some(edits) = edits.as_mut() {
        edits.sort_by_key(|e| (e.start, e.end));
        edits.dedup();
    }
    let hint = if edits.is_some() {
        ""
    } else {
        "; it is imported by name and the name without `V2` is already used in the file: rename by hand"
    };
    let message = format!(
        "pulumi-aws 7 deprecates `{key}` for `{new}` (upgrade guide row 7; removed in 8), with the same arguments: {}{hint}",
        state_step(key, &new)
    );
    cx.report(callee(call.node), message, edits.map(Fix::unsafe_));
}

/// Every call below `node`.
fn calls_within<'t>(node: Node<'t>, out: &mut Vec<Node<'t>>) {
    let mut cursor = node.walk();
    for child in node.named_children(&mut cursor) {
        if child.kind() == "call" {
            out.push(child);
        }
        calls_within(child, out);
    }
}

/// Row 6: `s3.BucketV2(...)` -> `s3.Bucket(...)` with every list-of-one input unwrapped.
fn bucket_v2(cx: &mut Checker, call: &ResourceCall) {
    let (old, new) = V7_BUCKET_V2;
    let (edits, hint) = match bucket_edits(cx, call) {
        Ok(edits) => (Some(edits), String::new()),
        Err(why) => (None, format!("; no rewrite: {why}")),
    };
    let message = format!(
        "pulumi-aws 7 deprecates `{old}` for `{new}` (upgrade guide row 6), which takes `versionings`, `loggings`, `websites`, `server_side_encryption_configurations`, `replication_configurations` and the nested lists of at most one as single objects: {}{hint}",
        state_step(old, new)
    );
    cx.report(callee(call.node), message, edits.map(Fix::unsafe_));
}

fn bucket_edits(cx: &Checker, call: &ResourceCall) -> Result<Vec<Edit>, String> {
    if call.has_kwargs_splat() {
        return Err("its arguments come from `**` and cannot be read".into());
    }
    if call.keyword("args", cx.text).is_some() || positional_args(call) {
        return Err(
            "its arguments come in an `s3.BucketV2Args` object; rewrite them by hand".into(),
        );
    }
    let mut nested = Vec::new();
    calls_within(call.arguments, &mut nested);
    if let Some(args) = nested.iter().find(|n| {
        cx.imports
            .last_name(callee(**n), cx.text)
            .is_some_and(|name| name.starts_with("BucketV2"))
    }) {
        return Err(format!(
            "`{}` is written with a `BucketV2*Args` class, whose `Bucket` counterpart has other fields; write it as a dict or by hand",
            cx.src(callee(*args))
        ));
    }
    if let Some(read) = reads_old_output(cx) {
        return Err(format!(
            "the file reads `.{read}`, an output `Bucket` names or shapes differently; change the reads with the class by hand"
        ));
    }
    if callee(call.node).kind() != "attribute" {
        // Renaming the import would rename every `BucketV2` of the file, each with its own
        // reshape: one by one they would break the others.
        return Err("it is imported by name, so rename the import and its uses by hand".into());
    }
    let mut edits = rename_callee(cx, call.node, V7_BUCKET_V2.1)
        .ok_or("the class is not written `module.BucketV2`")?;
    let entries: Vec<Entry> = call
        .keywords(cx.text)
        .map(|(name, k)| Entry {
            key: k.node.child_by_field_id(fields().name).unwrap_or(k.node),
            name: name.to_string(),
            value: k.value,
            item: k.node,
        })
        .collect();
    let mut dedents = BTreeMap::new();
    reshape(cx, &entries, "", &mut edits, &mut dedents)?;
    let dedented = dedent_edits(cx.text, &dedents, &edits);
    edits.extend(dedented);
    Ok(edits)
}

/// `BucketV2("b", s3.BucketV2Args(...))`: the arguments as a second positional.
fn positional_args(call: &ResourceCall) -> bool {
    let mut cursor = call.arguments.walk();
    call.arguments
        .named_children(&mut cursor)
        .filter(|n| !matches!(n.kind(), "keyword_argument" | "comment"))
        .nth(1)
        .is_some()
}

/// An attribute the file reads that is an output `Bucket` renamed or shapes differently
/// (`.versionings`, `.lifecycle_rules`): every read of a nested output goes through one.
fn reads_old_output<'a>(cx: &Checker<'a, '_>) -> Option<&'a str> {
    let olds: Vec<&str> = V7_BUCKET_V2_UNWRAPPED
        .iter()
        .map(|(path, _)| path.split('.').next().unwrap_or(path))
        .collect();
    let mut stack = vec![cx.tree.root_node()];
    while let Some(node) = stack.pop() {
        if node.kind() == "attribute"
            && let Some(name) = node.child_by_field_id(fields().attribute)
            && olds.contains(&&cx.text[name.byte_range()])
        {
            return Some(&cx.text[name.byte_range()]);
        }
        let mut cursor = node.walk();
        stack.extend(node.named_children(&mut cursor));
    }
    None
}

/// One input of an object: a keyword of the call or a pair of a dict literal.
struct Entry<'t> {
    /// The name as written: the keyword's identifier, the pair's string key.
    key: Node<'t>,
    /// Its value as Python sees it (`"loggings"`, `"targetBucket"`).
    name: String,
    value: Node<'t>,
    /// What to delete to drop the input.
    item: Node<'t>,
}

/// True when some unwrapped input lies below `path`.
fn reshaped_below(path: &str) -> bool {
    V7_BUCKET_V2_UNWRAPPED
        .iter()
        .any(|(p, _)| p.strip_prefix(path).is_some_and(|r| r.starts_with('.')))
}

/// The edits that reshape `entries` (inputs at `path`) from `BucketV2`'s shape to `Bucket`'s.
fn reshape(
    cx: &Checker,
    entries: &[Entry],
    path: &str,
    edits: &mut Vec<Edit>,
    dedents: &mut BTreeMap<usize, usize>,
) -> Result<(), String> {
    for entry in entries {
        let snake = snake_case(&entry.name);
        let full = if path.is_empty() {
            snake.clone()
        } else {
            format!("{path}.{snake}")
        };
        let unwrapped = V7_BUCKET_V2_UNWRAPPED
            .iter()
            .find(|(p, _)| *p == full)
            .map(|(_, new)| *new);
        if let Some(new) = unwrapped {
            if entry.value.kind() != "list" {
                return Err(format!("`{full}` is not a list written out"));
            }
            match items(entry.value)[..] {
                [] => edits.push(delete_item(cx.text, entry.item)),
                [only] if only.kind() != "list_splat" => {
                    let new = if snake == entry.name {
                        new.to_string()
                    } else {
                        camel_case(new)
                    };
                    let written = cx.src(entry.key).replacen(&entry.name, &new, 1);
                    edits.push(Edit::replace(entry.key, written));
                    let (list, one) = (entry.value, only);
                    for (start, end) in [
                        (list.start_byte(), one.start_byte()),
                        (one.end_byte(), list.end_byte()),
                    ] {
                        if cx.text[start..end].contains('#') {
                            return Err(format!("a comment stands in the brackets of `{full}`"));
                        }
                        edits.push(Edit {
                            start,
                            end,
                            text: String::new(),
                        });
                    }
                    dedent_element(cx, list, one, dedents);
                    if reshaped_below(&full) {
                        reshape_object(cx, one, &full, edits, dedents)?;
                    }
                }
                ref several => {
                    return Err(format!(
                        "`{full}` has {} elements where `Bucket` takes one object",
                        several.len()
                    ));
                }
            }
        } else if reshaped_below(&full) {
            match entry.value.kind() {
                "list" => {
                    for element in items(entry.value) {
                        reshape_object(cx, element, &full, edits, dedents)?;
                    }
                }
                _ => reshape_object(cx, entry.value, &full, edits, dedents)?,
            }
        }
    }
    Ok(())
}

/// Reshapes the inputs of one object at `path`, which must be a dict literal.
fn reshape_object(
    cx: &Checker,
    node: Node,
    path: &str,
    edits: &mut Vec<Edit>,
    dedents: &mut BTreeMap<usize, usize>,
) -> Result<(), String> {
    if node.kind() != "dictionary" {
        return Err(format!("`{path}` is not a dict written out"));
    }
    let mut entries = Vec::new();
    for pair in items(node) {
        let (Some(key), Some(value)) = (
            pair.child_by_field_id(fields().key),
            pair.child_by_field_id(fields().value),
        ) else {
            return Err(format!("`{path}` has an entry that is not `key: value`"));
        };
        let Some(name) = string_value(key, cx.text) else {
            return Err(format!("`{path}` has a key that is not a string"));
        };
        entries.push(Entry {
            key,
            name: name.to_string(),
            value,
            item: pair,
        });
    }
    reshape(cx, &entries, path, edits, dedents)
}

/// An element that stood on its own lines inside the brackets moves up to where `[` was: its
/// lines move left by as much as it was indented beyond the bracket's line, so that it reads
/// as written by hand. Noted per line start, added up over nested unwraps.
fn dedent_element(cx: &Checker, list: Node, one: Node, dedents: &mut BTreeMap<usize, usize>) {
    let text = cx.text;
    if !text[list.start_byte()..one.start_byte()].contains('\n') || spans_lines_in_string(one) {
        return;
    }
    let indent = |at: usize| {
        let start = line_start(text, at);
        text[start..].len() - text[start..].trim_start_matches(' ').len()
    };
    let by = (one.start_byte() - line_start(text, one.start_byte()))
        .saturating_sub(indent(list.start_byte()));
    let mut at = one.start_byte();
    while let Some(newline) = text[at..one.end_byte()].find('\n') {
        at += newline + 1;
        *dedents.entry(at).or_default() += by;
    }
}

/// True when a string inside `node` runs over several lines: moving its lines would change it.
fn spans_lines_in_string(node: Node) -> bool {
    if node.kind() == "string" && node.start_position().row != node.end_position().row {
        return true;
    }
    let mut cursor = node.walk();
    let children: Vec<Node> = node.named_children(&mut cursor).collect();
    children.into_iter().any(spans_lines_in_string)
}

/// The edits of the noted dedents, or none when a line lacks the spaces to remove (then the
/// code stays valid, only less tidy). Lines whose start `edits` already delete (a closing
/// bracket's) are left to them.
fn dedent_edits(text: &str, dedents: &BTreeMap<usize, usize>, edits: &[Edit]) -> Vec<Edit> {
    let fits = dedents.iter().all(|(&at, &by)| {
        let line = &text[at..line_end(text, at)];
        line.trim().is_empty() || line.len() - line.trim_start_matches(' ').len() >= by
    });
    if !fits {
        return Vec::new();
    }
    dedents
        .iter()
        .filter(|&(&at, &by)| by > 0 && !text[at..line_end(text, at)].trim().is_empty())
        .filter(|&(&at, &by)| {
            !edits
                .iter()
                .any(|e| e.start < at + by && at < e.end.max(e.start + 1))
        })
        .map(|(&at, &by)| Edit {
            start: at,
            end: at + by,
            text: String::new(),
        })
        .collect()
}
