//! Printers: unified diffs, finding lines and summaries for people; JSON, SARIF, GitHub
//! annotations, reviewdog diagnostics and a pull-request body for programs. Every format is
//! fed the same per-file results, in path order, so its output is byte-stable.

pub mod diff;
pub mod github;
pub mod json;
pub mod markdown;
pub mod rdjson;
pub mod rules;
pub mod sarif;
pub mod style;

use crate::cli::{Format, Mode};
use crate::edit::Applicability;
use crate::fix::{Diagnostic, Outcome};
use crate::source::Source;
use crate::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use std::io::{self, Write};

/// How a finding's fix stands under the current flags.
pub fn fix_note(diagnostic: &Diagnostic, unsafe_fixes: bool) -> &'static str {
    match &diagnostic.finding.fix {
        Some(_) if diagnostic.applied => " [*]",
        Some(fix) if fix.applicability == crate::edit::Applicability::Unsafe && !unsafe_fixes => {
            " (fix available with --unsafe-fixes)"
        }
        Some(_) => " [*]",
        None => "",
    }
}

/// `path:line:col: rule-id message [*]`, coloured when `color`.
pub fn finding_line(
    path: &str,
    diagnostic: &Diagnostic,
    unsafe_fixes: bool,
    color: bool,
) -> String {
    let (line, col) = diagnostic.start;
    let paint = style::Paint(color);
    format!(
        "{}{}{} {} {}{}",
        paint.path(path),
        paint.dim(":"),
        paint.dim(&format!("{line}:{col}:")),
        paint.rule(diagnostic.finding.rule),
        diagnostic.finding.message,
        paint.fixable(fix_note(diagnostic, unsafe_fixes))
    )
}

/// Why a finding is still there, in a few words, for the pull-request body.
pub fn unfixed_reason(diagnostic: &Diagnostic, mode: Mode, unsafe_fixes: bool) -> &'static str {
    match &diagnostic.finding.fix {
        None => "no automatic fix: a human decides",
        Some(fix) if fix.applicability == Applicability::Unsafe && !unsafe_fixes => {
            "the fix is unsafe: run with --unsafe-fixes"
        }
        Some(_) if mode == Mode::Check => "not applied (--check)",
        Some(_) => "its fix overlapped another one: run infra-fix again",
    }
}

pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// What the printer needs to know of the command line.
pub struct Options {
    pub mode: Mode,
    pub format: Format,
    pub unsafe_fixes: bool,
    pub quiet: bool,
    /// Colour the text printed on stdout / stderr (never machine formats).
    pub color: bool,
    pub color_stderr: bool,
    /// The report goes to a file: a summary on stderr tells the person what happened.
    pub to_file: bool,
}

/// What happened to one file.
#[derive(Debug)]
pub struct FileResult {
    pub display: String,
    /// The file as read, when it was read and decoded.
    pub source: Option<Source>,
    pub outcome: Option<Outcome>,
    pub errors: Vec<String>,
    /// Whether unsafe fixes were allowed for this file (flag or configuration).
    pub unsafe_fixes: bool,
}

impl FileResult {
    pub fn changed(&self) -> bool {
        matches!((&self.source, &self.outcome), (Some(s), Some(o)) if s.text != o.text)
    }
}

/// Findings counted for the summary line.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    fixed: usize,
    remaining: usize,
    /// Remaining findings whose fix the current flags allow (reported by `--check`).
    fixable: usize,
    needs_unsafe: usize,
}

