//! reviewdog's Diagnostic Format (`reviewdog -f=rdjson`): one document, each finding a
//! diagnostic whose fix edits are `suggestions`, which reviewdog posts as suggested changes.
//!
//! ```json
//! {"source": {"name": "infra-fix"}, "severity": "WARNING", "diagnostics": [
//!   {"message": "...", "severity": "WARNING", "code": {"value": "eip-domain-vpc"},
//!    "location": {"path": "main.py", "range": {"start": {"line": 3, "column": 24},
//!                                              "end": {"line": 3, "column": 32}}},
//!    "suggestions": [{"range": {...}, "text": "domain=\"vpc\""}]}]}
//! ```
//!
//! Lines are 1-based; columns are 1-based UTF-8 byte offsets in the line, as reviewdog counts
//! them; an end is exclusive and a suggestion with equal start and end inserts. Positions are
//! in the file as it is on disk after the run (as read, or as `--write` wrote it). Findings
//! whose fix the run applied (`--write`) or shows in its diff (`--dry-run`) carry no
//! suggestion.

use super::{FileResult, Items, write_json};
use crate::edit::Applicability;
use crate::fix::{Diagnostic, Positions};
use crate::source::LineIndex;
use serde::Serialize;
use serde_json::{Value, json};
use std::io::{self, Write};

/// The document's keys, in the order JSON objects are written.
#[derive(Serialize)]
struct Document<D> {
    diagnostics: D,
    severity: &'static str,
    source: Value,
}

pub fn write(out: &mut impl Write, results: &[FileResult]) -> io::Result<()> {
    let diagnostics = results
        .iter()
        .filter_map(|r| match (&r.source, &r.outcome) {
            (Some(source), Some(outcome)) => Some((r, source, outcome)),
            _ => None,
        })
        .flat_map(|(r, source, outcome)| {
            let lines = Lines::new(match outcome.positions {
                Positions::Input => &source.text,
                Positions::Output => &outcome.text,
            });
            outcome
                .diagnostics
                .iter()
                .map(move |d| diagnostic(&r.display, &lines, d))
        });
    let document = Document {
        diagnostics: Items::new(diagnostics),
        severity: "WARNING",
        source: json!({"name": "infra-fix"}),
    };
    write_json(out, &document)
}

fn diagnostic(path: &str, lines: &Lines, d: &Diagnostic) -> Value {
    let mut message = d.finding.message.clone();
    let mut diagnostic = json!({
        "location": {"path": path, "range": lines.range(d.start, d.end)},
        "severity": "WARNING",
        "code": {"value": d.finding.rule},
    });
    if let (Some(fix), false) = (&d.finding.fix, d.applied) {
        if fix.applicability == Applicability::Unsafe {
            message.push_str(" (unsafe fix: review carefully)");
        }
        let suggestions: Vec<Value> = fix
            .edits
            .iter()
            .zip(&d.edit_positions)
            .map(|(edit, (start, end))| json!({"range": lines.range(*start, *end), "text": edit.text}))
            .collect();
        diagnostic["suggestions"] = Value::Array(suggestions);
    }
    diagnostic["message"] = Value::String(message);
    diagnostic
}

/// A text and its line index: a file's findings are placed without scanning it from the top
/// for each.
struct Lines<'a> {
    text: &'a str,
    index: LineIndex,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text,
            index: LineIndex::new(text),
        }
    }

    fn range(&self, start: (usize, usize), end: (usize, usize)) -> Value {
        json!({"start": self.position(start), "end": self.position(end)})
    }

    /// A (line, character column) as reviewdog's (line, byte column).
    fn position(&self, (line, column): (usize, usize)) -> Value {
        let bytes: usize = self
            .index
            .line(self.text, line)
            .chars()
            .take(column.saturating_sub(1))
            .map(char::len_utf8)
            .sum();
        json!({"line": line, "column": bytes + 1})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf8_bytes() {
        let text = "x = 1\né = aws.ec2.Eip('e', vpc=True)\n";
        // The character after `é` is the second of line 2 and starts at its third byte.
        let lines = Lines::new(text);
        assert_eq!(lines.position((2, 2)), json!({"line": 2, "column": 3}));
        assert_eq!(lines.position((1, 3)), json!({"line": 1, "column": 3}));
        // The last line, without a final newline, and a line past the end.
        let lines = Lines::new("a\nbé c");
        assert_eq!(lines.position((2, 4)), json!({"line": 2, "column": 5}));
        assert_eq!(lines.position((3, 1)), json!({"line": 3, "column": 1}));
    }
}
