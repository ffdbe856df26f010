//! infra-fix: find and fix known failure patterns in Pulumi Python (`pulumi_aws`) code.
//!
//! `run` is the whole program; `main.rs` only maps its result to an exit code. Each file is
//! read, parsed and fixed on a worker thread; one thread prints, in path order.

pub mod add_ignore;
#[cfg(test)]
mod build_identity;
pub mod cache;
pub mod cli;
pub mod codemods;
pub mod config;
pub mod edit;
pub mod fix;
mod folder;
mod guard;
pub mod layout;
pub mod progress;
pub mod pulumi;
pub mod report;
pub mod source;
pub mod suppression;
pub mod walk;
pub mod write;

use cache::{Cache, Known};
use cli::{Cli, ColorChoice, Command, Mode};
use codemods::{FileSettings, Settings};
use config::Resolver;
use edit::Applicability;
use fix::{FixMode, Positions};
use pulumi::Major;
use rayon::prelude::*;
use report::FileResult;
use source::Source;
use std::collections::HashSet;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use report::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

/// What every file's processing needs from the command line.
#[derive(Clone, Copy)]
struct Job {
    mode: Mode,
    /// Whether the report shows each changed file's diff (a dry run in a text format): the
    /// workers make them.
    diffs: bool,
    /// `--pulumi-aws-version`, which overrides the configuration and the dependency files.
    pulumi_aws: Option<Major>,
    /// `infra-fix upgrade --to N`: N, and `--pulumi-aws-version` as given (5 has no tables).
    upgrade_to: Option<Major>,
    current_major: Option<u64>,
}

impl Job {
    /// The pulumi-aws major of `path`: the command line's, else its configuration's, else what
    /// the nearest dependency file says (the newest major when none names one).
    fn file_settings(&self, path: &Path, settings: &Settings) -> FileSettings {
        let configured = settings
            .pulumi_aws_version
            .and_then(|v| Major::from_number(v.into()));
        FileSettings {
            pulumi_aws: self
                .pulumi_aws
                .or(configured)
                .or_else(|| pulumi::version::major_for(path)),
            pulumi_random_listed: pulumi::version::dependency_listed(path, "pulumi-random"),
            line_length: layout::line_length_for(path),
            upgrade: self.upgrade_to.map(|to| {
                let on = self
                    .current_major
                    .or(settings.pulumi_aws_version.map(u64::from))
                    .or_else(|| pulumi::version::pinning_file(path).and_then(|(_, m)| m));
                codemods::Upgrade {
                    to,
                    applies: on == Some(to.number() - 1),
                }
            }),
        }
    }
}

/// What `--version` prints after the name: this release and the pulumi-aws releases its
/// tables come from, `0.1.0 (pulumi-aws tables 6.83.4, 7.51.1)`.
pub fn version() -> String {
    let tables: Vec<String> = Major::ALL.iter().map(|m| m.tables_version()).collect();
    format!(
        "{} (pulumi-aws tables {})",
        env!("CARGO_PKG_VERSION"),
        tables.join(", ")
    )
}

