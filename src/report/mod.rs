//! Printers: unified diffs, finding lines and summaries for people; JSON, SARIF, GitHub
//! annotations, reviewdog diagnostics and a pull-request body for programs. Every format is
//! fed the same per-file results, in path order, so its output is byte-stable.

pub mod diff;
pub mod full;
pub mod github;
pub mod json;
pub mod markdown;
pub mod rdjson;
pub mod rules;
pub mod sarif;
pub mod style;

use crate::edit::Applicability;
use crate::fix::{Diagnostic, Outcome};
use crate::source::Source;
use std::io::{self, Write};

/// Exit codes of `spec/cli.md`: the report decides them from what it printed.
pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

/// The output format (`--format`); its variants' docs are the command line's help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diffs (`--dry-run`) or findings (`--check`), each with its source line and a caret
    /// under the span, and a summary on stderr.
    #[value(alias = "full")]
    Text,
    /// Like `text`, with each finding on one line: `path:line:col: rule-id message`.
    Concise,
    /// One JSON document with every finding.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
    /// reviewdog's diagnostic format, fixes as suggestions.
    Rdjson,
    /// A pull-request body.
    Markdown,
}

/// What the run does with the fixes: show them as a diff, write them, or only list the
/// findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    DryRun,
    Write,
    Check,
}

impl Format {
    /// The formats for people: diffs and findings on the terminal, a summary on stderr.
    pub fn is_text(self) -> bool {
        matches!(self, Format::Text | Format::Concise)
    }
}

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

/// `--statistics`: a line per rule, most findings first, as ruff prints it:
/// `count<TAB>rule-id<TAB>[*] title` (`[ ]` when none of its findings can be fixed).
fn statistics_table(
    statistics: &std::collections::BTreeMap<&'static str, (usize, bool)>,
    color: bool,
) -> String {
    let mut rows: Vec<_> = statistics.iter().collect();
    rows.sort_by_key(|(_, (count, _))| std::cmp::Reverse(*count));
    let count_width = rows.iter().map(|(_, (n, _))| n.to_string().len()).max();
    let id_width = rows.iter().map(|(id, _)| id.len()).max();
    let (count_width, id_width) = (count_width.unwrap_or(0), id_width.unwrap_or(0));
    let paint = style::Paint(color);
    rows.iter()
        .map(|(id, (count, fixable))| {
            let title = crate::codemods::find(id).map_or("", |(_, c)| c.title);
            format!(
                "{count:>count_width$}\t{}\t{} {title}\n",
                paint.rule(&format!("{id:<id_width$}")),
                paint.fixable(if *fixable { "[*]" } else { "[ ]" }),
            )
        })
        .collect()
}

