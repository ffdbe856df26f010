//! `--add-ignore` (ruff's `--add-noqa`): an ignore comment for each finding, on a line where it
//! suppresses it, merged into the line's ignore comment when it has one. A baseline for adopting
//! infra-fix on a large codebase: nothing is fixed.

use crate::edit::{Edit, apply_edits, line_end, line_start};
use crate::source::{first_syntax_error, line_col, parse};
use crate::suppression::{DIRECTIVE, Directives, enclosing_call};
use std::collections::BTreeMap;
use tree_sitter::Tree;

/// What adding the comments made of a text.
#[derive(Debug, PartialEq, Eq)]
pub struct Added {
    pub text: String,
    /// Rule ids written (an id a line's comment already names is not counted).
    pub ids: usize,
    /// `line N: ...` for each finding no comment could be put for, and the file's other
    /// warnings (unknown ids).
    pub warnings: Vec<String>,
}

impl Added {
    /// Nothing added, and these warnings.
    pub fn nothing(warnings: Vec<String>) -> Added {
        Added {
            text: String::new(),
            ids: 0,
            warnings,
        }
    }
}

/// `text` with ignore comments for `findings` (rule id, byte offset where it starts in `text`).
/// `Err` when the result would not parse, which would be a bug here: nothing is then written.
pub fn add(text: &str, findings: &[(&str, usize)]) -> Result<Added, String> {
    let tree = parse(text);
    let mut by_line: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    let mut warnings = Vec::new();
    for &(rule, offset) in findings {
        match comment_line(text, &tree, offset) {
            Some(line) => by_line.entry(line).or_default().push(rule),
            None => warnings.push(format!(
                "{}: no line to put `# {DIRECTIVE}[{rule}]` on (its line and its call's first line end inside a string or with a `\\`); add it by hand",
                line_col(text, offset).0
            )),
        }
    }
    let directives = Directives::of(text, &tree);
    let mut edits = Vec::new();
    let mut ids = 0;
    for (line, mut rules) in by_line {
        rules.sort_unstable();
        rules.dedup();
        // A bracketed directive on the line takes the new ids; one already there is not added.
        let existing = directives
            .on_line(line)
            .find(|d| d.ids.is_some() && text[..d.span.end].ends_with(']'));
        match existing {
            Some(d) => {
                let named: Vec<&str> = (0..d.ids.as_ref().map_or(0, Vec::len))
                    .map(|i| d.id(text, i))
                    .collect();
                rules.retain(|r| !named.contains(r));
                if rules.is_empty() {
                    continue;
                }
                let separator = if named.is_empty() { "" } else { ", " };
                ids += rules.len();
                edits.push(Edit::insert(
                    d.span.end - 1,
                    format!("{separator}{}", rules.join(", ")),
                ));
            }
            None => {
                let end = line_end(text, line);
                let content_end = line + text[line..end].trim_end().len();
                ids += rules.len();
                edits.push(Edit {
                    start: content_end,
                    end,
                    text: format!("  # {DIRECTIVE}[{}]", rules.join(", ")),
                });
            }
        }
    }
    let edits: Vec<&Edit> = edits.iter().collect();
    let added = apply_edits(text, &edits);
    if let Some(node) = first_syntax_error(&parse(&added)) {
        let (line, _) = line_col(&added, node.start_byte());
        return Err(format!(
            "internal error: ignore comments would have broken the syntax at line {line}; none written to this file, please report it"
        ));
    }
    Ok(Added {
        text: added,
        ids,
        warnings,
    })
}

/// Start of the line an ignore comment for a finding at `offset` goes on: the finding's own
/// line, else the first line of the call it is in (both suppress it), when the line can end
/// with a comment.
fn comment_line(text: &str, tree: &Tree, offset: usize) -> Option<usize> {
    let own = line_start(text, offset);
    let call = enclosing_call(tree, offset).map(|c| line_start(text, c));
    [Some(own), call]
        .into_iter()
        .flatten()
        .find(|&line| takes_a_comment(text, tree, line))
}

/// True when a comment can be written at the end of the line starting at `line`: it does not
/// end inside a string (a multi-line one) or with a line continuation.
fn takes_a_comment(text: &str, tree: &Tree, line: usize) -> bool {
    let end = line_end(text, line);
    let content_end = line + text[line..end].trim_end().len();
    if content_end == line {
        return false;
    }
    let last = tree
        .root_node()
        .descendant_for_byte_range(content_end - 1, content_end);
    let mut node = last;
    while let Some(n) = node {
        if n.kind() == "comment" {
            return true;
        }
        if n.kind() == "string" && n.end_byte() > end {
            return false;
        }
        node = n.parent();
    }
    !text[..content_end].ends_with('\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn added(text: &str, findings: &[(&str, &str)]) -> Added {
        let findings: Vec<(&str, usize)> = findings
            .iter()
            .map(|(rule, at)| (*rule, text.find(at).unwrap()))
            .collect();
        add(text, &findings).unwrap()
    }

    #[test]
    fn comments_go_on_the_findings_line_merged_with_the_ignore_there() {
        let text =
            "a = f()\r\nb = g()  # infra-fix: ignore[r1]\r\nc = h()  # a note\r\n\td = f()   \r\n";
        let out = added(
            text,
            &[
                ("r2", "a ="),
                ("r1", "a ="),
                ("r2", "a ="),
                ("r2", "g()"),
                ("r1", "g()"),
                ("r3", "c ="),
                ("r1", "d ="),
            ],
        );
        assert_eq!(
            out.text,
            "a = f()  # infra-fix: ignore[r1, r2]\r\nb = g()  # infra-fix: ignore[r1, r2]\r\nc = h()  # a note  # infra-fix: ignore[r3]\r\n\td = f()  # infra-fix: ignore[r1]\r\n"
        );
        assert_eq!(out.ids, 5);
        assert!(out.warnings.is_empty());
    }

    #[test]
    fn a_line_ending_inside_a_string_or_a_continuation_takes_the_calls_line_or_none() {
        let text = "x = f(\n    doc=\"\"\"one\n    two\"\"\", y=1,\n)\nz = 1 + \\\n    g(\"\"\"a\nb\"\"\")\n";
        let out = added(text, &[("r1", "doc="), ("r2", "y=1"), ("r3", "z =")]);
        assert_eq!(
            out.text,
            "x = f(  # infra-fix: ignore[r1]\n    doc=\"\"\"one\n    two\"\"\", y=1,  # infra-fix: ignore[r2]\n)\nz = 1 + \\\n    g(\"\"\"a\nb\"\"\")\n"
        );
        assert_eq!(out.ids, 2);
        assert_eq!(out.warnings.len(), 1);
        assert!(out.warnings[0].starts_with("5: no line to put"));
    }
}
