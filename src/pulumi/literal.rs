//! Reading Python literals: the values codemods may decide on must be written in the source,
//! never guessed from a variable.

use tree_sitter::Node;

/// The value of a plain string literal (no f-string interpolation, no implicit concatenation).
pub fn string_value<'a>(node: Node, text: &'a str) -> Option<&'a str> {
    if node.kind() != "string" {
        return None;
    }
    let mut cursor = node.walk();
    let mut content: Option<&'a str> = None;
    for child in node.named_children(&mut cursor) {
        match child.kind() {
            "string_start" | "string_end" => {}
            "string_content" if content.is_none() => content = Some(&text[child.byte_range()]),
            _ => return None,
        }
    }
    Some(content.unwrap_or(""))
}

/// The value of an integer literal such as `0`, `5000`, `-1`.
pub fn int_value(node: Node, text: &str) -> Option<i64> {
    match node.kind() {
        "integer" => text[node.byte_range()].replace('_', "").parse().ok(),
        "unary_operator" => {
            let operand = node.child_by_field_name("argument")?;
            let op = node.child_by_field_name("operator")?;
            let value = int_value(operand, text)?;
            match &text[op.byte_range()] {
                "-" => Some(-value),
                "+" => Some(value),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `Some(true)` / `Some(false)` for the literals `True` / `False`.
pub fn bool_value(node: Node) -> Option<bool> {
    match node.kind() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// A string or integer literal as text (`"tcp"` -> `tcp`, `-1` -> `-1`).
pub fn scalar_text(node: Node, text: &str) -> Option<String> {
    string_value(node, text)
        .map(str::to_string)
        .or_else(|| int_value(node, text).map(|v| v.to_string()))
}
