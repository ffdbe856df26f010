//! Reading and extending a resource's `opts=`: which `depends_on` elements it already has,
//! and the edits that add more without losing any other option (`parent=`, `provider=`,
//! `protect=`, ...), in the file's import style; new arguments go before it.
//!
//! `__opts__=`, the pre-1.0 spelling, counts as the call's options: edits go into it (and
//! `unknown-argument` renames it), so that no fix writes a second `opts=` beside it.

use super::call::Keyword;
use super::symbols::Holder;
use super::{Imports, ResourceCall, Symbols};
use crate::edit::{
    Edit, Style, add_import, append_items, delete_items, insert_items_before, items,
};
use crate::source::NodeKind;
use crate::source::fields;
use tree_sitter::{Node, Tree};

/// The keyword parameters of `pulumi.ResourceOptions` (pulumi 3.272.0, the version the tests
/// pin; `tests/pulumi_mocks.rs` compares this list with the real signature).
pub const RESOURCE_OPTIONS: &[&str] = &[
    "parent",
    "depends_on",
    "protect",
    "provider",
    "providers",
    "delete_before_replace",
    "ignore_changes",
    "version",
    "aliases",
    "additional_secret_outputs",
    "id",
    "import_",
    "custom_timeouts",
    "transformations",
    "transforms",
    "hooks",
    "urn",
    "replace_on_changes",
    "replacement_trigger",
    "plugin_download_url",
    "retain_on_delete",
    "deleted_with",
    "replace_with",
    "hide_diffs",
    "env_var_mappings",
    "state_migrations",
];

/// The keyword parameters of `pulumi.InvokeOptions`, the options of a function call
/// (`aws.ec2.get_ami(..., opts=...)`).
pub const INVOKE_OPTIONS: &[&str] = &["parent", "provider", "version", "plugin_download_url"];

/// The keyword parameters of `pulumi.InvokeOutputOptions`, the options of a function's
/// `_output` form: `InvokeOptions`' and `depends_on`.
pub const INVOKE_OUTPUT_OPTIONS: &[&str] = &[
    "parent",
    "provider",
    "version",
    "plugin_download_url",
    "depends_on",
];

/// True when `name` is a parameter of `pulumi.ResourceOptions`.
pub fn is_resource_option(name: &str) -> bool {
    RESOURCE_OPTIONS.contains(&name)
}

/// How many names and nested `merge(...)` calls `depends_on_elements` follows.
const MAX_HOPS: u32 = 4;

/// The keyword pulumi resources took their options by before 1.0. Today's SDKs reject it
/// (`TypeError: Eip._internal_init() got an unexpected keyword argument '__opts__'`), or
/// ignore it beside an `*Args` object, which takes every other keyword's place.
pub const OLD_OPTIONS_KEYWORD: &str = "__opts__";

/// The keywords that hold a call's options, today's first.
pub const OPTIONS_KEYWORDS: [&str; 2] = ["opts", OLD_OPTIONS_KEYWORD];

/// Appends `new_items` (rendered `kw=value`) to a call's `arguments` in their layout
/// (`edit::append_items`), before a trailing `opts=` or `__opts__=`: Pulumi programs keep the
/// options last.
pub fn append_arguments(text: &str, arguments: Node, new_items: &[String], style: &Style) -> Edit {
    let is_options = |item: Node| {
        item.kind_str() == "keyword_argument"
            && item
                .child_by_field_id(fields().name)
                .is_some_and(|name| OPTIONS_KEYWORDS.contains(&&text[name.byte_range()]))
    };
    match items(arguments).last() {
        Some(&last) if is_options(last) => {
            insert_items_before(text, arguments, last, new_items, style)
        }
        _ => append_items(text, arguments, new_items, style),
    }
}

/// What an options expression is.
enum Options<'t> {
    /// `pulumi.ResourceOptions(...)`: its argument list.
    Literal(Node<'t>),
    /// `pulumi.ResourceOptions.merge(a, b)`: its argument list.
    Merge(Node<'t>),
    Other,
}

fn classify<'t>(value: Node<'t>, imports: &Imports, text: &str) -> Options<'t> {
    if value.kind_str() != "call" {
        return Options::Other;
    }
    let (Some(function), Some(arguments)) = (
        value.child_by_field_id(fields().function),
        value.child_by_field_id(fields().arguments),
    ) else {
        return Options::Other;
    };
    if arguments.kind_str() != "argument_list" {
        return Options::Other;
    }
    match imports.resolve(function, text).as_deref() {
        Some("pulumi.ResourceOptions") => Options::Literal(arguments),
        Some("pulumi.ResourceOptions.merge") => Options::Merge(arguments),
        _ => Options::Other,
    }
}

