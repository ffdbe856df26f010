//! `resource-in-apply`: a `pulumi_aws` resource constructed inside an `apply` callback
//! (catalog issue 5), hoisted to statement level with only the output-dependent arguments
//! left as `apply`s.

use super::{Checker, Match, codemod};
use crate::edit::{Edit, Fix, items};
use crate::pulumi::ResourceCall;
use crate::pulumi::upgrade::snake_case;
use crate::source::fields;
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "resource-in-apply",
    title: "Resource created inside an `apply` callback: missing from previews, dependencies lost",
    fix: Unsafe,
    matches: query["apply"],
    check: check,
};

fn check<'t>(cx: &mut Checker<'_, 't>, m: &Match<'_, 't>) {
    let Some(apply) = m.node("apply").and_then(|method| cx.call_of(method)) else {
        return;
    };
    let Some(arguments) = apply.child_by_field_id(fields().arguments) else {
        return;
    };
    let [callback] = items(arguments)[..] else {
        return;
    };
    if callback.kind() != "lambda" {
        return;
    }
    let Some(body) = callback.child_by_field_id(fields().body) else {
        return;
    };
    let resources = resources_in(cx, body);
    let Some(first) = resources.first() else {
        return;
    };
    let type_name = format!("aws.{}", first.type_name);
    let message = format!(
        "`{type_name}` is created inside an `apply` callback, hidden from previews and without its dependencies"
    );
    let only = unparenthesize(body);
    let fix = if resources.len() == 1 && first.node == only {
        hoist(cx, apply, callback, first)
    } else {
        None
    };
    let message = match (&fix, resources.len() == 1 && first.node == only) {
        (Some(_), _) => format!(
            "{message}; create it at statement level and keep only the arguments that need resolved values as `apply`s"
        ),
        (None, true) => format!(
            "{message}; it cannot be hoisted automatically (its name depends on the value, it holds a multi-line string, or the apply is part of a larger expression), so move it out by hand"
        ),
        (None, false) => format!(
            "{message}; the callback does more than build one resource, so move it out by hand"
        ),
    };
    cx.report(first.node, message, fix);
}

fn unparenthesize(mut node: Node) -> Node {
    while node.kind() == "parenthesized_expression" {
        match node.named_child(0) {
            Some(inner) => node = inner,
            None => break,
        }
    }
    node
}

/// The resource constructions in `body` outside nested lambdas (those belong to their own
/// `apply`), in source order.
fn resources_in<'t>(cx: &Checker<'_, 't>, body: Node<'t>) -> Vec<ResourceCall<'t>> {
    let mut found = Vec::new();
    let mut stack = vec![body];
    while let Some(node) = stack.pop() {
        if node.kind() == "lambda" {
            continue;
        }
        if let Some(call) = ResourceCall::resolve(node, cx.imports, cx.text)
            && !call.type_name.ends_with("Args")
        {
            found.push(call);
        }
        let mut cursor = node.walk();
        let children: Vec<Node> = node.named_children(&mut cursor).collect();
        stack.extend(children.into_iter().rev());
    }
    found
}

/// What the callback's parameter stands for.
enum Source<'t> {
    /// `X.apply(lambda p: ...)`: `p` is the value of `X`.
    One(Node<'t>),
    /// `Output.all(a, b).apply(lambda args: ...)`: `args[i]` is the value of the i-th; the
    /// node is `Output.all` as the file writes it.
    All(Node<'t>, Vec<Node<'t>>),
}

