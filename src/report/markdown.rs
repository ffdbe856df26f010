//! The pull-request body of the bot (`--format markdown`): a summary table by rule with safe
//! and unsafe counts, then per file the fixes with their line numbers (unsafe ones flagged
//! "review carefully") and the findings left unfixed with the reason, then the files that
//! could not be processed.

use super::Mode;
use super::{FileResult, plural, unfixed_reason};
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

/// The upgrade pull request's body (`infra-fix upgrade --to N --format markdown`): what was
/// rewritten, change by change (the row of the upgrade guide, how many, in which files), what
/// is left to a person with the step each needs, and the state steps the guide requires
/// before the upgrade is done. Then per file the lines, as in the fixes body.
pub fn upgrade_body(
    to: u64,
    mode: Mode,
    results: &[FileResult],
    errors: &[(String, String)],
) -> String {
    let with_findings: Vec<(&FileResult, &[Diagnostic])> = results
        .iter()
        .filter_map(|r| r.outcome.as_ref().map(|o| (r, o.diagnostics.as_slice())))
        .filter(|(_, d)| !d.is_empty())
        .collect();
    // Per change, in the guide's order (the dependency pin, which has no row, first): how
    // many rewrites, how many of them unsafe, and the files.
    let mut changes: std::collections::BTreeMap<Change, (usize, usize, Vec<&str>)> =
        Default::default();
    let mut left: Vec<(&FileResult, &Diagnostic)> = Vec::new();
    for (r, diagnostics) in &with_findings {
        for d in diagnostics.iter() {
            if !d.applied {
                left.push((r, d));
                continue;
            }
            let entry = changes.entry(Change::of(d)).or_default();
            entry.0 += 1;
            if d.finding.fix.as_ref().map(|f| f.applicability) == Some(Applicability::Unsafe) {
                entry.1 += 1;
            }
            if !entry.2.contains(&r.display.as_str()) {
                entry.2.push(&r.display);
            }
        }
    }
    let rewritten: usize = changes.values().map(|c| c.0).sum();
    let unsafe_: usize = changes.values().map(|c| c.1).sum();
    let files = with_findings
        .iter()
        .filter(|(_, d)| d.iter().any(|d| d.applied))
        .count();
    let verb = match mode {
        Mode::Write => "rewritten",
        Mode::DryRun | Mode::Check => "to rewrite",
    };

    let mut md =
        format!("<!-- infra-fix upgrade -->\n## infra-fix: upgrade to pulumi-aws {to}\n\n");
    if rewritten == 0 && left.is_empty() {
        if errors.is_empty() {
            md.push_str(
                "Nothing to upgrade: no file of a project on the previous major needs a change.\n",
            );
        } else {
            let _ = writeln!(
                md,
                "Nothing to upgrade in the files read; {} (below) kept infra-fix from reading or writing some files.",
                plural(errors.len(), "error")
            );
        }
    } else {
        let _ = writeln!(
            md,
            "{} {verb} in {}; {} left to a person.\n",
            plural(rewritten, "change"),
            plural(files, "file"),
            plural(left.len(), "finding")
        );
        if rewritten > 0 {
            let _ = writeln!(
                md,
                "### {}\n\n| Change | Count | Files |\n|---|---:|---|",
                capitalized(verb)
            );
            for (change, (count, unsafe_count, files)) in &changes {
                let flag = if *unsafe_count > 0 {
                    format!(" ({unsafe_count} unsafe: **review carefully**)")
                } else {
                    String::new()
                };
                let files: Vec<String> = files.iter().map(|f| format!("`{f}`")).collect();
                let _ = writeln!(
                    md,
                    "| {}{flag} | {count} | {} |",
                    change.title(to),
                    files.join(", ")
                );
            }
            md.push('\n');
            if unsafe_ > 0 {
                md.push_str("Unsafe rewrites change a state type or a behaviour that the old major had by default (see `infra-fix explain RULE`, \"Fix safety\"): read each one in the diff.\n\n");
            }
        }
        if !left.is_empty() {
            md.push_str("### Left to a person\n\nEach needs the step its line names, before the `pulumi up` below:\n\n");
            for (r, d) in &left {
                let _ = writeln!(
                    md,
                    "- `{}` line {}: {} (*{}*)",
                    r.display,
                    d.start.0,
                    one_line(&d.finding.message),
                    unfixed_reason(d, mode, r.unsafe_fixes)
                );
            }
            md.push('\n');
        }
        md.push_str(&state_steps(to));
        md.push_str("\n### Files\n");
        for (r, diagnostics) in &with_findings {
            let applied: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.applied).collect();
            if applied.is_empty() {
                continue;
            }
            let _ = writeln!(md, "\n#### `{}`\n", r.display);
            for d in applied {
                let flag = match d.finding.fix.as_ref().map(|f| f.applicability) {
                    Some(Applicability::Unsafe) => " **unsafe: review carefully**",
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
        "\n---\nGenerated by `infra-fix upgrade --to {to}` ({}). `infra-fix explain RULE` documents each rule.\n",
        env!("CARGO_PKG_VERSION")
    );
    md
}

/// What the state needs once the source is upgraded, from the provider's upgrade guide.
fn state_steps(to: u64) -> String {
    let one_time = if to == 7 {
        " other than the one-time diffs the guide documents: `tags` shown as removed where `defaultTags` apply (AWS keeps them) and `region` added to each resource"
    } else {
        ""
    };
    format!(
        "### Before merging: the state steps\n\n\
1. Install the upgraded requirements (`pulumi-aws` {to}.x) where the program runs.\n\
2. For each stack, run `pulumi up --refresh --run-program` once: it moves the stack's state to pulumi-aws {to}. Read its preview before answering yes.\n\
3. The preview must show no change{one_time}. **If it shows a replace, stop**: answer no and do not merge; a change above does not mean on {to} what it meant before, so report it.\n"
    )
}

/// What an applied upgrade rewrite is grouped under: its row of the upgrade guide, or, for a
/// change the guide has no row for (the dependency pin), its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Change {
    Rule(&'static str),
    Row(u8),
}

impl Change {
    fn of(d: &Diagnostic) -> Change {
        match crate::pulumi::upgrade::guide_row(&d.finding.message) {
            Some(row) => Change::Row(row),
            None => Change::Rule(d.finding.rule),
        }
    }

    fn title(&self, to: u64) -> String {
        match *self {
            Change::Row(row) => {
                let title = (to == 7)
                    .then(|| crate::pulumi::upgrade::v7_row_title(row))
                    .flatten()
                    .unwrap_or("");
                format!("row {row}: {title}")
            }
            // The rule's title without its "(upgrade --to N)".
            Change::Rule(id) => CODEMODS.iter().find(|c| c.id == id).map_or_else(
                || format!("`{id}`"),
                |c| {
                    let title = c.title.split(" (upgrade").next().unwrap_or(c.title);
                    format!("`{id}`: {title}")
                },
            ),
        }
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().collect::<String>() + chars.as_str()
    })
}