pub fn run(cli: Cli) -> i32 {
    let cli = cli.resolve_upgrade();
    let result = match &cli.output {
        Some(path) => {
            let mut report = Vec::new();
            execute(&cli, &mut report).and_then(|code| {
                std::fs::write(path, &report).map(|()| code).or_else(|e| {
                    eprintln!(
                        "error: {}: could not write the report: {}",
                        display_path(path),
                        walk::describe_io(&e)
                    );
                    Ok(EXIT_ERROR)
                })
            })
        }
        None => {
            // Buffered: a line per finding is many lines; the printer flushes after each batch
            // and before anything goes to stderr.
            let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
            execute(&cli, &mut out).and_then(|code| out.flush().map(|()| code))
        }
    };
    match result {
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
    let overrides = config::Overrides {
        select: cli.select.clone(),
        ignore: cli.ignore.clone(),
        extend_select: cli.extend_select.clone(),
        unsafe_fixes: cli.unsafe_fixes,
    };
    let mut resolver = match Resolver::new(overrides, cli.config.as_deref()) {
        Ok(resolver) => resolver,
        Err(message) => {
            eprintln!("error: {message}");
            return Ok(EXIT_ERROR);
        }
    };
    let job = Job {
        mode: cli.mode(),
        diffs: cli.mode() == Mode::DryRun && cli.format.is_text(),
        pulumi_aws: cli.pulumi_aws_version.and_then(Major::from_number),
        upgrade_to: cli.upgrade_to.and_then(Major::from_number),
        current_major: cli.pulumi_aws_version.filter(|_| cli.upgrade_to.is_some()),
    };
    let options = report_options(cli);

    let stdin = cli.paths.iter().any(|p| p.as_os_str() == "-");
    if stdin && cli.add_ignore {
        eprintln!("error: --add-ignore writes files; it cannot take standard input");
        return Ok(EXIT_ERROR);
    }
    if stdin {
        if cli.paths.len() > 1 {
            eprintln!("error: `-` (standard input) cannot be combined with other paths");
            return Ok(EXIT_ERROR);
        }
        // Standard input takes the configuration of the file it stands for.
        let stands_for = cli
            .stdin_filename
            .clone()
            .unwrap_or_else(|| PathBuf::from("-"));
        let settings = resolver.settings_for(&stands_for);
        return run_stdin(cli, job, &options, settings, resolver.into_errors(), out);
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
    // Files named on the command line are read even when `exclude` matches them, unless
    // `--force-exclude`.
    let explicit: HashSet<&PathBuf> = if cli.force_exclude {
        HashSet::new()
    } else {
        cli.paths.iter().collect()
    };
    let jobs: Vec<(&PathBuf, Arc<Settings>)> = files
        .iter()
        .filter_map(|path| Some((path, resolver.settings_for(path)?)))
        .filter(|(path, settings)| explicit.contains(path) || !settings.excludes(path))
        .collect();
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("error: could not start {threads} worker threads: {e}; try a lower --jobs");
            return Ok(EXIT_ERROR);
        }
    };
    if cli.add_ignore {
        let mut errors = resolver.into_errors();
        errors.extend(
            walk_errors
                .into_iter()
                .map(|(path, message)| (display_path(&path), message)),
        );
        return Ok(add_ignores(&pool, &jobs, job, cli.quiet, errors));
    }
    let cache = (!cli.no_cache).then(|| Cache::open(Path::new(".")));
    let progress = progress::Progress::start(jobs.len(), !cli.quiet);
    let mut printer = report::Printer::new(&options, out);
    // Files go through the workers a batch at a time and each batch is printed in path order
    // as soon as it is done: a run's memory does not grow with its number of files.
    for batch in jobs.chunks(BATCH) {
        let results: Vec<FileResult> = pool.install(|| {
            batch
                .par_iter()
                .map(|(path, settings)| {
                    let result = guard::contain(&display_path(path), || {
                        process(path, settings, job, cache.as_ref())
                    });
                    progress.tick();
                    result
                })
                .collect()
        });
        let _screen = progress.hold();
        printer.files(results)?;
    }
    // Under `upgrade`, the project's dependency and stack files, after its Python.
    let project_files = upgrade_project_files(&jobs, job);
    if !project_files.is_empty() {
        let results = project_files
            .iter()
            .map(|(path, settings)| {
                guard::contain(&display_path(path), || {
                    process_project_file(path, settings, job)
                })
            })
            .collect();
        printer.files(results)?;
    }
    progress.finish();
    if let Some(cache) = cache {
        cache.save();
    }
    let mut errors = resolver.into_errors();
    errors.extend(
        walk_errors
            .into_iter()
            .map(|(path, message)| (display_path(&path), message)),
    );
    printer.finish(&errors)
}

/// Files processed between two prints: enough to keep the cores busy to the end of a batch.
pub const BATCH: usize = 512;

/// How to print: the command line's choices, with colour only for people.
fn report_options(cli: &Cli) -> report::Options {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color_for = |terminal: bool| {
        cli.format.is_text()
            && match cli.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => terminal && !no_color,
            }
    };
    report::Options {
        color: cli.output.is_none() && color_for(io::stdout().is_terminal()),
        color_stderr: color_for(io::stderr().is_terminal()),
        to_file: cli.output.is_some(),
        ..cli.report_options()
    }
}

