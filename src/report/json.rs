//! The JSON report: one document with every finding, the files changed and the errors.

use crate::fix::Diagnostic;
use serde_json::{Value, json};

pub struct FileFindings<'a> {
    pub path: &'a str,
    pub diagnostics: &'a [Diagnostic],
}

pub fn document(
    files: &[FileFindings],
    files_changed: &[&str],
    errors: &[(String, String)],
) -> String {
    let findings: Vec<Value> = files
        .iter()
        .flat_map(|f| f.diagnostics.iter().map(move |d| finding(f.path, d)))
        .collect();
    let errors: Vec<Value> = errors
        .iter()
        .map(|(path, message)| json!({"path": path, "message": message}))
        .collect();
    let doc = json!({
        "version": 1,
        "findings": findings,
        "files_changed": files_changed,
        "errors": errors,
    });
    serde_json::to_string_pretty(&doc).expect("JSON values serialize") + "\n"
}

fn position((line, column): (usize, usize)) -> Value {
    json!({"line": line, "column": column})
}

fn finding(path: &str, d: &Diagnostic) -> Value {
    let fix = d.finding.fix.as_ref().map(|fix| {
        let edits: Vec<Value> = fix
            .edits
            .iter()
            .zip(&d.edit_positions)
            .map(|(edit, (start, end))| json!({"start": position(*start), "end": position(*end), "content": edit.text}))
            .collect();
        json!({"applicability": fix.applicability.as_str(), "applied": d.applied, "edits": edits})
    });
    json!({
        "rule": d.finding.rule,
        "path": path,
        "line": d.start.0,
        "column": d.start.1,
        "end_line": d.end.0,
        "end_column": d.end.1,
        "message": d.finding.message,
        "severity": crate::codemods::find(d.finding.rule)
            .map_or("warning", |(_, c)| c.severity.as_str()),
        "fix": fix,
    })
}
