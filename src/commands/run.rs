//! `resetpoint run PLAN` and the live part of `demo`: check the plan, then
//! take the screen. Errors are printed before the screen is taken, never on it.

use std::io::IsTerminal as _;
use std::path::Path;
use std::process::ExitCode;

use super::{exit, fail};
use crate::agenda::default_agenda;
use crate::config::{self, Config};
use crate::meeting::{Clock, Meeting};
use crate::plan::model::{AgendaName, Plan};
use crate::plan::{Checked, OpenError, load_file};

/// The settings, or the exit code after saying what is wrong with them.
pub fn settings(path: Option<&Path>) -> Result<Config, ExitCode> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let (path, explicit) = match path {
        Some(p) => (Some(p.to_path_buf()), true),
        None => (config::default_path(), false),
    };
    config::load(path.as_deref(), explicit, no_color).map_err(|bad| {
        eprint!("{}", bad.render());
        ExitCode::from(exit::BAD_INPUT)
    })
}

/// A checked plan ready to run, or the exit code after printing why not.
pub fn plan_or_report(checked: Checked) -> Result<Plan, ExitCode> {
    match checked.plan {
        Some(plan) => Ok(plan),
        None => {
            eprint!("{}", checked.render());
            eprintln!(
                "{}: fix the errors above, then run the meeting again.",
                crate::text::visible(&checked.source.name)
            );
            Err(ExitCode::from(exit::BAD_INPUT))
        }
    }
}

pub fn run(path: &Path, agenda: Option<AgendaName>, config_path: Option<&Path>) -> ExitCode {
    let checked = match load_file(path) {
        Ok(checked) => checked,
        Err(e @ OpenError::NotFound(_)) => return fail(exit::BAD_INPUT, e),
        Err(e) => return fail(exit::IO, e),
    };
    let plan = match plan_or_report(checked) {
        Ok(plan) => plan,
        Err(code) => return code,
    };
    let config = match settings(config_path) {
        Ok(config) => config,
        Err(code) => return code,
    };
    if agenda == Some(AgendaName::Plan) && plan.agenda.is_empty() {
        return fail(
            exit::BAD_INPUT,
            "--agenda plan needs an [[agenda]] in the plan; add one, or choose kickoff, reset-point or status",
        );
    }
    let agenda = agenda.unwrap_or_else(|| default_agenda(&plan));
    live(plan, agenda, config, false)
}

/// Take the terminal and run the meeting.
pub fn live(plan: Plan, agenda: AgendaName, config: Config, presenting: bool) -> ExitCode {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return fail(
            2,
            "the meeting runs full screen and needs a terminal; use `resetpoint check` for a report",
        );
    }
    let meeting = Meeting::new(plan, agenda, Clock::system(), presenting);
    match crate::tui::app::run(meeting, config) {
        Ok(()) => ExitCode::from(exit::OK),
        Err(e) => fail(exit::IO, format!("the terminal failed: {e}")),
    }
}
