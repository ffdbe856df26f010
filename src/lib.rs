//! infra-fix: find and fix known failure patterns in Pulumi Python (`pulumi_aws`) code.
//!
//! `run` is the whole program; `main.rs` only maps its result to an exit code. Each file is
//! read, parsed and fixed on a worker thread; one thread prints, in path order.

pub mod cli;
pub mod codemods;
pub mod edit;
pub mod fix;
mod guard;
pub mod pulumi;
pub mod report;
pub mod source;
pub mod suppression;
pub mod walk;
pub mod write;

use cli::{Cli, Command, Format, Mode};
use codemods::{CODEMODS, RuleSet};
use edit::Applicability;
use fix::FixMode;
use rayon::prelude::*;
use report::FileResult;
use source::Source;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Exit codes of `spec/cli.md`.
pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

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
                write!(out, "{}", report::rules::explain(codemod))?;
                Ok(EXIT_CLEAN)
            }
            None => {
                eprintln!("error: unknown rule `{rule}`; `infra-fix --list-rules` lists them");
                Ok(EXIT_ERROR)
            }
        };
    }
    if cli.list_rules {
        write!(out, "{}", report::rules::table())?;
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
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("error: could not start {threads} worker threads: {e}; try a lower --jobs");
            return Ok(EXIT_ERROR);
        }
    };
    let results: Vec<FileResult> = pool.install(|| {
        files
            .par_iter()
            .map(|path| guard::contain(&display_path(path), || process(path, &job)))
            .collect()
    });
    let walk_errors: Vec<(String, String)> = walk_errors
        .into_iter()
        .map(|(path, message)| (display_path(&path), message))
        .collect();
    report::print(&cli.report_options(), &results, &walk_errors, out)
}

/// Reads, checks, fixes and (with `--write`) writes one file.
fn process(path: &Path, job: &Job) -> FileResult {
    let mut result = FileResult {
        display: display_path(path),
        source: None,
        outcome: None,
        errors: Vec::new(),
    };
    match walk::read_regular(path) {
        Ok(bytes) => analyze(bytes, job, &mut result),
        Err(message) => result.errors.push(message),
    }
    if job.mode == Mode::Write && result.changed() {
        let (Some(source), Some(outcome)) = (&result.source, &result.outcome) else {
            unreachable!("a changed file has a source and an outcome")
        };
        let read = source.contents(&source.text);
        let fixed = source.contents(&outcome.text);
        if let Err(message) = write::write_atomic(path, read.as_bytes(), fixed.as_bytes()) {
            result.errors.push(message);
            // Nothing was written: report the findings as they stand in the file.
            let unfixed = fix::lint(&source.text, &job.rules, FixMode::Off);
            result.outcome = Some(unfixed.expect("the file parsed a moment ago"));
        }
    }
    result
}

/// Decodes and checks (and fixes, as the job says) one file's contents.
fn analyze(bytes: Vec<u8>, job: &Job, result: &mut FileResult) {
    // A file that never names pulumi_aws cannot import it: skip it before paying for a parse.
    if memchr::memmem::find(&bytes, b"pulumi_aws").is_none() {
        return;
    }
    let source = match Source::from_bytes(bytes) {
        Ok(source) => source,
        Err(message) => return result.errors.push(message),
    };
    match fix::lint(&source.text, &job.rules, job.fix_mode) {
        Ok(outcome) => {
            result.errors.extend(outcome.error.clone());
            result.outcome = Some(outcome);
        }
        Err(message) => result.errors.push(message),
    }
    result.source = Some(source);
}

fn run_stdin(cli: &Cli, job: &Job, out: &mut impl Write) -> io::Result<i32> {
    let display = cli
        .stdin_filename
        .as_deref()
        .map_or_else(|| "-".to_string(), display_path);
    let mut bytes = Vec::new();
    if let Err(e) = io::stdin().read_to_end(&mut bytes) {
        eprintln!("error: -: could not read standard input: {e}");
        return Ok(EXIT_ERROR);
    }
    let mut result = FileResult {
        display,
        source: None,
        outcome: None,
        errors: Vec::new(),
    };
    analyze(bytes.clone(), job, &mut result);
    let results = std::slice::from_ref(&result);
    if job.mode == Mode::Write && cli.format == Format::Text {
        // The fixed source replaces the input in a pipeline; unchanged input passes through.
        match (&result.source, &result.outcome) {
            (Some(source), Some(outcome)) => {
                out.write_all(source.contents(&outcome.text).as_bytes())?
            }
            _ => out.write_all(&bytes)?,
        }
        return report::print(&cli.report_options(), results, &[], &mut io::sink());
    }
    report::print(&cli.report_options(), results, &[], out)
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