fn keyword<'t>(arguments: Node<'t>, name: &str, text: &str) -> Option<Node<'t>> {
    items(arguments).into_iter().find_map(|item| {
        let n = item.child_by_field_id(fields().name)?;
        (item.kind_str() == "keyword_argument" && &text[n.byte_range()] == name)
            .then(|| item.child_by_field_id(fields().value))
            .flatten()
    })
}

fn has_splat(arguments: Node) -> bool {
    items(arguments)
        .iter()
        .any(|i| matches!(i.kind_str(), "dictionary_splat" | "list_splat"))
}

/// `ResourceOptions(...)` / `ResourceOptions.merge(...)` calls and `*Args(...)` objects.
fn is_options(node: Node, imports: &Imports, text: &str) -> bool {
    !matches!(classify(node, imports, text), Options::Other)
}

fn is_args_object(node: Node, imports: &Imports, text: &str) -> bool {
    ResourceCall::resolve(node, imports, text).is_some_and(|a| a.type_name.ends_with("Args"))
}

/// Where a call's options are: `opts=`, `__opts__=` (not renamed yet), or by position
/// (`Class(name, ClassArgs(...), opts)`, `Class(name, ResourceOptions(...))`). `Err` when the
/// call's arguments cannot be read, or its options are not one expression to edit: both
/// `opts=` and `__opts__=`, or `__opts__=` beside an `*Args` object, which the SDK ignores.
fn options_of<'t>(
    call: &ResourceCall<'t>,
    imports: &Imports,
    text: &str,
) -> Result<Option<Node<'t>>, ()> {
    let positional = positional(call)?;
    let keyword = match (
        call.keyword("opts", text),
        call.keyword(OLD_OPTIONS_KEYWORD, text),
    ) {
        (Some(_), Some(_)) => return Err(()),
        (None, Some(_)) if has_args_object(call, &positional, imports, text) => return Err(()),
        (opts, old) => opts.or(old).map(|k| k.value),
    };
    locate(&positional, keyword, imports, text)
}

/// The positional arguments; `Err` when `*a` or `**kw` may hold more.
fn positional<'t>(call: &ResourceCall<'t>) -> Result<Vec<Node<'t>>, ()> {
    if call.has_kwargs_splat() {
        return Err(());
    }
    let positional: Vec<Node<'t>> = items(call.arguments)
        .into_iter()
        .filter(|n| n.kind_str() != "keyword_argument")
        .collect();
    if positional.iter().any(|n| n.kind_str() == "list_splat") {
        return Err(());
    }
    Ok(positional)
}

/// The options among the positional arguments and the options keyword's value.
fn locate<'t>(
    positional: &[Node<'t>],
    keyword: Option<Node<'t>>,
    imports: &Imports,
    text: &str,
) -> Result<Option<Node<'t>>, ()> {
    match positional {
        [_] | [] => Ok(keyword),
        [_, second] if is_args_object(*second, imports, text) => Ok(keyword),
        [_, second] if keyword.is_none() && is_options(*second, imports, text) => Ok(Some(*second)),
        [_, second, third] if keyword.is_none() && is_args_object(*second, imports, text) => {
            Ok(Some(*third))
        }
        _ => Err(()),
    }
}

/// True when the SDK takes `call`'s arguments from an `*Args` object, given second or as
/// `args=`: it then reads `opts=` and no other keyword.
fn has_args_object(
    call: &ResourceCall,
    positional: &[Node],
    imports: &Imports,
    text: &str,
) -> bool {
    positional
        .get(1)
        .copied()
        .or_else(|| call.keyword("args", text).map(|k| k.value))
        .is_some_and(|object| is_args_object(object, imports, text))
}

/// The `name=value` of option `name` written in the call's own `ResourceOptions(...)`
/// (`opts=pulumi.ResourceOptions(import_="...")`); `None` when the options are built elsewhere.
pub fn written_option<'t>(
    call: &ResourceCall<'t>,
    name: &str,
    imports: &Imports,
    text: &str,
) -> Option<Node<'t>> {
    let options = options_of(call, imports, text).ok()??;
    let Options::Literal(arguments) = classify(options, imports, text) else {
        return None;
    };
    items(arguments).into_iter().find(|item| {
        item.kind_str() == "keyword_argument"
            && item
                .child_by_field_id(fields().name)
                .is_some_and(|n| &text[n.byte_range()] == name)
    })
}