/// `id` as a warning names it when no rule has that id (`codemods::unknown_rule`).
fn unknown_rule(id: &str) -> Option<String> {
    codemods::find(id)
        .is_none()
        .then(|| codemods::unknown_rule(id))
}

/// Reads, checks, fixes and (with `--write`) writes one file.
fn process(path: &Path, settings: &Settings, job: Job, cache: Option<&Cache>) -> FileResult {
    let mut result = FileResult {
        display: display_path(path),
        source: None,
        outcome: None,
        errors: Vec::new(),
        warnings: Vec::new(),
        unsafe_fixes: settings.unsafe_fixes,
        diff: None,
    };
    let file = job.file_settings(path, settings);
    let fingerprint = cache.map_or(0, |c| c.fingerprint(settings, &file));
    match walk::read_regular(path) {
        Ok(bytes) => {
            result.warnings = suppression::unknown_ids(&bytes, unknown_rule);
            // Known from an earlier run with the same settings: nothing to parse.
            let key = Cache::key(&bytes, fingerprint);
            match cache.and_then(|c| c.known(key)) {
                Some(Known::NotLookedAt(reason)) => {
                    result.errors.push(reason);
                    return result;
                }
                Some(Known::Findings(found)) if !fixes_any(&found, job.mode, settings) => {
                    return from_cache(bytes, found, result);
                }
                _ => analyze(bytes, settings, &file, job.mode, &mut result),
            }
            // Not looked at (it does not decode or parse): so it will be again.
            if let (Some(cache), None, [reason]) = (cache, &result.outcome, &result.errors[..]) {
                cache.record_not_looked_at(key, reason);
            }
        }
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
            let unfixed = fix::lint(
                &source.text,
                settings,
                &file,
                FixMode::Off,
                Positions::Input,
            );
            result.outcome = Some(unfixed.expect("the file parsed a moment ago"));
        }
    }
    if job.diffs && result.changed() {
        result.diff = Some(result.unified_diff());
    }
    // The findings of what the file now holds are known when nothing was fixed, or with
    // --write after the fixes: those that remain.
    if let (Some(cache), Some(source), Some(outcome)) = (cache, &result.source, &result.outcome)
        && result.errors.is_empty()
        && (job.mode == Mode::Write || outcome.fixed().next().is_none())
    {
        let now = source.contents(&outcome.text);
        let remaining: Vec<_> = outcome.remaining().collect();
        cache.record(Cache::key(now.as_bytes(), fingerprint), &remaining);
    }
    result
}

/// `--add-ignore`: an ignore comment for each finding of each file, written in place, then
/// `Added N ignore comments to M files.` (unless `--quiet` or none was added). Exit 0, as ruff's
/// `--add-noqa`, or 2 when a file could not be read or written.
fn add_ignores(
    pool: &rayon::ThreadPool,
    jobs: &[(&PathBuf, Arc<Settings>)],
    job: Job,
    quiet: bool,
    mut errors: Vec<(String, String)>,
) -> i32 {
    let job = Job {
        mode: Mode::Check,
        ..job
    };
    let mut ids = 0;
    let mut files = 0;
    let mut warnings = Vec::new();
    for batch in jobs.chunks(BATCH) {
        let results: Vec<(String, Result<add_ignore::Added, String>)> = pool.install(|| {
            batch
                .par_iter()
                .filter_map(|(path, settings)| {
                    let display = display_path(path);
                    let added = guard::contain_result(|| add_ignores_to(path, settings, job));
                    Some((display, added.transpose()?))
                })
                .collect()
        });
        for (display, result) in results {
            match result {
                Ok(added) => {
                    if added.ids > 0 {
                        ids += added.ids;
                        files += 1;
                    }
                    warnings.extend(added.warnings.into_iter().map(|w| format!("{display}:{w}")));
                }
                Err(message) => errors.push((display, message)),
            }
        }
    }
    for warning in &warnings {
        eprintln!("warning: {warning}");
    }
    if ids > 0 && !quiet {
        let s = |n: usize| if n == 1 { "" } else { "s" };
        eprintln!(
            "Added {ids} ignore comment{} to {files} file{}.",
            s(ids),
            s(files)
        );
    }
    for (path, message) in &errors {
        eprintln!("error: {path}: {message}");
    }
    if errors.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    }
}

