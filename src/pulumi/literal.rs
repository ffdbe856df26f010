//! Reading Python literals: the values codemods may decide on must be written in the source,
//! never guessed from a variable.

use crate::source::NodeKind;
use crate::source::fields;
use tree_sitter::Node;

/// The value of a plain string literal (no f-string interpolation, no implicit concatenation).
pub fn string_value<'a>(node: Node, text: &'a str) -> Option<&'a str> {
    if node.kind_str() != "string" {
        return None;
    }
    let mut cursor = node.walk();
    let mut content: Option<&'a str> = None;
    for child in node.named_children(&mut cursor) {
        match child.kind_str() {
            "string_start" | "string_end" => {}
            "string_content" if content.is_none() => content = Some(&text[child.byte_range()]),
            _ => return None,
        }
    }
    Some(content.unwrap_or(""))
}

/// The value of an integer literal such as `0`, `5000`, `-1`.
pub fn int_value(node: Node, text: &str) -> Option<i64> {
    // Signs are peeled in a loop: `- - - ... 1` may nest deeper than the stack allows.
    let mut negative = false;
    let mut node = node;
    while node.kind_str() == "unary_operator" {
        match &text[node.child_by_field_id(fields().operator)?.byte_range()] {
            "-" => negative = !negative,
            "+" => {}
            _ => return None,
        }
        node = node.child_by_field_id(fields().argument)?;
    }
    if node.kind_str() != "integer" {
        return None;
    }
    let value: i64 = text[node.byte_range()].replace('_', "").parse().ok()?;
    if negative {
        value.checked_neg()
    } else {
        Some(value)
    }
}

/// `Some(true)` / `Some(false)` for the literals `True` / `False`.
pub fn bool_value(node: Node) -> Option<bool> {
    match node.kind_str() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::parse;

    fn int_of(code: &str) -> Option<i64> {
        let tree = parse(code);
        let expr = tree.root_node().named_child(0)?.named_child(0)?;
        int_value(expr, code)
    }

    #[test]
    fn integers_with_signs() {
        assert_eq!(int_of("5_000\n"), Some(5000));
        assert_eq!(int_of("-1\n"), Some(-1));
        assert_eq!(int_of("- -+1\n"), Some(1));
        assert_eq!(int_of("~1\n"), None);
        assert_eq!(int_of("-x\n"), None);
        assert_eq!(int_of("99999999999999999999\n"), None);
    }

    #[test]
    fn regression_long_sign_chain_overflowed_the_stack() {
        assert_eq!(int_of(&format!("{}7\n", "-".repeat(100_001))), Some(-7));
    }
}
