//! The actions as a workbook: one sheet, one row an action, due dates as
//! date cells, so a spreadsheet sorts and filters them as dates.

use jiff::tz::TimeZone;

use super::{Cell, Table, WorkbookError, workbook};
use crate::export::actions::{side_word, status_word};
use crate::left_open::actions::ActionRow;
use crate::plan::model::Plan;

pub const HEADERS: [&str; 9] = [
    "Id",
    "Title",
    "Owner",
    "Side",
    "Due",
    "Moved from",
    "Status",
    "Meeting",
    "Raised",
];

/// The workbook's bytes; `all` when closed actions are listed too. The time
/// an action was raised is given in `zone`, the PM's own.
pub fn actions_workbook(
    rows: &[ActionRow],
    plan: &Plan,
    all: bool,
    zone: &TimeZone,
) -> Result<Vec<u8>, WorkbookError> {
    let sheet = if all { "Actions" } else { "Open actions" };
    let text = |t: &str| Cell::Text(t.to_owned());
    let table = Table {
        sheet,
        title: format!("{sheet}: {}", plan.project.name),
        headers: &HEADERS,
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    text(&r.id),
                    text(&r.title),
                    r.owner.as_deref().map_or(Cell::Empty, text),
                    r.side.map_or(Cell::Empty, |side| text(side_word(side))),
                    r.due.map_or(Cell::Empty, Cell::Date),
                    r.moved_from.map_or(Cell::Empty, Cell::Date),
                    text(status_word(r.status)),
                    text(&r.meeting),
                    Cell::Moment(r.created.to_zoned(zone.clone()).datetime()),
                ]
            })
            .collect(),
    };
    workbook(&table)
}
