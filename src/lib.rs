//! infra-fix: find and fix known failure patterns in Pulumi Python (`pulumi_aws`) code.
//!
//! `run` is the whole program; `main.rs` only maps its result to an exit code. Each file is
//! read, parsed and fixed on a worker thread; one thread prints, in path order.

pub mod cli;
pub mod codemods;
pub mod edit;
pub mod fix;
pub mod pulumi;
pub mod report;
pub mod source;
pub mod suppression;
pub mod walk;
pub mod write;

use cli::{Cli, Command, Format, Mode};
use codemods::{CODEMODS, RuleSet};
use edit::Applicability;
use fix::{FixMode, Outcome};
use rayon::prelude::*;
use report::{finding_line, plural};
use source::Source;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Exit codes of `spec/cli.md`.
pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

/// What happened to one file.
#[derive(Debug)]
struct FileResult {
    display: String,
    /// The file as read, when it was read and decoded.
    source: Option<Source>,
    outcome: Option<Outcome>,
    errors: Vec<String>,
}

impl FileResult {
    fn changed(&self) -> bool {
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

/// Options that every file's processing needs.
struct Job {
    rules: RuleSet,
    fix_mode: FixMode,
    mode: Mode,
}

pub fn run(cli: Cli) -> i32 {
    let mut out = io::stdout().lock();
    match execute(&cli, &mut out) {
        Ok(code) => code,
        // A closed pipe (`infra-fix | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_CLEAN,
        Err(e) => {
            eprintln!("error: could not write output: {e}");
            EXIT_ERROR
        }
    }
}

fn execute(cli: &Cli, out: &mut impl Write) -> io::Result<i32> {
    if let Some(Command::Explain { rule }) = &cli.command {
        return match codemods::find(rule) {
            Some((_, codemod)) => {
                write!(out, "{}", explain(codemod))?;
                Ok(EXIT_CLEAN)
            }
            None => {
                eprintln!("error: unknown rule `{rule}`; `infra-fix --list-rules` lists them");
                Ok(EXIT_ERROR)
            }
        };
    }
    if cli.list_rules {
        write!(out, "{}", rules_table())?;
        return Ok(EXIT_CLEAN);
    }
    let rules = match rule_set(&cli.select, &cli.ignore) {
        Ok(rules) => rules,
        Err(message) => {
            eprintln!("error: {message}");
            return Ok(EXIT_ERROR);
        }
    };
    let mode = cli.mode();
    let fix_mode = match mode {
        Mode::Check => FixMode::Off,
        Mode::DryRun | Mode::Write => FixMode::Apply(if cli.unsafe_fixes {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        }),
    };
    let job = Job {
        rules,
        fix_mode,
        mode,
    };

    let stdin = cli.paths.iter().any(|p| p.as_os_str() == "-");
    if stdin {
        if cli.paths.len() > 1 {
            eprintln!("error: `-` (standard input) cannot be combined with other paths");
            return Ok(EXIT_ERROR);
        }
        return run_stdin(cli, &job, out);
    }

    let threads = cli
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let paths = if cli.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        cli.paths.clone()
    };
    let (files, walk_errors) = walk::collect(&paths, threads);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool");
    let results: Vec<FileResult> =
        pool.install(|| files.par_iter().map(|path| process(path, &job)).collect());
    let walk_errors: Vec<(String, String)> = walk_errors
        .into_iter()
        .map(|(path, message)| (display_path(&path), message))
        .collect();
    print_results(cli, &job, &results, &walk_errors, out)
}

/// Reads, checks, fixes and (with `--write`) writes one file.
fn process(path: &Path, job: &Job) -> FileResult {
    let display = display_path(path);
    let mut result = FileResult {
        display,
        source: None,
        outcome: None,
        errors: Vec::new(),
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            result
                .errors
                .push(format!("could not read: {}", walk::describe_io(&e)));
            return result;
        }
    };
    // A file that never names pulumi_aws cannot import it: skip it before paying for a parse.
    if memchr::memmem::find(&bytes, b"pulumi_aws").is_none() {
        return result;
    }
    let source = match Source::from_bytes(bytes) {
        Ok(source) => source,
        Err(message) => {
            result.errors.push(message);
            return result;
        }
    };
    match fix::lint(&source.text, &job.rules, job.fix_mode) {
        Ok(outcome) => {
            if let Some(error) = &outcome.error {
                result.errors.push(error.clone());
            }
            if job.mode == Mode::Write && outcome.text != source.text {
                let read = source.contents(&source.text);
                if let Err(message) = write::write_atomic(
                    path,
                    read.as_bytes(),
                    source.contents(&outcome.text).as_bytes(),
                ) {
                    result.errors.push(message);
                    // Nothing was written: report the findings as not fixed.
                    result.outcome = Some(
                        fix::lint(&source.text, &job.rules, FixMode::Off).expect("parsed before"),
                    );
                    result.source = Some(source);
                    return result;
                }
            }
            result.outcome = Some(outcome);
        }
        Err(message) => result.errors.push(message),
    }
    result.source = Some(source);
    result
}

