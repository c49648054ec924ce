//! One module a command; each returns how the process should exit.

pub mod actions;
pub mod agenda;
pub mod check;
pub mod demo;
pub mod follow;
pub mod from_record;
pub mod history;
pub mod leaving;
pub mod minutes;
pub mod new;
pub mod notes;
pub mod portfolio;
pub mod rehearse;
pub mod report;
pub mod run;
pub mod schema;
pub mod update;
pub mod which_meeting;

use std::process::ExitCode;

/// Exit codes of DESIGN.md: 0 success, 1 wrong input, 2 usage, 3 I/O failure.
pub mod exit {
    pub const OK: u8 = 0;
    pub const BAD_INPUT: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const IO: u8 = 3;
}

/// A command that failed: why is already on stderr (one `error:`
/// line, or `check`'s whole report), and this is its exit code. Every
/// step a command takes returns it, so a command reads as its steps, each
/// with `?`, and `main` turns it into the process's exit in one place.
#[derive(Debug)]
pub struct Failed(pub u8);

/// How a command ended: the exit code it chose, or where it stopped short.
pub type Outcome = Result<ExitCode, Failed>;

/// The process's exit code for how a command ended.
pub fn exit_code(outcome: Outcome) -> ExitCode {
    outcome.unwrap_or_else(|Failed(code)| ExitCode::from(code))
}

/// Say in one line why the command stops, and stop it with `code`.
pub fn fail(code: u8, message: impl std::fmt::Display) -> Failed {
    eprintln!("error: {}", crate::text::visible(&message.to_string()));
    Failed(code)
}