fn hoist<'t>(
    cx: &Checker<'_, 't>,
    apply: Node<'t>,
    callback: Node<'t>,
    resource: &ResourceCall<'t>,
) -> Option<Fix> {
    let parameter = match items(callback.child_by_field_id(fields().parameters)?)[..] {
        [p] if p.kind() == "identifier" => cx.src(p),
        _ => return None,
    };
    let receiver = apply
        .child_by_field_id(fields().function)?
        .child_by_field_id(fields().object)?;
    let source = match receiver.kind() {
        "call"
            if cx
                .imports
                .resolve(receiver.child_by_field_id(fields().function)?, cx.text)
                .as_deref()
                == Some("pulumi.Output.all") =>
        {
            let elements = items(receiver.child_by_field_id(fields().arguments)?);
            if elements
                .iter()
                .any(|e| e.kind() == "keyword_argument" || e.kind().ends_with("splat"))
            {
                return None;
            }
            Source::All(receiver.child_by_field_id(fields().function)?, elements)
        }
        _ => Source::One(receiver),
    };
    // Where the new statement goes: the apply is the value of an assignment, or a statement.
    let parent = apply.parent()?;
    let statement_prefix = match parent.kind() {
        "assignment" if parent.child_by_field_id(fields().right) == Some(apply) => String::new(),
        "expression_statement" => format!("{} = ", new_name(cx, apply, resource)),
        _ => return None,
    };
    // The resource's name must stay a plain string.
    if let Some(name) = resource.first_positional()
        && !uses(cx, name, parameter).is_empty()
    {
        return None;
    }
    let mut edits: Vec<Edit> = Vec::new();
    for item in items(resource.arguments) {
        let value = match item.kind() {
            "keyword_argument" => item.child_by_field_id(fields().value)?,
            "list_splat" | "dictionary_splat" => {
                if uses(cx, item, parameter).is_empty() {
                    continue;
                }
                return None;
            }
            _ => item,
        };
        if uses(cx, value, parameter).is_empty() {
            continue;
        }
        edits.push(Edit::replace(
            value,
            deferred(cx, value, parameter, &source)?,
        ));
    }
    // The resource itself, with its arguments rewritten, re-indented to the statement.
    let start = resource.node.start_byte();
    let mut text = cx.text[start..resource.node.end_byte()].to_string();
    for edit in edits.iter().rev() {
        text.replace_range(edit.start - start..edit.end - start, &edit.text);
    }
    if multi_line_string_in(resource.node) {
        return None;
    }
    let text = reindent(
        &text,
        indent_of(cx.text, start),
        indent_of(cx.text, apply.start_byte()),
    );
    Some(Fix::unsafe_(vec![Edit::replace(
        apply,
        format!("{statement_prefix}{text}"),
    )]))
}

/// The uses of the callback parameter inside `node` (not attribute names or keywords).
fn uses<'t>(cx: &Checker<'_, 't>, node: Node<'t>, parameter: &str) -> Vec<Node<'t>> {
    let mut out = Vec::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if n.kind() == "identifier" && cx.src(n) == parameter {
            let is_name_of = n.parent().is_some_and(|p| {
                (p.kind() == "attribute" && p.child_by_field_id(fields().attribute) == Some(n))
                    || (p.kind() == "keyword_argument"
                        && p.child_by_field_id(fields().name) == Some(n))
            });
            if !is_name_of {
                out.push(n);
            }
        }
        let mut cursor = n.walk();
        let children: Vec<Node> = n.named_children(&mut cursor).collect();
        stack.extend(children.into_iter().rev());
    }
    out
}

