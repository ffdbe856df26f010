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
//! them; an end is exclusive and a suggestion with equal start and end inserts. Findings whose
//! fix was already applied (`--write`, `--dry-run`) carry no suggestion: their code is gone.

use super::FileResult;
use crate::edit::Applicability;
use serde_json::{Value, json};

pub fn document(results: &[FileResult]) -> String {
    let mut diagnostics = Vec::new();
    for r in results {
        let (Some(source), Some(outcome)) = (&r.source, &r.outcome) else {
            continue;
        };
        for d in &outcome.diagnostics {
            // A finding is located in the text it was found in: the input for a fix that was
            // applied, the fixed text for what remains.
            let text = if d.applied {
                &source.text
            } else {
                &outcome.text
            };
            let mut message = d.finding.message.clone();
            let mut diagnostic = json!({
                "location": {"path": r.display, "range": range(text, d.start, d.end)},
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
                    .map(|(edit, (start, end))| {
                        json!({"range": range(text, *start, *end), "text": edit.text})
                    })
                    .collect();
                diagnostic["suggestions"] = Value::Array(suggestions);
            }
            diagnostic["message"] = Value::String(message);
            diagnostics.push(diagnostic);
        }
    }
    let doc = json!({
        "source": {"name": "infra-fix"},
        "severity": "WARNING",
        "diagnostics": diagnostics,
    });
    serde_json::to_string_pretty(&doc).expect("JSON values serialize") + "\n"
}

fn range(text: &str, start: (usize, usize), end: (usize, usize)) -> Value {
    json!({"start": position(text, start), "end": position(text, end)})
}

/// A (line, character column) as reviewdog's (line, byte column).
fn position(text: &str, (line, column): (usize, usize)) -> Value {
    let line_text = text.split('\n').nth(line - 1).unwrap_or("");
    let bytes: usize = line_text
        .chars()
        .take(column.saturating_sub(1))
        .map(char::len_utf8)
        .sum();
    json!({"line": line, "column": bytes + 1})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf8_bytes() {
        let text = "x = 1\né = aws.ec2.Eip('e', vpc=True)\n";
        // The character after `é` is the second of line 2 and starts at its third byte.
        assert_eq!(position(text, (2, 2)), json!({"line": 2, "column": 3}));
        assert_eq!(position(text, (1, 3)), json!({"line": 1, "column": 3}));
    }
}
