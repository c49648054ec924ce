//! `resetpoint demo`: the bundled demo plan, a strained account heading for
//! a reset-point meeting, run full screen with presenting mode on. Without a
//! terminal (piped, or in CI) it prints the plan's quick look instead.

use std::io::IsTerminal as _;
use std::path::Path;
use std::process::ExitCode;

use super::check::human_report;
use super::exit;
use super::run::{live, plan_or_report, settings};
use crate::plan::load_bytes;
use crate::plan::model::AgendaName;

pub const DEMO_PLAN: &str = include_str!("../../assets/demo.toml");

pub fn run(config_path: Option<&Path>) -> ExitCode {
    let checked = load_bytes("demo.toml", DEMO_PLAN.as_bytes());
    if !std::io::stdout().is_terminal() {
        print!("{}", human_report(&checked, false));
        return ExitCode::from(exit::OK);
    }
    let plan = match plan_or_report(checked) {
        Ok(plan) => plan,
        Err(code) => return code,
    };
    let config = match settings(config_path) {
        Ok(config) => config,
        Err(code) => return code,
    };
    live(plan, AgendaName::ResetPoint, config, true)
}