/// One file's ignore comments, written; `Ok(None)` when it has no finding (or is not checked).
fn add_ignores_to(
    path: &Path,
    settings: &Settings,
    job: Job,
) -> Result<Option<add_ignore::Added>, String> {
    let mut result = process(path, settings, job, None);
    if !result.errors.is_empty() {
        return Err(result.errors.join("; "));
    }
    let unknown_ids = std::mem::take(&mut result.warnings);
    let (Some(source), Some(outcome)) = (&result.source, &result.outcome) else {
        return Ok((!unknown_ids.is_empty()).then(|| add_ignore::Added::nothing(unknown_ids)));
    };
    // An unused ignore is taken out, not ignored (as ruff's `--add-noqa` leaves RUF100 alone).
    let findings: Vec<(&str, usize)> = outcome
        .remaining()
        .filter(|d| d.finding.rule != codemods::unused_ignore::ID)
        .map(|d| (d.finding.rule, d.finding.start))
        .collect();
    let mut added = add_ignore::add(&source.text, &findings)?;
    added.warnings.splice(0..0, unknown_ids);
    if added.ids > 0 {
        let read = source.contents(&source.text);
        let written = source.contents(&added.text);
        write::write_atomic(path, read.as_bytes(), written.as_bytes())?;
    }
    Ok(Some(added))
}

/// The files besides Python that `infra-fix upgrade` moves with a project it applies to: the
/// dependency files of the folder that pins pulumi-aws, and the stack files
/// (`Pulumi.<stack>.yaml`) beside the nearest `Pulumi.yaml`. Each once, in path order, with
/// the settings of the first Python file that brought it in.
fn upgrade_project_files(
    jobs: &[(&PathBuf, Arc<Settings>)],
    job: Job,
) -> Vec<(PathBuf, Arc<Settings>)> {
    use codemods::upgrade_v7_dependency_pin::{id_for, is_stack_file};
    // Only `infra-fix upgrade` moves other files; the settings of every file are not free.
    if job.upgrade_to.is_none() {
        return Vec::new();
    }
    let mut found: std::collections::BTreeMap<PathBuf, Arc<Settings>> = Default::default();
    for (path, settings) in jobs {
        let Some(upgrade) = job.file_settings(path, settings).upgrade else {
            continue;
        };
        if !upgrade.applies || !settings.rules.runs(id_for(upgrade.to)) {
            continue;
        }
        let mut files = Vec::new();
        if let Some((pinning, _)) = pulumi::version::pinning_file(path)
            && let Some(dir) = pinning.parent()
        {
            files.extend(pulumi::version::dependency_files(dir));
        }
        let absolute = folder::absolute(path);
        if let Some(project) = absolute
            .ancestors()
            .skip(1)
            .find(|d| d.join("Pulumi.yaml").is_file())
        {
            let stacks = std::fs::read_dir(project).into_iter().flatten().flatten();
            files.extend(stacks.map(|e| e.path()).filter(|p| is_stack_file(p)));
        }
        for file in files.into_iter().filter(|f| f.is_file()) {
            found.entry(file).or_insert_with(|| Arc::clone(settings));
        }
    }
    found.into_iter().collect()
}