/// An argument value that used the callback's parameter, as an output: the output itself
/// when the value was just the parameter (or `args[i]`), else an `apply` over only the
/// outputs it reads.
fn deferred<'t>(
    cx: &Checker<'_, 't>,
    value: Node<'t>,
    parameter: &str,
    source: &Source<'t>,
) -> Option<String> {
    let single_line = |n: Node| (!cx.src(n).contains('\n')).then(|| cx.src(n).to_string());
    let original = cx.src(value);
    match source {
        Source::One(output) => {
            let output = single_line(*output)?;
            if original == parameter {
                return Some(output);
            }
            Some(format!("{output}.apply(lambda {parameter}: {original})"))
        }
        Source::All(all, elements) => {
            // Every use must be `args[<integer>]`; the indices it reads, in order.
            let mut subscripts: Vec<(Node, usize)> = Vec::new();
            for use_ in uses(cx, value, parameter) {
                let subscript = use_.parent().filter(|p| {
                    p.kind() == "subscript" && p.child_by_field_id(fields().value) == Some(use_)
                })?;
                let index: usize = cx
                    .src(subscript.child_by_field_id(fields().subscript)?)
                    .parse()
                    .ok()?;
                elements.get(index)?;
                subscripts.push((subscript, index));
            }
            let mut used: Vec<usize> = subscripts.iter().map(|(_, i)| *i).collect();
            used.sort();
            used.dedup();
            if let [(subscript, index)] = subscripts[..]
                && subscript == value
            {
                return single_line(elements[index]);
            }
            let base = value.start_byte();
            let mut text = original.to_string();
            let (outputs, name) = if let [index] = used[..] {
                // One output: `X.address.apply(lambda address: ...)`.
                let output = single_line(elements[index])?;
                let last = output.rsplit('.').next().unwrap_or_default();
                let name = if !last.is_empty()
                    && last.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    && uses(cx, value, last).is_empty()
                {
                    last.to_string()
                } else {
                    parameter.to_string()
                };
                (output, name)
            } else {
                let outputs: Option<Vec<String>> =
                    used.iter().map(|i| single_line(elements[*i])).collect();
                (
                    format!("{}({})", cx.src(*all), outputs?.join(", ")),
                    parameter.to_string(),
                )
            };
            for (subscript, index) in subscripts.iter().rev() {
                let replacement = if used.len() == 1 {
                    name.clone()
                } else {
                    format!("{name}[{}]", used.iter().position(|u| u == index)?)
                };
                text.replace_range(
                    subscript.start_byte() - base..subscript.end_byte() - base,
                    &replacement,
                );
            }
            Some(format!("{outputs}.apply(lambda {name}: {text})"))
        }
    }
}

/// The name the hoisted resource is assigned to when the apply was a bare statement:
/// `self.<snake of its class>` in a method, else a local, numbered if the name is taken.
fn new_name(cx: &Checker, apply: Node, resource: &ResourceCall) -> String {
    let class = snake_case(resource.class_name());
    let self_name = method_self(apply).map(|s| cx.src(s).to_string());
    let taken = |name: &str| cx.identifier_in_file(name);
    let mut name = class.clone();
    let mut n = 2;
    while taken(&name) {
        name = format!("{class}_{n}");
        n += 1;
    }
    match self_name {
        Some(s) => format!("{s}.{name}"),
        None => name,
    }
}

/// The first parameter of the method `node` is in, when it is in a method of a class.
fn method_self(node: Node) -> Option<Node> {
    let mut current = node.parent();
    while let Some(n) = current {
        if n.kind() == "function_definition" {
            let mut up = n.parent()?;
            if up.kind() == "decorated_definition" {
                up = up.parent()?;
            }
            let class = up.parent()?;
            if up.kind() != "block" || class.kind() != "class_definition" {
                return None;
            }
            return n
                .child_by_field_id(fields().parameters)?
                .named_child(0)
                .filter(|p| p.kind() == "identifier");
        }
        current = n.parent();
    }
    None
}

fn multi_line_string_in(node: Node) -> bool {
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if n.kind() == "string" && n.start_position().row != n.end_position().row {
            return true;
        }
        let mut cursor = n.walk();
        stack.extend(n.named_children(&mut cursor).collect::<Vec<_>>());
    }
    false
}

/// The white space that opens the line holding `offset`.
fn indent_of(text: &str, offset: usize) -> &str {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[start..];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// Moves the continuation lines of `text` from the indentation `from` to `to`.
fn reindent(text: &str, from: &str, to: &str) -> String {
    let mut lines = text.split('\n');
    let mut out = lines.next().unwrap_or_default().to_string();
    for line in lines {
        out.push('\n');
        if line.trim().is_empty() {
            out.push_str(line.trim_start_matches([' ', '\t']));
        } else if let Some(rest) = line.strip_prefix(from) {
            out.push_str(to);
            out.push_str(rest);
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names_become_snake_case() {
        assert_eq!(snake_case("SecretVersion"), "secret_version");
        assert_eq!(snake_case("Eip"), "eip");
    }

    #[test]
    fn continuation_lines_move_with_the_statement() {
        assert_eq!(
            reindent("f(\n        a,\n    )", "    ", ""),
            "f(\n    a,\n)"
        );
        assert_eq!(reindent("f(\n\ta,\n)", "", "\t"), "f(\n\t\ta,\n\t)");
    }
}
