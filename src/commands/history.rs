//! `resetpoint history PLAN`: pulse, actions closed on time and promises
//! kept, meeting by meeting.

use std::path::Path;

use super::actions::{deliver, plan_and_meetings, workbook_has_somewhere_to_go};
use super::{Outcome, exit, fail};
use crate::cli::HistoryFormat;
use crate::export::history::{human, json};
use crate::export::workbook::history::history_workbook;
use crate::left_open::history::history;

pub fn run(
    plan_path: &Path,
    records: Option<&Path>,
    format: HistoryFormat,
    output: Option<&Path>,
    config: Option<&Path>,
) -> Outcome {
    if format == HistoryFormat::Xlsx {
        workbook_has_somewhere_to_go(output, "history.xlsx")?;
    }
    let (plan, found) = plan_and_meetings(plan_path, records, config)?;
    let rows = history(&found, &plan, &crate::meeting::clock::local_zone());
    let document = match format {
        HistoryFormat::Human => human(&rows, &plan).into_bytes(),
        HistoryFormat::Json => (json(&rows, &plan) + "\n").into_bytes(),
        HistoryFormat::Xlsx => match history_workbook(&rows, &plan) {
            Ok(bytes) => bytes,
            Err(e) => return Err(fail(exit::IO, e)),
        },
    };
    deliver(&document, output)
}
