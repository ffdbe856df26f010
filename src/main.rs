//! The `infra-fix` binary: parse the command line, run, exit with 0, 1 or 2.

use clap::{CommandFactory, FromArgMatches};
use infra_fix::cli::Cli;

fn main() {
    // `--version` names the pulumi-aws releases of the compiled-in tables, known at run time.
    let version: &'static str = Box::leak(infra_fix::version().into_boxed_str());
    let mut command = Cli::command().version(version);
    let args = infra_fix::cli::ruff_aliases(std::env::args_os());
    let matches = command
        .try_get_matches_from_mut(args)
        .unwrap_or_else(|e| e.exit());
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.format(&mut command).exit());
    std::process::exit(infra_fix::run(cli));
}