/// What a call's `__opts__=` does today, and whether renaming it is all it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OldOptions {
    /// Beside an `*Args` object the SDK ignores the keyword, so its options are not applied;
    /// elsewhere it rejects it, and the program fails with TypeError.
    pub ignored: bool,
    /// The call passes no other options (no `opts=`, none by position): renamed to `opts`,
    /// the keyword becomes the call's options.
    pub alone: bool,
}

/// `call`'s `__opts__=`, if it has one and its arguments can be read (no `*a` or `**kw`).
pub fn old_options(call: &ResourceCall, imports: &Imports, text: &str) -> Option<OldOptions> {
    let old = call.keyword(OLD_OPTIONS_KEYWORD, text)?;
    let positional = positional(call).ok()?;
    Some(OldOptions {
        ignored: has_args_object(call, &positional, imports, text),
        // `locate` fails when options may also be given by position.
        alone: call.keyword("opts", text).is_none()
            && locate(&positional, Some(old.value), imports, text).is_ok(),
    })
}

/// Expression text without white space, to compare `self.nat_gateways[ i ]` with
/// `self.nat_gateways[i]`.
pub fn same_expression(a: &str, b: &str) -> bool {
    a.chars()
        .filter(|c| !c.is_whitespace())
        .eq(b.chars().filter(|c| !c.is_whitespace()))
}

/// The `depends_on` elements written in `call`'s options: in a `ResourceOptions(...)`
/// literal, in the literal arguments of `ResourceOptions.merge(...)`, and behind a local
/// assigned once (`child = ResourceOptions(...)`). Elements hidden elsewhere are not seen;
/// adding one of those again is harmless (Pulumi keeps a set).
pub fn depends_on_elements<'t>(
    call: &ResourceCall<'t>,
    imports: &Imports,
    text: &str,
    symbols: &Symbols<'_, 't>,
) -> Vec<Node<'t>> {
    let mut out = Vec::new();
    if let Ok(Some(opts)) = options_of(call, imports, text) {
        collect(opts, imports, text, symbols, 0, &mut out);
    }
    out
}

fn collect<'t>(
    value: Node<'t>,
    imports: &Imports,
    text: &str,
    symbols: &Symbols<'_, 't>,
    hops: u32,
    out: &mut Vec<Node<'t>>,
) {
    let mut values = Vec::new();
    collect_option(
        value,
        "depends_on",
        imports,
        text,
        symbols,
        hops,
        &mut values,
    );
    for value in values {
        match value.kind_str() {
            "list" => out.extend(items(value)),
            _ => out.push(value),
        }
    }
}

/// The values given to option `name` in an options expression: in `ResourceOptions(...)`
/// literals, the literal arguments of `ResourceOptions.merge(...)`, and behind a local
/// assigned once.
fn collect_option<'t>(
    value: Node<'t>,
    name: &str,
    imports: &Imports,
    text: &str,
    symbols: &Symbols<'_, 't>,
    hops: u32,
    out: &mut Vec<Node<'t>>,
) {
    match classify(value, imports, text) {
        Options::Literal(arguments) => out.extend(keyword(arguments, name, text)),
        Options::Merge(arguments) if hops < MAX_HOPS => {
            for arg in items(arguments) {
                collect_option(arg, name, imports, text, symbols, hops + 1, out);
            }
        }
        Options::Merge(_) => {}
        Options::Other if hops < MAX_HOPS => {
            if let Some(assigned) = symbols.single_assignment(value) {
                collect_option(assigned, name, imports, text, symbols, hops + 1, out);
            }
        }
        Options::Other => {}
    }
}

/// Why options passed as a resource's keyword arguments cannot be moved into its `opts`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CannotMove {
    /// `**kwargs` may hold `opts`, or the options are passed in a way we cannot read.
    Unreadable,
    /// The call's options already set this option (other than `depends_on`, whose lists
    /// add up): which one the author meant is not ours to pick.
    GivenTwice(String),
}

/// The edits that move `moved` (keyword arguments of `call`, each `name=value` with `name` an
/// option of `pulumi.ResourceOptions`, renamed to `names[i]`) into the call's options:
///
/// - no `opts`: the first moved argument becomes `opts=ResourceOptions(name=value, ...)`,
///   the others go;
/// - a `ResourceOptions(...)` literal (or the last literal of a `merge`): the options are
///   added to it; a `depends_on` list there is extended with the moved list's elements;
/// - anything else: `ResourceOptions.merge(<expr>, ResourceOptions(name=value, ...))`, under
///   which `depends_on` lists add up.
pub fn move_into_options(
    text: &str,
    tree: &Tree,
    imports: &Imports,
    symbols: &Symbols,
    call: &ResourceCall,
    moved: &[(&str, Keyword)],
    style: &Style,
) -> Result<Vec<Edit>, CannotMove> {
    let rendered: Vec<String> = moved
        .iter()
        .map(|(name, k)| format!("{name}={}", &text[k.value.byte_range()]))
        .collect();
    into_options(text, tree, imports, symbols, call, moved, &rendered, style)
}

