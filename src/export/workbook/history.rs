//! The history as a workbook: one sheet, one row a meeting, its day as a
//! date cell and every figure a number.

use super::{Cell, Table, WorkbookError, workbook};
use crate::left_open::history::MeetingHistory;
use crate::plan::model::Plan;

pub const HEADERS: [&str; 11] = [
    "Date",
    "Agenda",
    "Pulse",
    "Recommend",
    "Actions opened",
    "Closed on time",
    "Closed late",
    "Promises kept",
    "Promises due",
    "Promises broken",
    "Record",
];

pub fn history_workbook(rows: &[MeetingHistory], plan: &Plan) -> Result<Vec<u8>, WorkbookError> {
    let count = |n: usize| Cell::Count(n as u64);
    let table = Table {
        sheet: "History",
        title: format!("History: {}", plan.project.name),
        headers: &HEADERS,
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Cell::Date(r.date),
                    Cell::Text(r.agenda.clone()),
                    r.pulse.map_or(Cell::Empty, Cell::Decimal),
                    r.recommend
                        .map_or(Cell::Empty, |s| Cell::Count(u64::from(s))),
                    count(r.actions_opened),
                    count(r.closed_on_time),
                    count(r.closed_late),
                    count(r.promises_kept),
                    count(r.promises_due),
                    count(r.promises_broken),
                    Cell::Text(r.record.clone()),
                ]
            })
            .collect(),
    };
    workbook(&table)
}
