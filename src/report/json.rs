//! The JSON report: one document with every finding, the files changed and the errors.

use super::{Items, write_json};
use crate::fix::Diagnostic;
use serde::Serialize;
use serde_json::{Value, json};
use std::io::{self, Write};

pub struct FileFindings<'a> {
    pub path: &'a str,
    pub diagnostics: &'a [Diagnostic],
}

/// The document's keys, in the order JSON objects are written.
#[derive(Serialize)]
struct Document<'a, F> {
    errors: Vec<Value>,
    files_changed: &'a [&'a str],
    findings: F,
    version: u32,
}

pub fn write(
    out: &mut impl Write,
    files: &[FileFindings],
    files_changed: &[&str],
    errors: &[(String, String)],
) -> io::Result<()> {
    let findings = files
        .iter()
        .flat_map(|f| f.diagnostics.iter().map(move |d| finding(f.path, d)));
    let errors: Vec<Value> = errors
        .iter()
        .map(|(path, message)| json!({"path": path, "message": message}))
        .collect();
    let document = Document {
        errors,
        files_changed,
        findings: Items::new(findings),
        version: 1,
    };
    write_json(out, &document)
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
