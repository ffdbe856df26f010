//! The command line, as clap definitions only.

use clap::{ArgGroup, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The report's choices, which the command line offers.
pub use crate::report::{Format, Mode};

#[derive(Debug, Parser)]
#[command(
    name = "infra-fix",
    version,
    about = "Find and fix known failure patterns in Pulumi Python (pulumi_aws) code.",
    args_conflicts_with_subcommands = true,
    group(ArgGroup::new("mode").args(["dry_run", "write", "check"])),
    after_help = "As in ruff, `infra-fix check [ARGS]` lists the findings (`--check`, or the mode given) \
                  and `infra-fix rule RULE` explains a rule; a folder named `check` is `./check`."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Files or folders to process; `-` reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Change nothing; print a unified diff of what --write would do (the default).
    #[arg(long)]
    pub dry_run: bool,

    /// Apply the fixes in place.
    #[arg(long)]
    pub write: bool,

    /// Change nothing; list the findings.
    #[arg(long)]
    pub check: bool,

    /// Also apply (or show) fixes marked unsafe.
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Only these rules (comma-separated ids, or ALL).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Vec<String>,

    /// Skip these rules (comma-separated ids, or ALL).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,

    /// Add these rules to the selection (the command line's `--select`, else the
    /// configuration's, else the defaults) instead of replacing it.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub extend_select: Vec<String>,

    /// Exit 0 even when findings remain; errors (a bad configuration, an unreadable file)
    /// still exit 2.
    #[arg(long)]
    pub exit_zero: bool,

    /// Print how many findings each rule has (and whether it can fix them) instead of one
    /// entry per finding.
    #[arg(long)]
    pub statistics: bool,

    /// After the run, list per file what was fixed (`--write`) or would be (`--dry-run`).
    #[arg(long)]
    pub show_fixes: bool,

    /// The pulumi-aws major to check against (default: from the nearest dependency file
    /// upward from each file, else the newest).
    #[arg(long, value_name = "MAJOR", value_parser = clap::value_parser!(u64).range(6..=7))]
    pub pulumi_aws_version: Option<u64>,

    /// Findings output format (`--output-format` is ruff's name for it).
    #[arg(long, alias = "output-format", value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Write the findings report (or the diff) to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Use this configuration file for every file, instead of the nearest `infra-fix.toml`
    /// or `pyproject.toml` `[tool.infra-fix]`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Colour diffs and findings: auto (a terminal, and NO_COLOR unset), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// The file name to report for standard input (and to use it as `-`).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,

    /// Apply the configuration's `exclude` to files named on the command line too (and to
    /// `--stdin-filename`), as pre-commit and editors pass every file by name.
    #[arg(long)]
    pub force_exclude: bool,

    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,

    /// Print only errors and the requested output; no summary.
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Do not read or write `.infra-fix-cache/` (the files found clean by earlier runs).
    #[arg(long)]
    pub no_cache: bool,

    /// Write `# infra-fix: ignore[rule-id]` on the line of each finding, merged into the
    /// line's ignore comment, and fix nothing: a baseline, like ruff's `--add-noqa`.
    #[arg(long, conflicts_with_all = ["dry_run", "write", "check"])]
    pub add_ignore: bool,

    /// List the rules: id, title, fix applicability, default on/off.
    #[arg(long)]
    pub list_rules: bool,

    /// Set by `infra-fix upgrade --to N`: run the upgrade rules towards major N instead of
    /// the checks.
    #[arg(skip)]
    pub upgrade_to: Option<u64>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show a rule's documentation: what it finds, why, an example, its fix's safety.
    #[command(visible_alias = "rule")]
    Explain {
        /// The rule id, e.g. eip-domain-vpc.
        rule: String,
    },
    /// Move a program to the next pulumi-aws major: rewrite the source and the dependency pin,
    /// report what a person must do. Only projects whose dependency file names the major
    /// before N are changed.
    Upgrade(Upgrade),
}

