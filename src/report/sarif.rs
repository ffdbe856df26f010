//! SARIF 2.1.0, as GitHub code scanning reads it: the registry's rules with their docs as help,
//! one result per finding with its region, fixes as `artifactChanges`, file errors as tool
//! notifications. Columns count characters (`columnKind: unicodeCodePoints`); an end column is
//! one past the last character, as SARIF defines it. Regions are in the file as it is on disk
//! after the run (as read, or as `--write` wrote it); `fixApplied` says a fix was written,
//! and in a dry run `fixWouldApply` that `--write` would apply it.

use super::Mode;
use super::{FileResult, Items, write_json};
use crate::codemods::{CODEMODS, Codemod};
use crate::fix::Diagnostic;
use serde::Serialize;
use serde_json::{Value, json};
use std::io::{self, Write};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The document's keys, in the order JSON objects are written.
#[derive(Serialize)]
struct Document<R> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [Run<R>; 1],
    version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<R> {
    column_kind: &'static str,
    invocations: Value,
    results: R,
    tool: Value,
}

pub fn write(
    out: &mut impl Write,
    mode: Mode,
    results: &[FileResult],
    errors: &[(String, String)],
) -> io::Result<()> {
    let rules: Vec<Value> = CODEMODS.iter().map(|c| rule(c)).collect();
    let findings = results
        .iter()
        .filter_map(|r| r.outcome.as_ref().map(|o| (r, o)))
        .flat_map(|(r, o)| {
            o.diagnostics
                .iter()
                .map(move |d| result(mode, &r.display, d))
        });
    let notifications: Vec<Value> = errors
        .iter()
        .map(|(path, message)| {
            json!({
                "level": "error",
                "message": {"text": format!("{path}: {message}")},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(path)}}}],
            })
        })
        .collect();
    let run = Run {
        column_kind: "unicodeCodePoints",
        invocations: json!([{
            "executionSuccessful": errors.is_empty(),
            "toolExecutionNotifications": notifications,
        }]),
        results: Items::new(findings),
        tool: json!({"driver": {
            "name": "infra-fix",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        }}),
    };
    let document = Document {
        schema: SCHEMA,
        runs: [run],
        version: "2.1.0",
    };
    write_json(out, &document)
}

fn rule(codemod: &Codemod) -> Value {
    json!({
        "id": codemod.id,
        "name": pascal_case(codemod.id),
        "shortDescription": {"text": codemod.title},
        "fullDescription": {"text": section(codemod.docs, "What it does").unwrap_or(codemod.title)},
        "help": {"text": codemod.docs, "markdown": codemod.docs},
        "defaultConfiguration": {"level": "warning", "enabled": codemod.default_enabled},
        "properties": {"fix": codemod.fix.as_str(), "tags": ["pulumi", "aws"]},
    })
}

fn result(mode: Mode, path: &str, d: &Diagnostic) -> Value {
    let index = CODEMODS
        .iter()
        .position(|c| c.id == d.finding.rule)
        .expect("findings come from the registry");
    let mut result = json!({
        "ruleId": d.finding.rule,
        "ruleIndex": index,
        "level": "warning",
        "message": {"text": d.finding.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": uri(path)},
            "region": region(d.start, d.end),
        }}],
    });
    if let Some(fix) = &d.finding.fix {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .zip(&d.edit_positions)
            .map(|(edit, (start, end))| {
                json!({
                    "deletedRegion": region(*start, *end),
                    "insertedContent": {"text": edit.text},
                })
            })
            .collect();
        let description = match fix.applicability {
            crate::edit::Applicability::Safe => "Safe fix (applied by `infra-fix --write`)",
            crate::edit::Applicability::Unsafe => {
                "Unsafe fix (applied by `infra-fix --write --unsafe-fixes`): review carefully"
            }
        };
        result["fixes"] = json!([{
            "description": {"text": description},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri(path)},
                "replacements": replacements,
            }],
        }]);
        result["properties"] = json!({
            "fixApplicability": fix.applicability.as_str(),
            "fixApplied": d.applied && mode == Mode::Write,
        });
        if mode == Mode::DryRun {
            result["properties"]["fixWouldApply"] = Value::Bool(d.applied);
        }
    }
    result
}

/// A SARIF region: 1-based lines and columns, the end column exclusive.
fn region(start: (usize, usize), end: (usize, usize)) -> Value {
    json!({
        "startLine": start.0,
        "startColumn": start.1,
        "endLine": end.0,
        "endColumn": end.1,
    })
}

/// A path as a URI reference: relative paths stay relative (GitHub resolves them against the
/// repository root), absolute ones become `file://` URIs; reserved characters are escaped.
pub fn uri(path: &str) -> String {
    let mut encoded = String::new();
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                encoded.push(byte as char)
            }
            _ => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    if path.starts_with('/') {
        format!("file://{encoded}")
    } else {
        encoded
    }
}

/// The text of a `## name` section of a rule's documentation, as one paragraph.
fn section<'a>(docs: &'a str, name: &str) -> Option<&'a str> {
    let start = docs.find(&format!("## {name}\n"))? + name.len() + 4;
    let rest = &docs[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    Some(rest[..end].trim())
}

fn pascal_case(id: &str) -> String {
    id.split('-')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("app/__main__.py"), "app/__main__.py");
        assert_eq!(uri("my app/x#1.py"), "my%20app/x%231.py");
        assert_eq!(uri("/tmp/x.py"), "file:///tmp/x.py");
        assert_eq!(pascal_case("eip-domain-vpc"), "EipDomainVpc");
    }

    #[test]
    fn full_description_is_the_what_it_does_section() {
        let docs = "## What it does\n\nFinds X.\n\n## Why is this bad?\n\nY.\n";
        assert_eq!(section(docs, "What it does"), Some("Finds X."));
    }
}