/// Prints every file's result in order (diffs or findings on `out`, summary and errors on
/// stderr) and returns the exit code.
pub fn print(
    options: &Options,
    results: &[FileResult],
    walk_errors: &[(String, String)],
    out: &mut impl Write,
) -> io::Result<i32> {
    let mut errors: Vec<(String, String)> = walk_errors.to_vec();
    for r in results {
        errors.extend(r.errors.iter().map(|e| (r.display.clone(), e.clone())));
    }
    let outcomes = || {
        results
            .iter()
            .filter_map(|r| r.outcome.as_ref().map(|o| (r, o)))
    };
    let mut counts = Counts::default();
    for (r, o) in outcomes() {
        counts.fixed += o.fixed().count();
        for d in o.remaining() {
            counts.remaining += 1;
            match d.finding.fix.as_ref().map(|f| f.applicability) {
                Some(Applicability::Safe) => counts.fixable += 1,
                Some(Applicability::Unsafe) if r.unsafe_fixes => counts.fixable += 1,
                Some(Applicability::Unsafe) => counts.needs_unsafe += 1,
                None => {}
            }
        }
    }
    let Counts {
        fixed, remaining, ..
    } = counts;
    let changed: Vec<&str> = results
        .iter()
        .filter(|r| r.changed())
        .map(|r| r.display.as_str())
        .collect();

    let mut err = io::stderr().lock();
    match options.format {
        Format::Json => {
            let files: Vec<json::FileFindings> = outcomes()
                .map(|(r, o)| json::FileFindings {
                    path: &r.display,
                    diagnostics: &o.diagnostics,
                })
                .collect();
            out.write_all(json::document(&files, &changed, &errors).as_bytes())?;
        }
        Format::Sarif => out.write_all(sarif::document(results, &errors).as_bytes())?,
        Format::Github => out.write_all(github::annotations(results, &errors).as_bytes())?,
        Format::Rdjson => out.write_all(rdjson::document(results).as_bytes())?,
        Format::Markdown => {
            out.write_all(markdown::body(options.mode, results, &errors).as_bytes())?
        }
        Format::Text => {
            for (r, o) in outcomes() {
                match options.mode {
                    Mode::Check => {
                        for d in &o.diagnostics {
                            let line = finding_line(&r.display, d, r.unsafe_fixes, options.color);
                            writeln!(out, "{line}")?;
                        }
                    }
                    Mode::DryRun | Mode::Write => {
                        if options.mode == Mode::DryRun {
                            let source = r.source.as_ref().expect("an outcome has a source");
                            let diff = diff::unified(
                                &r.display,
                                &source.contents(&source.text),
                                &source.contents(&o.text),
                            );
                            let diff = if options.color {
                                style::color_diff(&diff)
                            } else {
                                diff
                            };
                            out.write_all(diff.as_bytes())?;
                        }
                        if !options.quiet {
                            for d in o.remaining() {
                                let line = finding_line(
                                    &r.display,
                                    d,
                                    r.unsafe_fixes,
                                    options.color_stderr,
                                );
                                writeln!(err, "{line}")?;
                            }
                        }
                    }
                }
            }
        }
    }
    if !options.quiet && (options.format == Format::Text || options.to_file) {
        let summary = summary(options.mode, counts, changed.len());
        writeln!(err, "{}", style::Paint(options.color_stderr).bold(&summary))?;
    }
    let paint = style::Paint(options.color_stderr);
    for (path, message) in &errors {
        writeln!(err, "{} {path}: {message}", paint.error("error:"))?;
    }
    out.flush()?;

    let code = if !errors.is_empty() {
        EXIT_ERROR
    } else {
        let found = match options.mode {
            Mode::Check => remaining > 0,
            Mode::DryRun => fixed > 0 || remaining > 0,
            Mode::Write => remaining > 0,
        };
        if found { EXIT_FINDINGS } else { EXIT_CLEAN }
    };
    Ok(code)
}

fn summary(mode: Mode, counts: Counts, files: usize) -> String {
    let Counts {
        fixed,
        remaining,
        fixable,
        needs_unsafe,
    } = counts;
    let unsafe_note = if needs_unsafe > 0 {
        format!(
            ", {needs_unsafe} {} --unsafe-fixes",
            if needs_unsafe == 1 { "needs" } else { "need" }
        )
    } else {
        String::new()
    };
    match mode {
        Mode::Check if remaining == 0 => "No findings.".to_string(),
        Mode::Check => format!(
            "Found {} ({fixable} fixable with --write{unsafe_note}).",
            plural(remaining, "finding")
        ),
        _ if fixed == 0 && remaining == 0 => "No findings.".to_string(),
        Mode::Write | Mode::DryRun => format!(
            "{} {} in {} ({} remaining{unsafe_note})",
            if mode == Mode::Write {
                "Fixed"
            } else {
                "Would fix"
            },
            plural(fixed, "finding"),
            plural(files, "file"),
            remaining
        ),
    }
}
