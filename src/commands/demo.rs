//! `resetpoint demo`: the bundled demo plan, a strained account heading for
//! a reset-point meeting, run full screen in presenting mode (unless the
//! config says `start_presenting = false`) and recorded to a temporary
//! folder (or `--records`). Without a terminal (piped, or in CI) it prints
//! the plan's quick look instead.

use std::io::IsTerminal as _;
use std::path::Path;
use std::process::ExitCode;

use super::check::human_report;
use super::run::{OnStderr, live, plan_or_report, settings};
use super::{Outcome, exit, fail};
use crate::export::minutes::Audience;
use crate::meeting::Origin;
use crate::plan::load_bytes;
use crate::plan::model::AgendaName;
use crate::session::{Session, SessionOptions, Unfinished};

pub const DEMO_PLAN: &str = include_str!("../../assets/demo.toml");

pub fn run(records_dir: Option<&Path>, config_path: Option<&Path>) -> Outcome {
    let checked = load_bytes("demo.toml", DEMO_PLAN.as_bytes());
    if !std::io::stdout().is_terminal() {
        // The team's quick look: internal items marked, not hidden.
        print!("{}", human_report(&checked, false, Audience::Internal));
        return Ok(ExitCode::from(exit::OK));
    }
    let plan = plan_or_report(checked)?;
    let config = settings(config_path)?;
    let records_dir = records_dir.map_or_else(
        || std::env::temp_dir().join(format!("resetpoint-demo-{}", std::process::id())),
        Path::to_path_buf,
    );
    // Demo meetings kept in one folder (`--records`) follow each other up;
    // each demo is a new meeting, whatever an earlier one left unfinished.
    let setup = SessionOptions {
        origin: Origin {
            plan_path: "(bundled demo plan)".into(),
            plan_sha256: String::new(),
            rehearsal: false,
        },
        agenda: AgendaName::ResetPoint,
        presenting: config.start_presenting,
        records_dir,
        unfinished: Unfinished::LeaveAlone,
    };
    match Session::open(plan, setup, &mut OnStderr) {
        Ok(session) => live(session, config, None),
        Err(e) => Err(fail(exit::IO, e)),
    }
}
