//! JSON documents written as Python literals: the dict and list literals passed to
//! `json.dumps(...)` for container definitions and IAM policies, possibly inside an `apply`
//! callback or held in a variable first. Finds the documents, reads keys and string values,
//! and builds the edits that add a key in the dict's own layout.

use super::symbols::Symbols;
use super::{Imports, literal};
use crate::edit::{Edit, Style, append_items, items, line_start};
use crate::source::NodeKind;
use crate::source::fields;
use tree_sitter::Node;

/// How many variables `resolve` follows from a use to its literal.
const MAX_HOPS: u32 = 4;

/// The `json.dumps(...)` calls inside `node` (the value of a keyword argument, say), also
/// inside `apply` callbacks, in source order.
pub fn dumps_calls<'t>(node: Node<'t>, imports: &Imports, text: &str) -> Vec<Node<'t>> {
    let mut out = Vec::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if dumps_argument(n, imports, text).is_some() {
            out.push(n);
            continue;
        }
        let mut cursor = n.walk();
        let children: Vec<Node<'t>> = n.named_children(&mut cursor).collect();
        stack.extend(children.into_iter().rev());
    }
    out
}

/// The document argument of a `json.dumps(<document>, ...)` or
/// `pulumi.Output.json_dumps(<document>, ...)` call.
pub fn dumps_argument<'t>(call: Node<'t>, imports: &Imports, text: &str) -> Option<Node<'t>> {
    if call.kind_str() != "call" {
        return None;
    }
    let function = call.child_by_field_id(fields().function)?;
    if !matches!(
        imports.resolve(function, text).as_deref(),
        Some("json.dumps" | "pulumi.Output.json_dumps")
    ) {
        return None;
    }
    let arguments = call.child_by_field_id(fields().arguments)?;
    items(arguments)
        .into_iter()
        .next()
        .filter(|a| a.kind_str() != "keyword_argument" && !a.kind_str().ends_with("splat"))
}

/// True for `pulumi.Output.json_dumps(...)`, whose document may hold outputs.
pub fn is_output_json_dumps(call: Node, imports: &Imports, text: &str) -> bool {
    call.child_by_field_id(fields().function)
        .and_then(|f| imports.resolve(f, text))
        .is_some_and(|p| p == "pulumi.Output.json_dumps")
}

/// The literal an expression stands for: itself, or the value a variable (or `self.`
/// attribute) was assigned exactly once, followed through a few variables. Parentheses are
/// looked through. `symbols` is only asked for when there is a name to follow: a literal
/// written in place needs no symbol model.
pub fn resolve<'s, 'a: 's, 't: 's>(
    mut expr: Node<'t>,
    symbols: impl Fn() -> &'s Symbols<'a, 't>,
) -> Node<'t> {
    for _ in 0..MAX_HOPS {
        while expr.kind_str() == "parenthesized_expression" {
            match expr.named_child(0) {
                Some(inner) => expr = inner,
                None => return expr,
            }
        }
        if !matches!(expr.kind_str(), "identifier" | "attribute") {
            return expr;
        }
        match symbols().assigned_once(expr) {
            Some(value) => expr = value,
            None => return expr,
        }
    }
    expr
}

/// One `key: value` pair of a dict literal.
#[derive(Debug, Clone, Copy)]
pub struct Pair<'t> {
    pub node: Node<'t>,
    pub key: Node<'t>,
    pub value: Node<'t>,
}

/// The pairs of a dict literal whose keys are plain strings; `None` when the node is not a
/// dict or some key is not a string (`**other`, a variable): then the document is not fully
/// known.
pub fn pairs<'t>(dict: Node<'t>, text: &str) -> Option<Vec<(String, Pair<'t>)>> {
    if dict.kind_str() != "dictionary" {
        return None;
    }
    let mut out = Vec::new();
    for item in items(dict) {
        if item.kind_str() != "pair" {
            return None;
        }
        let key = item.child_by_field_id(fields().key)?;
        let value = item.child_by_field_id(fields().value)?;
        let name = literal::string_value(key, text)?;
        out.push((
            name.to_string(),
            Pair {
                node: item,
                key,
                value,
            },
        ));
    }
    Some(out)
}

/// The pair of `dict` whose key is exactly `key`.
pub fn get<'t>(dict: Node<'t>, key: &str, text: &str) -> Option<Pair<'t>> {
    pairs(dict, text)?
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, p)| p)
}