/// Checks, fixes and (with `--write`) writes one dependency or stack file of an upgrade.
fn process_project_file(path: &Path, settings: &Settings, job: Job) -> FileResult {
    let mut result = FileResult {
        display: display_path(path),
        source: None,
        outcome: None,
        errors: Vec::new(),
        warnings: Vec::new(),
        unsafe_fixes: settings.unsafe_fixes,
        diff: None,
    };
    let source = match walk::read_regular(path).and_then(Source::from_bytes) {
        Ok(source) => source,
        Err(message) => {
            result.errors.push(message);
            return result;
        }
    };
    let to = job
        .upgrade_to
        .expect("project files are read under upgrade only");
    let findings = codemods::upgrade_v7_dependency_pin::check_file_to(path, &source.text, to);
    let outcome = fix::fix_text(&source.text, findings, fix_mode(job.mode, settings));
    if job.mode == Mode::Write && outcome.text != source.text {
        let read = source.contents(&source.text);
        let fixed = source.contents(&outcome.text);
        if let Err(message) = write::write_atomic(path, read.as_bytes(), fixed.as_bytes()) {
            result.errors.push(message);
            let findings =
                codemods::upgrade_v7_dependency_pin::check_file_to(path, &source.text, to);
            result.outcome = Some(fix::fix_text(&source.text, findings, FixMode::Off));
            result.source = Some(source);
            return result;
        }
    }
    result.outcome = Some(outcome);
    result.source = Some(source);
    result
}

/// Whether this mode would fix some of a file's known findings: then the file is fixed again.
fn fixes_any(found: &[fix::Diagnostic], mode: Mode, settings: &Settings) -> bool {
    match fix_mode(mode, settings) {
        FixMode::Off => false,
        FixMode::Apply(allowed) => found.iter().any(|d| fix::would_apply(&d.finding, allowed)),
    }
}

/// A file's result from its known findings.
fn from_cache(bytes: Vec<u8>, found: Vec<fix::Diagnostic>, mut result: FileResult) -> FileResult {
    if found.is_empty() {
        return result;
    }
    // Only contents that decoded have findings: the same bytes decode again.
    let source = Source::from_bytes(bytes).expect("cached contents decoded when checked");
    result.outcome = Some(fix::Outcome {
        text: source.text.clone(),
        diagnostics: found,
        error: None,
        positions: Positions::Input,
    });
    result.source = Some(source);
    result
}

/// Decodes and checks (and fixes, as the mode says) one file's contents.
fn analyze(
    bytes: Vec<u8>,
    settings: &Settings,
    file: &FileSettings,
    mode: Mode,
    result: &mut FileResult,
) {
    // A file that never names pulumi_aws cannot import it: skip it before paying for a parse,
    // unless it writes `aws.<module>.` without the import, which missing-import fixes.
    if memchr::memmem::find(&bytes, b"pulumi_aws").is_none()
        && !(settings.rules.runs("missing-import")
            && crate::pulumi::unbound::mentions_aws_module(
                &bytes,
                crate::pulumi::Tables::get(file.pulumi_aws.unwrap_or(crate::pulumi::Major::NEWEST)),
            ))
    {
        return;
    }
    let source = match Source::from_bytes(bytes) {
        Ok(source) => source,
        Err(message) => return result.errors.push(message),
    };
    // Lines and columns refer to the file as it will be on disk: as read, or as written.
    let positions = match mode {
        Mode::Write => Positions::Output,
        Mode::Check | Mode::DryRun => Positions::Input,
    };
    match fix::lint(
        &source.text,
        settings,
        file,
        fix_mode(mode, settings),
        positions,
    ) {
        Ok(outcome) => {
            result.errors.extend(outcome.error.clone());
            result.outcome = Some(outcome);
        }
        Err(message) => result.errors.push(message),
    }
    result.source = Some(source);
}

/// Which fixes to apply to a file in this mode under its settings.
fn fix_mode(mode: Mode, settings: &Settings) -> FixMode {
    match mode {
        Mode::Check => FixMode::Off,
        Mode::DryRun | Mode::Write => FixMode::Apply(if settings.unsafe_fixes {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        }),
    }
}

