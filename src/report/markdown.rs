//! The pull-request body of the bot (`--format markdown`): a summary table by rule with safe
//! and unsafe counts, then per file the fixes with their line numbers (unsafe ones flagged
//! "review carefully") and the findings left unfixed with the reason, then the files that
//! could not be processed.

use super::{FileResult, plural, unfixed_reason};
use crate::cli::Mode;
use crate::codemods::CODEMODS;
use crate::edit::Applicability;
use crate::fix::Diagnostic;
use std::fmt::Write;

/// Per rule: fixes applied (safe, unsafe) and findings left.
#[derive(Default, Clone, Copy)]
struct Row {
    safe: usize,
    unsafe_: usize,
    left: usize,
}

pub fn body(mode: Mode, results: &[FileResult], errors: &[(String, String)]) -> String {
    let mut rows = vec![Row::default(); CODEMODS.len()];
    let with_findings: Vec<(&FileResult, &[Diagnostic])> = results
        .iter()
        .filter_map(|r| r.outcome.as_ref().map(|o| (r, o.diagnostics.as_slice())))
        .filter(|(_, d)| !d.is_empty())
        .collect();
    for (_, diagnostics) in &with_findings {
        for d in *diagnostics {
            let i = CODEMODS
                .iter()
                .position(|c| c.id == d.finding.rule)
                .expect("findings come from the registry");
            match (d.applied, d.finding.fix.as_ref().map(|f| f.applicability)) {
                (true, Some(Applicability::Unsafe)) => rows[i].unsafe_ += 1,
                (true, _) => rows[i].safe += 1,
                (false, _) => rows[i].left += 1,
            }
        }
    }
    let fixed: usize = rows.iter().map(|r| r.safe + r.unsafe_).sum();
    let left: usize = rows.iter().map(|r| r.left).sum();
    let files_fixed = with_findings
        .iter()
        .filter(|(_, d)| d.iter().any(|d| d.applied))
        .count();
    let (verb, fixed_column) = match mode {
        Mode::Write => ("fixed", "Fixed"),
        Mode::DryRun | Mode::Check => ("to fix", "To fix"),
    };

    let mut md = String::from("<!-- infra-fix -->\n");
    if fixed == 0 && left == 0 && !errors.is_empty() {
        // Not "nothing to fix": what could not be checked or written may need fixes.
        let _ = writeln!(
            md,
            "## infra-fix: no findings, {}\n\nNo findings in the files checked; the errors listed below kept infra-fix from checking or writing some files.",
            plural(errors.len(), "error")
        );
    } else if fixed == 0 && left == 0 {
        md.push_str("## infra-fix: nothing to fix\n\nNo findings.\n");
    } else {
        let _ = writeln!(
            md,
            "## infra-fix: {} {verb} in {}\n",
            plural(fixed, "finding"),
            plural(files_fixed, "file")
        );
        if left > 0 {
            let _ = writeln!(
                md,
                "{} left unfixed: listed below with the reason.\n",
                plural(left, "finding")
            );
        }
        let _ = writeln!(
            md,
            "| Rule | {fixed_column} | Safe | Unsafe | Not fixed |\n|---|---:|---:|---:|---:|"
        );
        for (c, row) in CODEMODS.iter().zip(&rows) {
            if row.safe + row.unsafe_ + row.left > 0 {
                let _ = writeln!(
                    md,
                    "| `{}` | {} | {} | {} | {} |",
                    c.id,
                    row.safe + row.unsafe_,
                    row.safe,
                    row.unsafe_,
                    row.left
                );
            }
        }
        let total = rows.iter().fold(Row::default(), |a, r| Row {
            safe: a.safe + r.safe,
            unsafe_: a.unsafe_ + r.unsafe_,
            left: a.left + r.left,
        });
        let _ = writeln!(
            md,
            "| **Total** | {} | {} | {} | {} |\n",
            total.safe + total.unsafe_,
            total.safe,
            total.unsafe_,
            total.left
        );
        if total.unsafe_ > 0 {
            md.push_str("Unsafe fixes change what the program does at deployment (see `infra-fix explain RULE`, \"Fix safety\"): the ones marked **review carefully** need a reviewer's eye.\n\n");
        }
        md.push_str("### Files\n");
        for (r, diagnostics) in &with_findings {
            let _ = writeln!(md, "\n#### `{}`\n", r.display);
            for d in diagnostics.iter().filter(|d| d.applied) {
                let flag = match d.finding.fix.as_ref().map(|f| f.applicability) {
                    Some(Applicability::Unsafe) => " **unsafe fix: review carefully**",
                    _ => "",
                };
                let _ = writeln!(
                    md,
                    "- line {} `{}`: {}{flag}",
                    d.start.0,
                    d.finding.rule,
                    one_line(&d.finding.message)
                );
            }
            for d in diagnostics.iter().filter(|d| !d.applied) {
                let _ = writeln!(
                    md,
                    "- not fixed: line {} `{}`: {} (*{}*)",
                    d.start.0,
                    d.finding.rule,
                    one_line(&d.finding.message),
                    unfixed_reason(d, mode, r.unsafe_fixes)
                );
            }
        }
    }
    if !errors.is_empty() {
        md.push_str("\n### Not processed\n\n");
        for (path, message) in errors {
            let _ = writeln!(md, "- `{path}`: {}", one_line(message));
        }
    }
    let _ = write!(
        md,
        "\n---\nGenerated by infra-fix {}. `infra-fix explain RULE` documents each rule.\n",
        env!("CARGO_PKG_VERSION")
    );
    md
}

/// Keeps a list item on one line.
fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}
