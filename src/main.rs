//! The `infra-fix` binary: parse the command line, run, exit with 0, 1 or 2.

use clap::{CommandFactory, FromArgMatches};
use infra_fix::cli::Cli;

fn main() {
    // `--version` names the pulumi-aws releases of the compiled-in tables, known at run time.
    let version: &'static str = Box::leak(infra_fix::version().into_boxed_str());
    let mut command = Cli::command().version(version);
    let matches = command.get_matches_mut();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.format(&mut command).exit());
    std::process::exit(infra_fix::run(cli));
}