fn run_stdin(
    cli: &Cli,
    job: Job,
    options: &report::Options,
    settings: Option<Arc<Settings>>,
    config_errors: Vec<(String, String)>,
    out: &mut impl Write,
) -> io::Result<i32> {
    let display = cli
        .stdin_filename
        .as_deref()
        .map_or_else(|| "-".to_string(), display_path);
    let mut bytes = Vec::new();
    let mut stdin = io::stdin().lock();
    if let Err(e) = (&mut stdin)
        .take(walk::MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
    {
        eprintln!("error: -: could not read standard input: {e}");
        return Ok(EXIT_ERROR);
    }
    if bytes.len() as u64 > walk::MAX_FILE_SIZE {
        // Like a file: not read whole. A `--write` pipeline gets its input back unchanged.
        if job.mode == Mode::Write && cli.format.is_text() {
            out.write_all(&bytes)?;
            io::copy(&mut stdin, out)?;
        }
        eprintln!(
            "error: {display}: larger than the {} MB infra-fix reads; passed through unchecked",
            walk::MAX_FILE_SIZE >> 20
        );
        return Ok(EXIT_ERROR);
    }
    let mut result = FileResult {
        display,
        source: None,
        outcome: None,
        errors: Vec::new(),
        warnings: Vec::new(),
        unsafe_fixes: settings.as_ref().is_some_and(|s| s.unsafe_fixes),
        diff: None,
    };
    // Standard input belongs to the project of its `--stdin-filename`, else of the current
    // folder. Without settings (a broken configuration), or excluded with `--force-exclude`,
    // it passes through unchecked.
    let stands_for = cli
        .stdin_filename
        .clone()
        .unwrap_or_else(|| PathBuf::from("-"));
    if let Some(settings) = &settings
        && !(cli.force_exclude && settings.excludes(&stands_for))
    {
        let file = job.file_settings(&stands_for, settings);
        result.warnings = suppression::unknown_ids(&bytes, unknown_rule);
        analyze(bytes.clone(), settings, &file, job.mode, &mut result);
    }
    if job.mode == Mode::Write && cli.format.is_text() {
        // The fixed source replaces the input in a pipeline; unchanged input passes through.
        match (&result.source, &result.outcome) {
            (Some(source), Some(outcome)) => {
                out.write_all(source.contents(&outcome.text).as_bytes())?
            }
            _ => out.write_all(&bytes)?,
        }
        return report::print(options, vec![result], &config_errors, &mut io::sink());
    }
    report::print(options, vec![result], &config_errors, out)
}

/// A path as the user should see it: relative to the current folder when it is below it.
pub(crate) fn display_path(path: &Path) -> String {
    let relative = folder::current_dir()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    let shown = relative.to_string_lossy().replace('\\', "/");
    shown
        .strip_prefix("./")
        .map(str::to_string)
        .unwrap_or(shown)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// The modules `file` names through `crate::`: `crate::edit::Edit` and
    /// `use crate::{edit, source}` alike. Comments are skipped.
    fn named_modules(file: &Path) -> Vec<String> {
        let text = std::fs::read_to_string(file).unwrap();
        let mut named = Vec::new();
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for (at, _) in line.match_indices("crate::") {
                let rest = &line[at + "crate::".len()..];
                // `crate::{edit, source}` names each module of its group.
                let names = match rest.strip_prefix('{') {
                    Some(group) => group.split('}').next().unwrap_or(""),
                    None => rest.split(',').next().unwrap_or(""),
                };
                for name in names.split(',') {
                    let name: String = name
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        named.push(name);
                    }
                }
            }
        }
        named
    }

    /// Issue #15: the bottom layers depend one way, pulumi model -> edit -> source, so that
    /// each can be read (and tested) without the ones above it.
    #[test]
    fn the_bottom_layers_depend_one_way() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files: Vec<(std::path::PathBuf, &[&str])> = vec![
            (src.join("source.rs"), &[]),
            (src.join("folder.rs"), &[]),
            (src.join("edit.rs"), &["source"]),
            (src.join("layout.rs"), &["edit", "source", "folder"]),
            (src.join("suppression.rs"), &["edit", "source"]),
        ];
        for entry in std::fs::read_dir(src.join("pulumi")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                files.push((path, &["pulumi", "edit", "source", "folder"]));
            }
        }
        let mut wrong = Vec::new();
        for (file, allowed) in &files {
            for module in named_modules(file) {
                if !allowed.contains(&module.as_str()) {
                    wrong.push(format!("{} uses crate::{module}", file.display()));
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }
}
