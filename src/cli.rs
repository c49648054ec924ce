//! The command line, as DESIGN.md gives it.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::plan::model::AgendaName;

#[derive(Debug, Parser)]
#[command(
    name = "resetpoint",
    version,
    about = "Run a customer meeting from the project's plan, and never lose a word said in it."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Settings file (keys, colours) instead of the one in the config folder.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the bundled demo plan's reset-point meeting, presenting mode on.
    Demo,
    /// Run a meeting from a plan, full screen.
    Run {
        /// The plan file (TOML).
        plan: PathBuf,
        /// Which agenda to follow; default: the plan's own, else its
        /// meeting.agenda, else status.
        #[arg(long, value_enum)]
        agenda: Option<AgendaName>,
    },
    /// Check a plan: errors, warnings, and the figures worked out from it.
    Check {
        /// The plan file (TOML).
        plan: PathBuf,
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
        /// Fail on warnings too.
        #[arg(long)]
        strict: bool,
    },
    /// Write a commented starter plan (to standard output when no PATH).
    New {
        /// The agenda the meeting will follow by default.
        #[arg(long, value_enum)]
        agenda: Option<AgendaName>,
        /// Where to write it; an existing file is never overwritten.
        path: Option<PathBuf>,
    },
}
