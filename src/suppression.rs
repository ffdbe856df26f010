//! Suppression comments: `# infra-fix: ignore`, `# infra-fix: ignore[rule-id, other-id]` on the
//! flagged line or alone on the line above it, and `# infra-fix: ignore-file` in the first
//! ten lines.

use crate::edit::line_start;
use tree_sitter::Tree;

const DIRECTIVE: &str = "infra-fix: ignore";

/// True when a `# infra-fix: ignore-file` comment stands in the first ten lines.
pub fn file_is_ignored(text: &str, tree: &Tree) -> bool {
    let head_end = text
        .match_indices('\n')
        .nth(9)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..head_end];
    head.match_indices("infra-fix: ignore-file")
        .any(|(i, _)| in_comment(tree, i))
}

/// True when a directive names `rule` (or no rule at all) on the finding's line, on the first
/// line of the call the finding is in, or alone on the line above either.
pub fn is_suppressed(text: &str, tree: &Tree, offset: usize, rule: &str) -> bool {
    let mut lines = vec![line_start(text, offset)];
    if let Some(call) = enclosing_call(tree, offset) {
        lines.push(line_start(text, call));
    }
    lines.into_iter().any(|start| {
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        if line_suppresses(text, tree, start, end, rule) {
            return true;
        }
        if start == 0 {
            return false;
        }
        let above_end = start - 1;
        let above_start = line_start(text, above_end);
        text[above_start..above_end].trim_start().starts_with('#')
            && line_suppresses(text, tree, above_start, above_end, rule)
    })
}

/// Start of the innermost call around `offset`: a finding on an argument belongs to its call.
fn enclosing_call(tree: &Tree, offset: usize) -> Option<usize> {
    let mut node = tree.root_node().descendant_for_byte_range(offset, offset);
    while let Some(n) = node {
        if n.kind() == "call" {
            return Some(n.start_byte());
        }
        node = n.parent();
    }
    None
}

fn line_suppresses(text: &str, tree: &Tree, start: usize, end: usize, rule: &str) -> bool {
    let line = &text[start..end];
    line.match_indices(DIRECTIVE).any(|(i, _)| {
        let at = start + i;
        if !in_comment(tree, at) {
            return false;
        }
        let rest = &line[i + DIRECTIVE.len()..];
        if rest.starts_with("-file") {
            return false;
        }
        match rest.strip_prefix('[') {
            Some(list) => list
                .split(']')
                .next()
                .is_some_and(|ids| ids.split(',').any(|id| id.trim() == rule)),
            None => true,
        }
    })
}

fn in_comment(tree: &Tree, offset: usize) -> bool {
    tree.root_node()
        .descendant_for_byte_range(offset, offset)
        .is_some_and(|n| n.kind() == "comment")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::parse;

    #[test]
    fn directives_apply_to_their_line_and_the_line_below() {
        let text = "a = f()  # infra-fix: ignore\n# infra-fix: ignore[r1, r2]\nb = f()\nc = f()  # infra-fix: ignore[r3]\nd = '# infra-fix: ignore'\n";
        let tree = parse(text);
        let at = |s: &str| text.find(s).unwrap();
        assert!(is_suppressed(text, &tree, at("a ="), "any"));
        assert!(is_suppressed(text, &tree, at("b ="), "r2"));
        assert!(!is_suppressed(text, &tree, at("b ="), "r3"));
        assert!(is_suppressed(text, &tree, at("c ="), "r3"));
        assert!(!is_suppressed(text, &tree, at("c ="), "r1"));
        // Inside a string it is not a directive.
        assert!(!is_suppressed(text, &tree, at("d ="), "r1"));
    }

    #[test]
    fn a_directive_on_the_call_covers_findings_on_its_arguments() {
        let text = "e = f(  # infra-fix: ignore[r1]\n    vpc=True,\n)\n# infra-fix: ignore\ng = f(\n    x=0,\n)\nh = f(\n    y=0,\n)\n";
        let tree = parse(text);
        let at = |s: &str| text.find(s).unwrap();
        assert!(is_suppressed(text, &tree, at("vpc"), "r1"));
        assert!(!is_suppressed(text, &tree, at("vpc"), "r2"));
        assert!(is_suppressed(text, &tree, at("x=0"), "r2"));
        assert!(!is_suppressed(text, &tree, at("y=0"), "r1"));
    }

    #[test]
    fn ignore_file_only_in_the_first_ten_lines() {
        let text = "# infra-fix: ignore-file\nx = 1\n";
        assert!(file_is_ignored(text, &parse(text)));
        let late = format!("{}# infra-fix: ignore-file\n", "x = 1\n".repeat(10));
        assert!(!file_is_ignored(&late, &parse(&late)));
    }
}
