//! `resetpoint history PLAN`: pulse, actions closed on time and promises
//! kept, meeting by meeting.

use std::path::Path;
use std::process::ExitCode;

use super::actions::{deliver, plan_and_meetings};
use crate::cli::ReportFormat;
use crate::export::history::{history, human, json};

pub fn run(
    plan_path: &Path,
    records: Option<&Path>,
    format: ReportFormat,
    config: Option<&Path>,
) -> ExitCode {
    let (plan, found) = match plan_and_meetings(plan_path, records, config) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let rows = history(&found, &plan, &crate::meeting::clock::local_zone());
    let document = match format {
        ReportFormat::Human => human(&rows, &plan),
        ReportFormat::Json => json(&rows, &plan) + "\n",
    };
    deliver(&document, None)
}
