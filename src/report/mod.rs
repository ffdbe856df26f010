//! Printers: unified diffs, finding lines and summaries for people, JSON for programs.

pub mod diff;
pub mod json;
pub mod rules;

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

/// `path:line:col: rule-id message [*]`
pub fn finding_line(path: &str, diagnostic: &Diagnostic, unsafe_fixes: bool) -> String {
    let (line, col) = diagnostic.start;
    format!(
        "{path}:{line}:{col}: {} {}{}",
        diagnostic.finding.rule,
        diagnostic.finding.message,
        fix_note(diagnostic, unsafe_fixes)
    )
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
}

/// What happened to one file.
#[derive(Debug)]
pub struct FileResult {
    pub display: String,
    /// The file as read, when it was read and decoded.
    pub source: Option<Source>,
    pub outcome: Option<Outcome>,
    pub errors: Vec<String>,
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
    for (_, o) in outcomes() {
        counts.fixed += o.fixed().count();
        for d in o.remaining() {
            counts.remaining += 1;
            match d.finding.fix.as_ref().map(|f| f.applicability) {
                Some(Applicability::Safe) => counts.fixable += 1,
                Some(Applicability::Unsafe) if options.unsafe_fixes => counts.fixable += 1,
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
        Format::Text => {
            let mut err = io::stderr().lock();
            for (r, o) in outcomes() {
                match options.mode {
                    Mode::Check => {
                        for d in &o.diagnostics {
                            writeln!(out, "{}", finding_line(&r.display, d, options.unsafe_fixes))?;
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
                            out.write_all(diff.as_bytes())?;
                        }
                        if !options.quiet {
                            for d in o.remaining() {
                                writeln!(
                                    err,
                                    "{}",
                                    finding_line(&r.display, d, options.unsafe_fixes)
                                )?;
                            }
                        }
                    }
                }
            }
            if !options.quiet {
                let summary = summary(options.mode, counts, changed.len(), options.unsafe_fixes);
                writeln!(err, "{summary}")?;
            }
        }
    }
    for (path, message) in &errors {
        eprintln!("error: {path}: {message}");
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

fn summary(mode: Mode, counts: Counts, files: usize, unsafe_fixes: bool) -> String {
    let Counts {
        fixed,
        remaining,
        fixable,
        needs_unsafe,
    } = counts;
    let unsafe_note = if needs_unsafe > 0 && !unsafe_fixes {
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