/// Like `move_into_options` for one argument that becomes another option: `keyword` goes and
/// the options get `option=value` (`reset_on_delete=False` -> `retain_on_delete=True`).
#[allow(clippy::too_many_arguments)]
pub fn replace_with_option(
    text: &str,
    tree: &Tree,
    imports: &Imports,
    symbols: &Symbols,
    call: &ResourceCall,
    keyword: Keyword,
    (option, value): (&str, &str),
    style: &Style,
) -> Result<Vec<Edit>, CannotMove> {
    let rendered = [format!("{option}={value}")];
    into_options(
        text,
        tree,
        imports,
        symbols,
        call,
        &[(option, keyword)],
        &rendered,
        style,
    )
}

/// The edits of `move_into_options`, with each moved argument written as `rendered[i]`.
#[allow(clippy::too_many_arguments)]
fn into_options(
    text: &str,
    tree: &Tree,
    imports: &Imports,
    symbols: &Symbols,
    call: &ResourceCall,
    moved: &[(&str, Keyword)],
    rendered: &[String],
    style: &Style,
) -> Result<Vec<Edit>, CannotMove> {
    let options = options_of(call, imports, text).map_err(|()| CannotMove::Unreadable)?;
    if let Some(opts) = options {
        for (name, _) in moved.iter().filter(|(n, _)| *n != "depends_on") {
            let mut given = Vec::new();
            collect_option(opts, name, imports, text, symbols, 0, &mut given);
            if !given.is_empty() {
                return Err(CannotMove::GivenTwice(name.to_string()));
            }
        }
    }
    let (class, import) = options_class(imports);
    let fresh = format!("{class}({})", rendered.join(", "));
    let keywords: Vec<Node> = moved.iter().map(|(_, k)| k.node).collect();
    let mut edits = Vec::new();
    let mut needs_import = true;
    match options {
        None => {
            // The first moved argument's place takes `opts=`: appending it instead would
            // touch the same lines as removing the moved arguments.
            edits.push(Edit::replace(keywords[0], format!("opts={fresh}")));
            edits.extend(delete_items(text, call.arguments, &keywords[1..]));
            return Ok(with_import(edits, import, text, tree, style));
        }
        Some(opts) if opts.kind_str() == "none" => edits.push(Edit::replace(opts, fresh.clone())),
        Some(opts) => {
            let mut target = opts;
            if let Options::Merge(arguments) = classify(target, imports, text)
                && let Some(&last) = items(arguments).last()
                && matches!(classify(last, imports, text), Options::Literal(_))
            {
                target = last;
            }
            match added_to_literal(text, imports, target, moved, rendered, style) {
                Some(added) => {
                    needs_import = false;
                    edits.extend(added);
                }
                None => edits.push(wrap(text, target, &class, &fresh)),
            }
        }
    }
    let mut kept_items = items(call.arguments);
    kept_items.retain(|n| !keywords.iter().any(|k| k.id() == n.id()));
    if kept_items.is_empty() {
        return Err(CannotMove::Unreadable);
    }
    edits.extend(delete_items(text, call.arguments, &keywords));
    let import = if needs_import { import } else { None };
    Ok(with_import(edits, import, text, tree, style))
}

/// The edits that add the moved options to a `ResourceOptions(...)` literal; `None` when
/// `target` is not one, or a `depends_on` is on both sides and not two lists.
fn added_to_literal(
    text: &str,
    imports: &Imports,
    target: Node,
    moved: &[(&str, Keyword)],
    rendered: &[String],
    style: &Style,
) -> Option<Vec<Edit>> {
    let Options::Literal(arguments) = classify(target, imports, text) else {
        return None;
    };
    if has_splat(arguments) {
        return None;
    }
    let mut edits = Vec::new();
    let mut added = Vec::new();
    for ((name, k), item) in moved.iter().zip(rendered) {
        match keyword(arguments, name, text) {
            Some(existing) => {
                // Only `depends_on` gets here (other options given twice are refused).
                if existing.kind_str() != "list" || k.value.kind_str() != "list" {
                    return None;
                }
                let present: Vec<&str> = items(existing)
                    .iter()
                    .map(|n| &text[n.byte_range()])
                    .collect();
                let missing: Vec<String> = items(k.value)
                    .iter()
                    .map(|n| text[n.byte_range()].to_string())
                    .filter(|d| !present.iter().any(|p| same_expression(p, d)))
                    .collect();
                if !missing.is_empty() {
                    edits.push(append_items(text, existing, &missing, style));
                }
            }
            None => added.push(item.clone()),
        }
    }
    if !added.is_empty() {
        edits.push(append_arguments(text, arguments, &added, style));
    }
    Some(edits)
}

