//! `resetpoint demo`: the bundled demo plan, a strained account heading for
//! a reset-point meeting.

use std::process::ExitCode;

use super::check::human_report;
use super::exit;
use crate::plan::load_bytes;

pub const DEMO_PLAN: &str = include_str!("../../assets/demo.toml");

pub fn run() -> ExitCode {
    let checked = load_bytes("demo.toml", DEMO_PLAN.as_bytes());
    print!("{}", human_report(&checked, false));
    ExitCode::from(exit::OK)
}