fn run_stdin(cli: &Cli, job: &Job, out: &mut impl Write) -> io::Result<i32> {
    let name = cli
        .stdin_filename
        .as_deref()
        .map_or_else(|| "-".to_string(), display_path);
    let mut bytes = Vec::new();
    if let Err(e) = io::stdin().read_to_end(&mut bytes) {
        eprintln!("error: -: could not read standard input: {e}");
        return Ok(EXIT_ERROR);
    }
    let mut result = FileResult {
        display: name,
        source: None,
        outcome: None,
        errors: Vec::new(),
    };
    if memchr::memmem::find(&bytes, b"pulumi_aws").is_some() {
        match Source::from_bytes(bytes.clone()) {
            Ok(source) => {
                match fix::lint(&source.text, &job.rules, job.fix_mode) {
                    Ok(outcome) => {
                        result.errors.extend(outcome.error.clone());
                        result.outcome = Some(outcome);
                    }
                    Err(message) => result.errors.push(message),
                }
                result.source = Some(source);
            }
            Err(message) => result.errors.push(message),
        }
    }
    if job.mode == Mode::Write && cli.format == Format::Text {
        // The fixed source replaces the input in a pipeline; unchanged input passes through.
        match (&result.source, &result.outcome) {
            (Some(source), Some(outcome)) => {
                out.write_all(source.contents(&outcome.text).as_bytes())?
            }
            _ => out.write_all(&bytes)?,
        }
        let code = print_results(
            cli,
            job,
            std::slice::from_ref(&result),
            &[],
            &mut io::sink(),
        )?;
        return Ok(code);
    }
    print_results(cli, job, std::slice::from_ref(&result), &[], out)
}