fn with_import(
    mut edits: Vec<Edit>,
    import: Option<&str>,
    text: &str,
    tree: &Tree,
    style: &Style,
) -> Vec<Edit> {
    if let Some(statement) = import {
        edits.push(add_import(text, tree, statement, style));
    }
    edits
}

/// The dependencies of `needed` that `call`'s options do not list yet, by expression text
/// or by the construction an element resolves to.
pub fn missing_dependencies<'t>(
    call: &ResourceCall<'t>,
    needed: Vec<Holder>,
    imports: &Imports,
    text: &str,
    symbols: &Symbols<'_, 't>,
) -> Vec<Holder> {
    let present = depends_on_elements(call, imports, text, symbols);
    let mut missing: Vec<Holder> = Vec::new();
    for holder in needed {
        let listed = present.iter().any(|e| {
            same_expression(&text[e.byte_range()], &holder.expr)
                || (holder.id.is_some() && symbols.resolve(*e).id() == holder.id)
        });
        if !listed
            && !missing
                .iter()
                .any(|m| same_expression(&m.expr, &holder.expr))
        {
            missing.push(holder);
        }
    }
    missing
}

/// How the file writes `pulumi.ResourceOptions`, and the import a new mention needs.
pub fn options_class(imports: &Imports) -> (String, Option<&'static str>) {
    if let Some(local) = imports.local_name("pulumi.ResourceOptions") {
        return (local.to_string(), None);
    }
    match imports.local_name("pulumi") {
        Some(pulumi) => (format!("{pulumi}.ResourceOptions"), None),
        None => ("pulumi.ResourceOptions".to_string(), Some("import pulumi")),
    }
}

/// The edits that add `deps` (expressions, as they must be written at the call) to the
/// `depends_on` of `call`, keeping every option already there:
///
/// - no `opts`: `opts=ResourceOptions(depends_on=[...])` as the last argument;
/// - a `ResourceOptions(...)` literal: append to its `depends_on=[...]` list, or add one;
/// - `ResourceOptions.merge(a, ResourceOptions(...))`: the same in its last literal;
/// - anything else: `ResourceOptions.merge(<expr>, ResourceOptions(depends_on=[...]))`.
///
/// `None` when the options cannot be edited safely: `**kwargs` may hold them, or they are
/// passed by position.
pub fn add_depends_on(
    text: &str,
    tree: &Tree,
    imports: &Imports,
    call: &ResourceCall,
    deps: &[String],
    style: &Style,
) -> Option<Vec<Edit>> {
    let options = options_of(call, imports, text).ok()?;
    let (class, import) = options_class(imports);
    let list = format!("[{}]", deps.join(", "));
    let fresh = format!("{class}(depends_on={list})");
    let mut edits = Vec::new();
    let mut needs_import = true;
    match options {
        None => edits.push(append_arguments(
            text,
            call.arguments,
            &[format!("opts={fresh}")],
            style,
        )),
        Some(opts) if opts.kind_str() == "none" => edits.push(Edit::replace(opts, fresh)),
        Some(opts) => {
            let mut target = opts;
            // Extend the last literal of a merge rather than nesting merges.
            if let Options::Merge(arguments) = classify(target, imports, text)
                && let Some(&last) = items(arguments).last()
                && matches!(classify(last, imports, text), Options::Literal(_))
            {
                target = last;
            }
            match classify(target, imports, text) {
                Options::Literal(arguments) if !has_splat(arguments) => {
                    needs_import = false;
                    match keyword(arguments, "depends_on", text) {
                        Some(existing) if existing.kind_str() == "list" => {
                            let present: Vec<&str> = items(existing)
                                .iter()
                                .map(|n| &text[n.byte_range()])
                                .collect();
                            let missing: Vec<String> = deps
                                .iter()
                                .filter(|d| !present.iter().any(|p| same_expression(p, d)))
                                .cloned()
                                .collect();
                            if missing.is_empty() {
                                return None;
                            }
                            edits.push(append_items(text, existing, &missing, style));
                        }
                        Some(_) => {
                            needs_import = true;
                            edits.push(wrap(text, target, &class, &fresh));
                        }
                        None => edits.push(append_arguments(
                            text,
                            arguments,
                            &[format!("depends_on={list}")],
                            style,
                        )),
                    }
                }
                _ => edits.push(wrap(text, target, &class, &fresh)),
            }
        }
    }
    if needs_import && let Some(statement) = import {
        edits.push(add_import(text, tree, statement, style));
    }
    Some(edits)
}