/// `infra-fix upgrade`: the main command's modes and outputs, plus `--to`.
#[derive(Debug, clap::Args)]
#[command(group(ArgGroup::new("mode").args(["dry_run", "write", "check"])))]
pub struct Upgrade {
    /// The pulumi-aws major to move to: 7 (from 6), or 6 (from 5, the few changes known).
    #[arg(long, value_name = "MAJOR", value_parser = clap::value_parser!(u64).range(6..=7))]
    pub to: u64,
    /// Files or folders to process.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Change nothing; print a unified diff of what --write would do (the default).
    #[arg(long)]
    pub dry_run: bool,
    /// Apply the rewrites in place.
    #[arg(long)]
    pub write: bool,
    /// Change nothing; list the findings.
    #[arg(long)]
    pub check: bool,
    /// Also apply rewrites marked unsafe (they change a state type or a behaviour).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Only these upgrade rules (comma-separated ids, or ALL).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Vec<String>,
    /// Skip these upgrade rules.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,
    /// The major the project is on now (default: from the nearest dependency file).
    #[arg(long, value_name = "MAJOR", value_parser = clap::value_parser!(u64).range(5..=7))]
    pub pulumi_aws_version: Option<u64>,
    /// Output format; `markdown` is the upgrade pull request's body.
    #[arg(long, alias = "output-format", value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the report (or the diff) to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Use this configuration file for every file.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Colour diffs and findings: auto, always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Print only errors and the requested output; no summary.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl Cli {
    /// The command line `infra-fix upgrade` stands for: the main command with its options,
    /// running the upgrade rules. Any other command line is returned as it is.
    pub fn resolve_upgrade(self) -> Cli {
        let Some(Command::Upgrade(u)) = self.command else {
            return self;
        };
        Cli {
            command: None,
            paths: u.paths,
            dry_run: u.dry_run,
            write: u.write,
            check: u.check,
            unsafe_fixes: u.unsafe_fixes,
            // Every upgrade rule unless the command line narrows them: a configuration's
            // `select` is about the checks.
            select: if u.select.is_empty() {
                vec!["ALL".to_string()]
            } else {
                u.select
            },
            ignore: u.ignore,
            extend_select: Vec::new(),
            exit_zero: false,
            statistics: false,
            show_fixes: false,
            pulumi_aws_version: u.pulumi_aws_version,
            format: u.format,
            output: u.output,
            config: u.config,
            color: u.color,
            stdin_filename: None,
            jobs: u.jobs,
            quiet: u.quiet,
            // The cache holds the checks' findings of unchanged files.
            no_cache: true,
            list_rules: false,
            add_ignore: false,
            force_exclude: false,
            upgrade_to: Some(u.to),
        }
    }

    pub fn mode(&self) -> Mode {
        if self.write {
            Mode::Write
        } else if self.check {
            Mode::Check
        } else {
            Mode::DryRun
        }
    }
}

impl Cli {
    pub fn report_options(&self) -> crate::report::Options {
        crate::report::Options {
            mode: self.mode(),
            format: self.format,
            unsafe_fixes: self.unsafe_fixes,
            quiet: self.quiet,
            exit_zero: self.exit_zero,
            statistics: self.statistics,
            show_fixes: self.show_fixes,
            color: false,
            color_stderr: false,
            to_file: self.output.is_some(),
            upgrade_to: self.upgrade_to,
        }
    }
}

/// The command line with the words ruff users type out of habit read as infra-fix's: a first
/// argument `check` is `ruff check`, the findings listed (`--check`) unless a mode is given
/// (`infra-fix check --write` is `ruff check --fix`). It is never a path: a folder named
/// `check` is given as `./check`.
pub fn ruff_aliases(args: impl IntoIterator<Item = std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let mut args: Vec<_> = args.into_iter().collect();
    if args.get(1).is_some_and(|a| a == "check") {
        let mode = ["--write", "--dry-run", "--check"];
        if args.iter().any(|a| mode.iter().any(|m| a == m)) {
            args.remove(1);
        } else {
            args[1] = "--check".into();
        }
    }
    args
}
