//! One module a command; each returns how the process should exit.

pub mod actions;
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
pub mod which_meeting;

use std::process::ExitCode;

/// Exit codes of DESIGN.md: 0 success, 1 wrong input, 2 usage, 3 I/O failure.
pub mod exit {
    pub const OK: u8 = 0;
    pub const BAD_INPUT: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const IO: u8 = 3;
}

/// Print a one-line failure for the user and give its exit code.
pub fn fail(code: u8, message: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {}", crate::text::visible(&message.to_string()));
    ExitCode::from(code)
}