fn wrap(text: &str, value: Node, class: &str, fresh: &str) -> Edit {
    let original = &text[value.byte_range()];
    Edit::replace(value, format!("{class}.merge({original}, {fresh})"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply_edits;
    use crate::source::parse;

    /// Appends `new_items` to the arguments of the first call in `text`.
    fn append(text: &str, new_items: &[&str]) -> String {
        let tree = parse(text);
        let call = tree
            .root_node()
            .child(0)
            .and_then(|s| s.child(0))
            .expect("call");
        let arguments = call
            .child_by_field_id(fields().arguments)
            .expect("arguments");
        let new_items: Vec<String> = new_items.iter().map(|s| s.to_string()).collect();
        let edit = append_arguments(text, arguments, &new_items, &Style::of(text));
        apply_edits(text, &[&edit])
    }

    #[test]
    fn new_arguments_go_before_a_trailing_opts() {
        let before = "f(\n    a,\n    opts=o,  # keep\n)\n";
        assert_eq!(
            append(before, &["c=2", "d=3"]),
            "f(\n    a,\n    c=2,\n    d=3,\n    opts=o,  # keep\n)\n"
        );
        assert_eq!(append("f(a, opts=o)\n", &["c=2"]), "f(a, c=2, opts=o)\n");
        assert_eq!(append("f(opts=o)\n", &["c=2"]), "f(c=2, opts=o)\n");
        assert_eq!(append("f(__opts__=o)\n", &["c=2"]), "f(c=2, __opts__=o)\n");
        // Elsewhere they go last, as in any other argument list.
        assert_eq!(
            append("f(opts=o, a=1)\n", &["c=2"]),
            "f(opts=o, a=1, c=2)\n"
        );
        assert_eq!(append("f()\n", &["c=2"]), "f(c=2)\n");
    }

    /// Adds `deps` to the last resource call of `program` and returns the new text, and the
    /// elements seen before the edit.
    fn add(program: &str, deps: &[&str]) -> (String, Vec<String>) {
        let tree = parse(program);
        let mut imports = Imports::default();
        let mut calls = Vec::new();
        let mut stack = vec![tree.root_node()];
        let mut cursor = tree.walk();
        while let Some(n) = stack.pop() {
            if matches!(n.kind_str(), "import_statement" | "import_from_statement") {
                imports.add_statement(n, program);
            }
            if n.kind_str() == "call" {
                calls.push(n);
            }
            stack.extend(n.named_children(&mut cursor).collect::<Vec<_>>());
        }
        let symbols = Symbols::build(program, &tree, &imports);
        let call = calls
            .into_iter()
            .filter_map(|c| ResourceCall::resolve(c, &imports, program))
            .filter(|c| !c.type_name.ends_with("Args"))
            .max_by_key(|c| c.node.start_byte())
            .expect("a resource call");
        let seen = depends_on_elements(&call, &imports, program, &symbols)
            .iter()
            .map(|n| program[n.byte_range()].to_string())
            .collect();
        let style = Style::of(program);
        let deps: Vec<String> = deps.iter().map(|d| d.to_string()).collect();
        let text = match add_depends_on(program, &tree, &imports, &call, &deps, &style) {
            Some(edits) => {
                let mut edits: Vec<&Edit> = edits.iter().collect();
                edits.sort_by_key(|e| (e.start, e.end));
                apply_edits(program, &edits)
            }
            None => program.to_string(),
        };
        (text, seen)
    }

    const HEAD: &str = "import pulumi\nimport pulumi_aws as aws\n";

    #[test]
    fn no_opts_gets_a_new_argument_in_the_call_layout() {
        let (text, _) = add(
            &format!("{HEAD}e = aws.ec2.Eip('e', domain='vpc')\n"),
            &["igw"],
        );
        assert_eq!(
            text,
            format!(
                "{HEAD}e = aws.ec2.Eip('e', domain='vpc', opts=pulumi.ResourceOptions(depends_on=[igw]))\n"
            )
        );
        let (text, _) = add(
            &format!("{HEAD}e = aws.ec2.Eip(\n    'e',\n    domain='vpc',\n)\n"),
            &["eip", "self.igw"],
        );
        assert_eq!(
            text,
            format!(
                "{HEAD}e = aws.ec2.Eip(\n    'e',\n    domain='vpc',\n    opts=pulumi.ResourceOptions(depends_on=[eip, self.igw]),\n)\n"
            )
        );
    }

    #[test]
    fn a_literal_keeps_every_option() {
        let (text, seen) = add(
            &format!(
                "{HEAD}e = aws.ec2.Eip('e', opts=pulumi.ResourceOptions(parent=self, provider=p, protect=True))\n"
            ),
            &["igw"],
        );
        assert!(seen.is_empty());
        assert_eq!(
            text,
            format!(
                "{HEAD}e = aws.ec2.Eip('e', opts=pulumi.ResourceOptions(parent=self, provider=p, protect=True, depends_on=[igw]))\n"
            )
        );
    }

    #[test]
    fn an_existing_list_is_extended_without_duplicates() {
        let (text, seen) = add(
            &format!(
                "{HEAD}n = aws.ec2.NatGateway('n', opts=pulumi.ResourceOptions(\n    parent=self,\n    depends_on=[\n        eip,\n    ],\n))\n"
            ),
            &["eip", "self.igw"],
        );
        assert_eq!(seen, ["eip"]);
        assert_eq!(
            text,
            format!(
                "{HEAD}n = aws.ec2.NatGateway('n', opts=pulumi.ResourceOptions(\n    parent=self,\n    depends_on=[\n        eip,\n        self.igw,\n    ],\n))\n"
            )
        );
    }

    #[test]
    fn other_expressions_are_merged() {
        let (text, seen) = add(
            &format!(
                "{HEAD}child = pulumi.ResourceOptions(parent=self, depends_on=[vpc])\ne = aws.ec2.Eip('e', opts=child)\n"
            ),
            &["igw"],
        );
        assert_eq!(seen, ["vpc"]);
        assert!(text.ends_with(
            "e = aws.ec2.Eip('e', opts=pulumi.ResourceOptions.merge(child, pulumi.ResourceOptions(depends_on=[igw])))\n"
        ));
        // A merge already there is extended, not nested.
        let (text, seen) = add(
            &format!(
                "{HEAD}e = aws.ec2.Eip('e', opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[igw])))\n"
            ),
            &["eip"],
        );
        assert_eq!(seen, ["igw"]);
        assert!(text.ends_with(
            "opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[igw, eip])))\n"
        ));
        // A single resource in `depends_on=` is not a list to append to.
        let (text, _) = add(
            &format!("{HEAD}e = aws.ec2.Eip('e', opts=pulumi.ResourceOptions(depends_on=vpc))\n"),
            &["igw"],
        );
        assert!(text.ends_with(
            "opts=pulumi.ResourceOptions.merge(pulumi.ResourceOptions(depends_on=vpc), pulumi.ResourceOptions(depends_on=[igw])))\n"
        ));
    }

    #[test]
    fn the_import_style_is_respected() {
        let program =
            "from pulumi import ResourceOptions\nimport pulumi_aws as aws\ne = aws.ec2.Eip('e')\n";
        let (text, _) = add(program, &["igw"]);
        assert_eq!(
            text,
            "from pulumi import ResourceOptions\nimport pulumi_aws as aws\ne = aws.ec2.Eip('e', opts=ResourceOptions(depends_on=[igw]))\n"
        );
        let program = "import pulumi_aws as aws\ne = aws.ec2.Eip('e', opts=None)\n";
        let (text, _) = add(program, &["igw"]);
        assert_eq!(
            text,
            "import pulumi_aws as aws\nimport pulumi\ne = aws.ec2.Eip('e', opts=pulumi.ResourceOptions(depends_on=[igw]))\n"
        );
        let program =
            "import pulumi as p\nimport pulumi_aws as aws\ne = aws.ec2.Eip('e', opts=o)\n";
        let (text, _) = add(program, &["igw"]);
        assert!(
            text.ends_with(
                "opts=p.ResourceOptions.merge(o, p.ResourceOptions(depends_on=[igw])))\n"
            )
        );
        // Extending a literal needs no import.
        let program = "from pulumi import ResourceOptions as RO\nimport pulumi_aws as aws\ne = aws.ec2.Eip('e', opts=RO(parent=x))\n";
        let (text, _) = add(program, &["igw"]);
        assert!(text.ends_with("opts=RO(parent=x, depends_on=[igw]))\n"));
    }

    #[test]
    fn options_that_cannot_be_seen_are_not_edited() {
        for call in ["aws.ec2.Eip('e', **kwargs)", "aws.ec2.Eip('e', args, opts)"] {
            let program = format!("{HEAD}{call}\n");
            assert_eq!(add(&program, &["igw"]).0, program);
        }
    }

    #[test]
    fn an_args_object_takes_the_options_as_a_keyword() {
        let (text, _) = add(
            &format!("{HEAD}aws.ec2.Eip('e', aws.ec2.EipArgs(domain='vpc'))\n"),
            &["igw"],
        );
        assert!(text.ends_with(
            "aws.ec2.Eip('e', aws.ec2.EipArgs(domain='vpc'), opts=pulumi.ResourceOptions(depends_on=[igw]))\n"
        ));
    }

    #[test]
    fn positional_options_are_extended_in_place() {
        let (text, seen) = add(
            &format!(
                "{HEAD}aws.ec2.Route('r', aws.ec2.RouteArgs(nat_gateway_id=nat.id), pulumi.ResourceOptions(parent=self, depends_on=[rt]))\n"
            ),
            &["nat"],
        );
        assert_eq!(seen, ["rt"]);
        assert!(text.ends_with("pulumi.ResourceOptions(parent=self, depends_on=[rt, nat]))\n"));
        let (text, _) = add(
            &format!("{HEAD}aws.ec2.Eip('e', aws.ec2.EipArgs(domain='vpc'), opts)\n"),
            &["igw"],
        );
        assert!(text.ends_with(
            "aws.ec2.EipArgs(domain='vpc'), pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[igw])))\n"
        ));
    }

    #[test]
    fn the_old_spelling_is_the_options_no_second_opts_is_written() {
        let (text, seen) = add(
            &format!(
                "{HEAD}e = aws.ec2.Eip('e', __opts__=pulumi.ResourceOptions(parent=x, depends_on=[vpc]))\n"
            ),
            &["vpc", "igw"],
        );
        assert_eq!(seen, ["vpc"]);
        assert!(
            text.ends_with("__opts__=pulumi.ResourceOptions(parent=x, depends_on=[vpc, igw]))\n")
        );
        // Two sets of options, or `__opts__` where the SDK ignores it (beside an `*Args`
        // object): not edited until the author (or unknown-argument's rename) settles it.
        for call in [
            "aws.ec2.Eip('e', opts=pulumi.ResourceOptions(protect=True), __opts__=o)",
            "aws.ec2.Eip('e', aws.ec2.EipArgs(domain='vpc'), __opts__=o)",
            "aws.ec2.Eip('e', args=aws.ec2.EipArgs(domain='vpc'), __opts__=o)",
            "aws.ec2.Eip('e', pulumi.ResourceOptions(protect=True), __opts__=o)",
        ] {
            let program = format!("{HEAD}{call}\n");
            assert_eq!(add(&program, &["igw"]), (program.clone(), vec![]), "{call}");
        }
    }

    #[test]
    fn old_options_say_what_the_sdk_does_and_whether_a_rename_suffices() {
        let old = |call: &str| {
            let program = format!("{HEAD}{call}\n");
            let tree = parse(&program);
            let imports = Imports::of_file(&tree, &program);
            let node = tree
                .root_node()
                .descendant_for_byte_range(HEAD.len(), HEAD.len())
                .and_then(|n| {
                    std::iter::successors(Some(n), |n| n.parent()).find(|n| n.kind_str() == "call")
                })
                .unwrap();
            let call = ResourceCall::resolve(node, &imports, &program).unwrap();
            old_options(&call, &imports, &program).map(|o| (o.ignored, o.alone))
        };
        assert_eq!(old("aws.ec2.Eip('e', domain='vpc')"), None);
        assert_eq!(old("aws.ec2.Eip('e', __opts__=o)"), Some((false, true)));
        assert_eq!(
            old("aws.ec2.Eip(resource_name='e', __opts__=o)"),
            Some((false, true))
        );
        assert_eq!(
            old("aws.ec2.Eip('e', aws.ec2.EipArgs(), __opts__=o)"),
            Some((true, true))
        );
        assert_eq!(
            old("aws.ec2.Eip('e', args=aws.ec2.EipArgs(), __opts__=o)"),
            Some((true, true))
        );
        assert_eq!(
            old("aws.ec2.Eip('e', opts=p, __opts__=o)"),
            Some((false, false))
        );
        assert_eq!(
            old("aws.ec2.Eip('e', aws.ec2.EipArgs(), p, __opts__=o)"),
            Some((true, false))
        );
        assert_eq!(old("aws.ec2.Eip('e', __opts__=o, **kw)"), None);
    }

    #[test]
    fn expressions_compare_without_white_space() {
        assert!(same_expression("self.nats[ i ]", "self.nats[i]"));
        assert!(!same_expression("self.nats[i]", "self.nats[j]"));
    }
}