/// `--show-fixes`: what was fixed, per file, as ruff lists it:
/// `Fixed 3 findings:` then `- path:` and `    2 × rule-id (title)` lines.
fn fix_list(done: &str, fixes: &[(String, Vec<(&'static str, usize)>)], color: bool) -> String {
    let paint = style::Paint(color);
    let total: usize = fixes
        .iter()
        .flat_map(|(_, f)| f.iter().map(|(_, n)| n))
        .sum();
    let mut list = format!(
        "\n{}\n",
        paint.bold(&format!("{done} {}:", plural(total, "finding")))
    );
    for (path, fixed) in fixes {
        list.push_str(&format!("- {}:\n", paint.path(path)));
        let mut fixed = fixed.clone();
        fixed.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        let width = fixed.first().map_or(1, |(_, n)| n.to_string().len());
        for (id, n) in fixed {
            let title = crate::codemods::find(id).map_or("", |(_, c)| c.title);
            list.push_str(&format!("    {n:>width$} × {} ({title})\n", paint.rule(id)));
        }
    }
    list.push('\n');
    list
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
    /// `--exit-zero`: findings do not make the exit code 1.
    pub exit_zero: bool,
    /// `--statistics`: the text formats count findings per rule instead of listing them.
    pub statistics: bool,
    /// `--show-fixes`: the text formats list per file what was fixed.
    pub show_fixes: bool,
    /// `infra-fix upgrade --to N`: N, for the upgrade's pull-request body.
    pub upgrade_to: Option<u64>,
}

/// What happened to one file.
#[derive(Debug)]
pub struct FileResult {
    pub display: String,
    /// The file as read, when it was read and decoded.
    pub source: Option<Source>,
    pub outcome: Option<Outcome>,
    pub errors: Vec<String>,
    /// Problems that do not stop the file being checked: `line N: ...` (an ignore comment
    /// naming an unknown rule).
    pub warnings: Vec<String>,
    /// Whether unsafe fixes were allowed for this file (flag or configuration).
    pub unsafe_fixes: bool,
    /// The dry run's diff of the file, made by the worker that fixed it rather than by the
    /// printer, which runs on one thread.
    pub diff: Option<String>,
}

impl FileResult {
    /// The unified diff from the file as read to its fixed text (empty when unchanged).
    pub fn unified_diff(&self) -> String {
        match (&self.source, &self.outcome) {
            (Some(source), Some(outcome)) => diff::unified(
                &self.display,
                &source.contents(&source.text),
                &source.contents(&outcome.text),
            ),
            _ => String::new(),
        }
    }

    pub fn changed(&self) -> bool {
        matches!((&self.source, &self.outcome), (Some(s), Some(o)) if s.text != o.text)
    }

    /// The result without the file's texts, for a report that needs only the findings: what a
    /// whole-document report keeps of each file until the end.
    fn findings_only(mut self) -> FileResult {
        self.source = None;
        if let Some(outcome) = &mut self.outcome {
            outcome.text = String::new();
        }
        self
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
    /// Files read and checked to the end (a file not naming `pulumi_aws` is checked by a
    /// read); those an error stopped before are not.
    checked: usize,
}

/// Prints every file's result in order (diffs or findings on `out`, summary and errors on
/// stderr) and returns the exit code.
pub fn print(
    options: &Options,
    results: Vec<FileResult>,
    walk_errors: &[(String, String)],
    out: &mut impl Write,
) -> io::Result<i32> {
    let mut printer = Printer::new(options, out);
    printer.files(results)?;
    printer.finish(walk_errors)
}

/// Prints results as they come, in the order given. Text output (the default) is written at
/// once and only counts are kept, so memory stays flat however many files a run has; the
/// machine formats are whole documents, written at the end from every result.
pub struct Printer<'a, W: Write> {
    options: &'a Options,
    out: &'a mut W,
    counts: Counts,
    changed: Vec<String>,
    file_errors: Vec<(String, String)>,
    kept: Vec<FileResult>,
    /// `--statistics`: per rule, the findings listed and whether one of them is fixable.
    statistics: std::collections::BTreeMap<&'static str, (usize, bool)>,
    /// `--show-fixes`: per file, how many findings of each rule were fixed.
    fixes: Vec<(String, Vec<(&'static str, usize)>)>,
}

impl<'a, W: Write> Printer<'a, W> {
    pub fn new(options: &'a Options, out: &'a mut W) -> Printer<'a, W> {
        Printer {
            options,
            out,
            counts: Counts::default(),
            changed: Vec::new(),
            file_errors: Vec::new(),
            kept: Vec::new(),
            statistics: Default::default(),
            fixes: Vec::new(),
        }
    }

    /// The next files' results, in path order.
    pub fn files(&mut self, results: Vec<FileResult>) -> io::Result<()> {
        for r in results {
            self.warnings(&r)?;
            self.file_errors
                .extend(r.errors.iter().map(|e| (r.display.clone(), e.clone())));
            if r.changed() {
                self.changed.push(r.display.clone());
            }
            if let Some(o) = &r.outcome {
                self.counts.add(o, r.unsafe_fixes);
            }
            if r.outcome.is_some() || r.errors.is_empty() {
                self.counts.checked += 1;
            }
            match self.options.format {
                Format::Text | Format::Concise => self.text(&r)?,
                // reviewdog's columns are counted in the texts.
                Format::Rdjson => self.kept.push(r),
                _ => self.kept.push(r.findings_only()),
            }
        }
        self.out.flush()
    }

    /// A file's warnings, on stderr after what stdout has so far, unless `--quiet`.
    fn warnings(&mut self, r: &FileResult) -> io::Result<()> {
        if self.options.quiet || r.warnings.is_empty() {
            return Ok(());
        }
        self.out.flush()?;
        let paint = style::Paint(self.options.color_stderr);
        let mut err = io::stderr().lock();
        for warning in &r.warnings {
            writeln!(err, "{} {}:{warning}", paint.warning("warning:"), r.display)?;
        }
        Ok(())
    }

    fn text(&mut self, r: &FileResult) -> io::Result<()> {
        let (options, out) = (self.options, &mut *self.out);
        let Some(o) = &r.outcome else {
            return Ok(());
        };
        if options.show_fixes {
            let mut fixed: Vec<(&'static str, usize)> = Vec::new();
            for d in o.fixed() {
                match fixed.iter_mut().find(|(rule, _)| *rule == d.finding.rule) {
                    Some((_, n)) => *n += 1,
                    None => fixed.push((d.finding.rule, 1)),
                }
            }
            if !fixed.is_empty() {
                self.fixes.push((r.display.clone(), fixed));
            }
        }
        if options.statistics {
            for d in o.remaining() {
                let (count, fixable) = self.statistics.entry(d.finding.rule).or_default();
                *count += 1;
                *fixable |= d
                    .finding
                    .fix
                    .as_ref()
                    .is_some_and(|f| r.unsafe_fixes || f.applicability == Applicability::Safe);
            }
        }
        // The text the findings' lines and columns refer to, for the source excerpts.
        let located = match o.positions {
            crate::fix::Positions::Output => o.text.as_str(),
            crate::fix::Positions::Input => r.source.as_ref().map_or("", |s| s.text.as_str()),
        };
        let lines = std::cell::OnceCell::new();
        let finding = |d: &Diagnostic, color: bool| {
            let line = finding_line(&r.display, d, r.unsafe_fixes, color);
            match options.format {
                Format::Concise => format!("{line}\n"),
                _ => {
                    let lines = lines.get_or_init(|| full::Lines::of(located));
                    format!("{line}\n{}", full::snippet(lines, d, color))
                }
            }
        };
        match options.mode {
            Mode::Check if options.statistics => {}
            Mode::Check => {
                for d in &o.diagnostics {
                    out.write_all(finding(d, options.color).as_bytes())?;
                }
            }
            Mode::DryRun | Mode::Write => {
                if options.mode == Mode::DryRun {
                    let diff = r.diff.clone().unwrap_or_else(|| r.unified_diff());
                    let diff = if options.color {
                        style::color_diff(&diff)
                    } else {
                        diff
                    };
                    out.write_all(diff.as_bytes())?;
                }
                if !options.quiet && !options.statistics && o.remaining().next().is_some() {
                    // After this file's diff, where both go to one terminal.
                    out.flush()?;
                    let mut err = io::stderr().lock();
                    for d in o.remaining() {
                        err.write_all(finding(d, options.color_stderr).as_bytes())?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Writes what is left (a machine format's document, the summary, the errors: those of
    /// the walk and the configuration first) and returns the exit code.
    pub fn finish(self, walk_errors: &[(String, String)]) -> io::Result<i32> {
        let Printer {
            options,
            out,
            counts,
            changed,
            file_errors,
            kept: results,
            statistics,
            fixes,
        } = self;
        let mut errors: Vec<(String, String)> = walk_errors.to_vec();
        errors.extend(file_errors);
        let changed: Vec<&str> = changed.iter().map(String::as_str).collect();
        match options.format {
            Format::Json => {
                let files: Vec<json::FileFindings> = results
                    .iter()
                    .filter_map(|r| {
                        r.outcome.as_ref().map(|o| json::FileFindings {
                            path: &r.display,
                            diagnostics: &o.diagnostics,
                        })
                    })
                    .collect();
                json::write(out, options.mode, &files, &changed, &errors)?;
            }
            Format::Sarif => sarif::write(out, options.mode, &results, &errors)?,
            Format::Github => out.write_all(github::annotations(&results, &errors).as_bytes())?,
            Format::Rdjson => rdjson::write(out, &results)?,
            Format::Markdown => {
                let body = match options.upgrade_to {
                    Some(to) => markdown::upgrade_body(to, options.mode, &results, &errors),
                    None => markdown::body(options.mode, &results, &errors),
                };
                out.write_all(body.as_bytes())?
            }
            Format::Text | Format::Concise => {}
        }
        if options.format.is_text() && !statistics.is_empty() {
            // Where the findings would have been listed.
            let table = statistics_table(&statistics, options.color);
            if options.mode == Mode::Check {
                out.write_all(table.as_bytes())?;
            } else if !options.quiet {
                out.flush()?;
                io::stderr().lock().write_all(table.as_bytes())?;
            }
        }
        // What went to stdout shows before the summary and errors on stderr.
        out.flush()?;
        let mut err = io::stderr().lock();
        if !options.quiet && options.format.is_text() && !fixes.is_empty() {
            let done = if options.mode == Mode::Write {
                "Fixed"
            } else {
                "Would fix"
            };
            err.write_all(fix_list(done, &fixes, options.color_stderr).as_bytes())?;
        }
        if !options.quiet && (options.format.is_text() || options.to_file) {
            let summary = summary(options.mode, counts, changed.len(), errors.len());
            writeln!(err, "{}", style::Paint(options.color_stderr).bold(&summary))?;
        }
        let paint = style::Paint(options.color_stderr);
        for (path, message) in &errors {
            writeln!(err, "{} {path}: {message}", paint.error("error:"))?;
        }
        out.flush()?;

        let Counts {
            fixed, remaining, ..
        } = counts;
        let code = if !errors.is_empty() {
            EXIT_ERROR
        } else {
            let found = match options.mode {
                Mode::Check => remaining > 0,
                Mode::DryRun => fixed > 0 || remaining > 0,
                Mode::Write => remaining > 0,
            };
            if found && !options.exit_zero {
                EXIT_FINDINGS
            } else {
                EXIT_CLEAN
            }
        };
        Ok(code)
    }
}

impl Counts {
    fn add(&mut self, outcome: &Outcome, unsafe_fixes: bool) {
        self.fixed += outcome.fixed().count();
        for d in outcome.remaining() {
            self.remaining += 1;
            match d.finding.fix.as_ref().map(|f| f.applicability) {
                Some(Applicability::Safe) => self.fixable += 1,
                Some(Applicability::Unsafe) if unsafe_fixes => self.fixable += 1,
                Some(Applicability::Unsafe) => self.needs_unsafe += 1,
                None => {}
            }
        }
    }
}

/// A JSON array whose items are made one at a time as it is written: a report's findings are
/// never all held as JSON values at once.
pub(crate) struct Items<I>(std::cell::Cell<Option<I>>);

impl<I> Items<I> {
    pub fn new(items: I) -> Items<I> {
        Items(std::cell::Cell::new(Some(items)))
    }
}

impl<I: Iterator<Item = serde_json::Value>> serde::Serialize for Items<I> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.take().expect("a report is written once"))
    }
}

/// Writes a JSON report to `out` as it is made: indented, with a final newline.
pub(crate) fn write_json(out: &mut impl Write, document: &impl serde::Serialize) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut buffered, document)?;
    buffered.write_all(b"\n")?;
    buffered.flush()
}

/// The summary line: what was found and fixed, and when something went wrong, that first,
/// with how many files were checked (a run with errors is never summed up as "No findings.").
fn summary(mode: Mode, counts: Counts, files: usize, errors: usize) -> String {
    let Counts {
        fixed,
        remaining,
        fixable,
        needs_unsafe,
        checked,
    } = counts;
    let unsafe_note = if needs_unsafe > 0 {
        format!(
            ", {needs_unsafe} {} --unsafe-fixes",
            if needs_unsafe == 1 { "needs" } else { "need" }
        )
    } else {
        String::new()
    };
    let found = match mode {
        _ if fixed == 0 && remaining == 0 => None,
        Mode::Check => Some(format!(
            "{} ({fixable} fixable with --write{unsafe_note})",
            plural(remaining, "finding")
        )),
        Mode::Write | Mode::DryRun => Some(format!(
            "{} {} in {} ({} remaining{unsafe_note})",
            if mode == Mode::Write {
                "fixed"
            } else {
                "would fix"
            },
            plural(fixed, "finding"),
            plural(files, "file"),
            remaining
        )),
    };
    if errors > 0 {
        let checked = match (checked, found) {
            (0, _) => "no file checked".to_string(),
            (_, None) => format!("no findings in the {} checked", plural(checked, "file")),
            (_, Some(found)) if mode == Mode::Check => {
                format!("{found} in the {} checked", plural(checked, "file"))
            }
            (_, Some(found)) => format!("{found} of the {} checked", plural(checked, "file")),
        };
        return format!("{} (below); {checked}.", plural(errors, "error"));
    }
    match found {
        None => "No findings.".to_string(),
        Some(found) if mode == Mode::Check => format!("Found {found}."),
        Some(found) => capitalized(&found),
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().collect::<String>() + chars.as_str()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_with_errors_says_so_first_and_counts_the_files_checked() {
        let counts = Counts {
            checked: 3,
            ..Counts::default()
        };
        assert_eq!(summary(Mode::Check, counts, 0, 0), "No findings.");
        assert_eq!(
            summary(Mode::Check, counts, 0, 2),
            "2 errors (below); no findings in the 3 files checked."
        );
        let none = Counts::default();
        assert_eq!(
            summary(Mode::DryRun, none, 0, 1),
            "1 error (below); no file checked."
        );
        let found = Counts {
            remaining: 2,
            fixable: 1,
            needs_unsafe: 1,
            checked: 1,
            ..Counts::default()
        };
        assert_eq!(
            summary(Mode::Check, found, 0, 0),
            "Found 2 findings (1 fixable with --write, 1 needs --unsafe-fixes)."
        );
        assert_eq!(
            summary(Mode::Check, found, 0, 1),
            "1 error (below); 2 findings (1 fixable with --write, 1 needs --unsafe-fixes) in the 1 file checked."
        );
        let fixed = Counts {
            fixed: 3,
            remaining: 1,
            checked: 2,
            ..Counts::default()
        };
        assert_eq!(
            summary(Mode::Write, fixed, 1, 0),
            "Fixed 3 findings in 1 file (1 remaining)"
        );
        assert_eq!(
            summary(Mode::DryRun, fixed, 1, 1),
            "1 error (below); would fix 3 findings in 1 file (1 remaining) of the 2 files checked."
        );
    }
}
