//! The `infra-fix` binary: parse the command line, run, exit with 0, 1 or 2.

use clap::Parser;

fn main() {
    let cli = infra_fix::cli::Cli::parse();
    std::process::exit(infra_fix::run(cli));
}