/// The string elements of `node`: one for a string literal, each for a list of them; `None`
/// when some element is not a plain string.
pub fn strings<'a>(node: Node, text: &'a str) -> Option<Vec<&'a str>> {
    match node.kind_str() {
        "string" => Some(vec![literal::string_value(node, text)?]),
        "list" | "tuple" => items(node)
            .into_iter()
            .map(|n| literal::string_value(n, text))
            .collect(),
        _ => None,
    }
}

/// A value to write into a document.
#[derive(Debug, Clone)]
pub enum Json {
    Str(String),
    Int(i64),
    /// Python source written as is (`args[0]`, `f"{args[0]}/*"`).
    Raw(String),
    List(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// How a dict or list literal is laid out: one item per line at `indent`, or inline.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The indentation of the items when they stand on their own lines.
    pub indent: Option<String>,
    /// One level of indentation in this file (`    ` or a tab).
    pub unit: String,
}

impl Layout {
    pub fn of(container: Node, text: &str) -> Layout {
        let first = items(container).into_iter().next();
        let own_line = |n: Node| {
            let start = line_start(text, n.start_byte());
            let before = &text[start..n.start_byte()];
            before
                .chars()
                .all(|c| c == ' ' || c == '\t')
                .then(|| before.to_string())
        };
        let indent = first
            .filter(|_| container.start_position().row != container.end_position().row)
            .and_then(own_line);
        // One level: what the items add to the line that opens the container.
        let open_line = line_start(text, container.start_byte());
        let base: String = text[open_line..]
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        let unit = match &indent {
            Some(i) if i.len() > base.len() && i.starts_with(&base) => i[base.len()..].to_string(),
            _ if text.contains("\n\t") && !text.contains("\n    ") => "\t".to_string(),
            _ => "    ".to_string(),
        };
        Layout { indent, unit }
    }
}

/// `value` as Python source. Objects are written one key per line when `indent` (the
/// indentation of the line the value starts on) is given, inline otherwise; lists stay on
/// one line.
pub fn render(value: &Json, indent: Option<&str>, unit: &str, style: &Style) -> String {
    match value {
        Json::Str(s) => style.string(s),
        Json::Int(i) => i.to_string(),
        Json::Raw(r) => r.clone(),
        Json::List(elements) => format!(
            "[{}]",
            elements
                .iter()
                .map(|e| render(e, None, unit, style))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Json::Object(pairs) => match indent {
            Some(indent) => {
                let inner = format!("{indent}{unit}");
                let nl = style.newline;
                let body: String = pairs
                    .iter()
                    .map(|(k, v)| {
                        format!(
                            "{nl}{inner}{}: {},",
                            style.string(k),
                            render(v, Some(&inner), unit, style)
                        )
                    })
                    .collect();
                format!("{{{body}{nl}{indent}}}")
            }
            None => format!(
                "{{{}}}",
                pairs
                    .iter()
                    .map(|(k, v)| format!("{}: {}", style.string(k), render(v, None, unit, style)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        },
    }
}

/// The edit that adds `"key": value` after the last key of `dict`, in its layout.
pub fn insert_key(text: &str, dict: Node, key: &str, value: &Json, style: &Style) -> Edit {
    let layout = Layout::of(dict, text);
    let rendered = render(value, layout.indent.as_deref(), &layout.unit, style);
    append_items(
        text,
        dict,
        &[format!("{}: {rendered}", style.string(key))],
        style,
    )
}

/// The edit that adds `element` to a list literal, in its layout.
pub fn append_element(text: &str, list: Node, element: &Json, style: &Style) -> Edit {
    let layout = Layout::of(list, text);
    let rendered = render(element, layout.indent.as_deref(), &layout.unit, style);
    append_items(text, list, &[rendered], style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply_edits;
    use crate::source::parse;

    fn imports_of(program: &str, tree: &tree_sitter::Tree) -> Imports {
        let mut imports = Imports::default();
        let root = tree.root_node();
        let mut cursor = root.walk();
        for n in root.named_children(&mut cursor) {
            if matches!(n.kind_str(), "import_statement" | "import_from_statement") {
                imports.add_statement(n, program);
            }
        }
        imports
    }

    /// The document of the first `json.dumps` in `program`, followed through variables.
    fn with_document(program: &str, f: impl FnOnce(Node, &Symbols)) {
        let tree = parse(program);
        let imports = imports_of(program, &tree);
        let symbols = Symbols::build(program, &tree, &imports);
        let calls = dumps_calls(tree.root_node(), &imports, program);
        let argument = dumps_argument(calls[0], &imports, program).unwrap();
        f(resolve(argument, || &symbols), &symbols);
    }

    #[test]
    fn documents_are_found_through_callbacks_and_variables() {
        let program = "import json as j\nimport pulumi\nx = pulumi.Output.all(a).apply(lambda args: j.dumps([{'name': 'web', 'image': args[0]}]))\n";
        with_document(program, |doc, _| {
            assert_eq!(doc.kind_str(), "list");
            let container = items(doc)[0];
            assert_eq!(
                get(container, "name", program).map(|p| &program[p.value.byte_range()]),
                Some("'web'")
            );
            assert!(get(container, "healthCheck", program).is_none());
        });
        let program = "import json\nclass C:\n    def f(self):\n        self.doc = {'Statement': []}\n    def g(self):\n        defs = self.doc\n        return json.dumps(defs)\n";
        with_document(program, |doc, _| assert_eq!(doc.kind_str(), "dictionary"));
        // Assigned twice: not known.
        let program = "import json\ndoc = {}\ndoc = {'a': 1}\njson.dumps(doc)\n";
        with_document(program, |doc, _| assert_eq!(doc.kind_str(), "identifier"));
        // Not `json.dumps`.
        let tree = parse("import yaml\nyaml.dumps({})\n");
        let imports = imports_of("import yaml\nyaml.dumps({})\n", &tree);
        assert!(
            dumps_calls(tree.root_node(), &imports, "import yaml\nyaml.dumps({})\n").is_empty()
        );
    }

    #[test]
    fn keys_and_strings_are_read_only_when_literal() {
        let program = "import json\njson.dumps({'Action': ['s3:GetObject', \"s3:PutObject\"], 'Resource': '*', 'N': n})\n";
        with_document(program, |doc, _| {
            let action = get(doc, "Action", program).unwrap();
            assert_eq!(
                strings(action.value, program),
                Some(vec!["s3:GetObject", "s3:PutObject"])
            );
            let resource = get(doc, "Resource", program).unwrap();
            assert_eq!(strings(resource.value, program), Some(vec!["*"]));
            assert_eq!(
                strings(get(doc, "N", program).unwrap().value, program),
                None
            );
        });
        let program = "import json\njson.dumps({'a': 1, **rest})\n";
        with_document(program, |doc, _| assert!(pairs(doc, program).is_none()));
    }

    #[test]
    fn a_key_is_inserted_in_the_dict_layout() {
        let value = Json::Object(vec![
            (
                "command".into(),
                Json::List(vec![Json::Str("CMD-SHELL".into())]),
            ),
            ("interval".into(), Json::Int(30)),
        ]);
        let program =
            "import json\njson.dumps({\n    \"name\": \"web\",\n    \"image\": \"nginx\",\n})\n";
        with_document(program, |doc, _| {
            let edit = insert_key(program, doc, "healthCheck", &value, &Style::of(program));
            assert_eq!(
                apply_edits(program, &[&edit]),
                "import json\njson.dumps({\n    \"name\": \"web\",\n    \"image\": \"nginx\",\n    \"healthCheck\": {\n        \"command\": [\"CMD-SHELL\"],\n        \"interval\": 30,\n    },\n})\n"
            );
        });
        let program = "import json\njson.dumps({'name': 'web', 'image': 'nginx'})\n";
        with_document(program, |doc, _| {
            let edit = insert_key(program, doc, "healthCheck", &value, &Style::of(program));
            assert_eq!(
                apply_edits(program, &[&edit]),
                "import json\njson.dumps({'name': 'web', 'image': 'nginx', 'healthCheck': {'command': ['CMD-SHELL'], 'interval': 30}})\n"
            );
        });
        // Tabs and CRLF are kept.
        let program = "import json\r\njson.dumps({\r\n\t'name': 'web'\r\n})\r\n";
        with_document(program, |doc, _| {
            let edit = insert_key(
                program,
                doc,
                "x",
                &Json::Object(vec![("a".into(), Json::Int(1))]),
                &Style::of(program),
            );
            assert_eq!(
                apply_edits(program, &[&edit]),
                "import json\r\njson.dumps({\r\n\t'name': 'web',\r\n\t'x': {\r\n\t\t'a': 1,\r\n\t}\r\n})\r\n"
            );
        });
    }
}
