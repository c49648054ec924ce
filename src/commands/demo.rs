//! `resetpoint demo`: the bundled demo plan, a strained account heading for
//! a reset-point meeting, run full screen in presenting mode (unless the
//! config says `start_presenting = false`) and recorded to a temporary
//! folder (or `--records`). Without a terminal (piped, or in CI) it prints
//! the plan's quick look instead.

use std::io::IsTerminal as _;
use std::path::Path;
use std::process::ExitCode;

use super::check::human_report;
use super::run::{live, plan_or_report, settings};
use super::{exit, fail};
use crate::agenda::sections_carrying_over;
use crate::export::minutes::Audience;
use crate::meeting::{Clock, Meeting, Origin};
use crate::plan::load_bytes;
use crate::plan::model::AgendaName;
use crate::record::format::Record;
use crate::record::open as records;

pub const DEMO_PLAN: &str = include_str!("../../assets/demo.toml");

pub fn run(records_dir: Option<&Path>, config_path: Option<&Path>) -> ExitCode {
    let checked = load_bytes("demo.toml", DEMO_PLAN.as_bytes());
    if !std::io::stdout().is_terminal() {
        // The team's quick look: internal items marked, not hidden.
        print!("{}", human_report(&checked, false, Audience::Internal));
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
    let dir = records_dir.map_or_else(
        || std::env::temp_dir().join(format!("resetpoint-demo-{}", std::process::id())),
        Path::to_path_buf,
    );
    // Demo meetings kept in one folder (`--records`) follow each other up.
    let before = crate::export::actions::meetings_before(&dir, &plan, jiff::Timestamp::now());
    let carry_over = crate::export::carry_over::open_after(&before, &plan) > 0;
    let sections = sections_carrying_over(&plan, AgendaName::ResetPoint, carry_over);
    let mut meeting = Meeting::with_sections(
        plan,
        AgendaName::ResetPoint,
        sections,
        Clock::system(),
        config.start_presenting,
    );
    crate::record::open::carry_over(&mut meeting, &before);
    meeting.origin = Origin {
        plan_path: "(bundled demo plan)".into(),
        plan_sha256: String::new(),
        rehearsal: false,
    };
    let stem = Record::file_stem(&meeting.clock.wall(), AgendaName::ResetPoint.as_str());
    match records::create(&dir, &stem) {
        Ok(disk) => live(meeting, config, Some(disk), None),
        Err(e) => fail(exit::IO, e),
    }
}
