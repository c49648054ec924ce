//! resetpoint's entry point: parse the command line and hand off.

use std::process::ExitCode;

use clap::Parser as _;
use resetpoint::cli::{Cli, Command};
use resetpoint::commands;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = cli.config.as_deref();
    match cli.command {
        Command::Demo => commands::demo::run(config),
        Command::Run { plan, agenda } => commands::run::run(&plan, agenda, config),
        Command::Check {
            plan,
            format,
            strict,
        } => commands::check::run(&plan, format, strict),
        Command::New { agenda, path } => commands::new::run(agenda, path.as_deref()),
    }
}