fn print_results(
    cli: &Cli,
    job: &Job,
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
                Some(Applicability::Unsafe) if cli.unsafe_fixes => counts.fixable += 1,
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

    match cli.format {
        Format::Json => {
            let files: Vec<report::json::FileFindings> = outcomes()
                .map(|(r, o)| report::json::FileFindings {
                    path: &r.display,
                    diagnostics: &o.diagnostics,
                })
                .collect();
            out.write_all(report::json::document(&files, &changed, &errors).as_bytes())?;
        }
        Format::Text => {
            let mut err = io::stderr().lock();
            for (r, o) in outcomes() {
                match job.mode {
                    Mode::Check => {
                        for d in &o.diagnostics {
                            writeln!(out, "{}", finding_line(&r.display, d, cli.unsafe_fixes))?;
                        }
                    }
                    Mode::DryRun | Mode::Write => {
                        if job.mode == Mode::DryRun {
                            let source = r.source.as_ref().expect("an outcome has a source");
                            let diff = report::diff::unified(
                                &r.display,
                                &source.contents(&source.text),
                                &source.contents(&o.text),
                            );
                            out.write_all(diff.as_bytes())?;
                        }
                        if !cli.quiet {
                            for d in o.remaining() {
                                writeln!(err, "{}", finding_line(&r.display, d, cli.unsafe_fixes))?;
                            }
                        }
                    }
                }
            }
            if !cli.quiet {
                let summary = summary(job.mode, counts, changed.len(), cli.unsafe_fixes);
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
        let found = match job.mode {
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

/// `--select` / `--ignore` as a rule set; `Err` names an unknown id.
pub fn rule_set(select: &[String], ignore: &[String]) -> Result<RuleSet, String> {
    let check = |ids: &[String]| -> Result<Vec<usize>, String> {
        ids.iter()
            .map(|id| id.trim())
            .filter(|id| !id.is_empty())
            .flat_map(|id| -> Vec<Result<usize, String>> {
                if id == "ALL" {
                    (0..CODEMODS.len()).map(Ok).collect()
                } else {
                    vec![codemods::find(id).map(|(i, _)| i).ok_or_else(|| {
                        format!("unknown rule `{id}`; `infra-fix --list-rules` lists them")
                    })]
                }
            })
            .collect()
    };
    let selected = check(select)?;
    let ignored = check(ignore)?;
    let mut rules = if selected.is_empty() {
        RuleSet::defaults()
    } else {
        let mut rules = RuleSet::defaults();
        rules.set_all(false);
        selected.iter().for_each(|&i| rules.set(i, true));
        rules
    };
    ignored.iter().for_each(|&i| rules.set(i, false));
    Ok(rules)
}

/// A path as the user should see it: relative to the current folder when it is below it.
fn display_path(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    let shown = relative.to_string_lossy().replace('\\', "/");
    shown
        .strip_prefix("./")
        .map(str::to_string)
        .unwrap_or(shown)
}

/// The `--list-rules` table.
pub fn rules_table() -> String {
    let width = CODEMODS.iter().map(|c| c.id.len()).max().unwrap_or(0);
    let mut table = format!("{:width$}  {:11}  {:7}  title\n", "id", "fix", "default");
    for c in CODEMODS {
        table.push_str(&format!(
            "{:width$}  {:11}  {:7}  {}\n",
            c.id,
            c.fix.as_str(),
            if c.default_enabled { "on" } else { "off" },
            c.title
        ));
    }
    table
}

/// `codemods/README.md`: the rule index, generated from the registry.
pub fn codemods_readme() -> String {
    let mut index = String::from(
        "# Codemods\n\nGenerated from the registry in `src/codemods/mod.rs` by `UPDATE_GOLDEN=1 cargo test --test golden`; do not edit.\n\nEach codemod is `src/codemods/<rule_id>.rs` (check), `<rule-id>.scm` here (its tree-sitter query), `<rule-id>.md` here (its documentation, also printed by `infra-fix explain <rule-id>`) and its fixtures in `testdata/<rule-id>/`.\n\n| rule | fix | default | what it finds |\n|---|---|---|---|\n",
    );
    for c in CODEMODS {
        index.push_str(&format!(
            "| [`{}`]({}.md) | {} | {} | {} |\n",
            c.id,
            c.id,
            c.fix.as_str(),
            if c.default_enabled { "on" } else { "off" },
            c.title.replace('|', "\\|")
        ));
    }
    index
}

/// The `explain` text: the rule's metadata, then its documentation.
pub fn explain(codemod: &codemods::Codemod) -> String {
    format!(
        "# {}\n\n{}\n\nFix: {}. Enabled by default: {}.\n\n{}",
        codemod.id,
        codemod.title,
        codemod.fix.as_str(),
        if codemod.default_enabled { "yes" } else { "no" },
        codemod.docs
    )
}
