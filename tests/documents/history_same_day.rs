//! Two meetings on one day are told apart in `history`: each row says
//! when it started, in the text table and in the JSON.

use crate::common;

use jiff::tz::TimeZone;
use resetpoint::export::history::human;
use resetpoint::left_open::history::history;
use resetpoint::meeting::{Clock, Meeting};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::Record;

#[test]
fn two_meetings_of_one_day_show_their_times() {
    let plan = common::demo_plan();
    let meetings: Vec<(String, Record)> = ["2026-12-04T09:30:00Z", "2026-12-04T15:00:00Z"]
        .iter()
        .map(|at| {
            let mut m = Meeting::new(
                plan.clone(),
                AgendaName::Status,
                Clock::at(at.parse().unwrap(), TimeZone::UTC),
                false,
            );
            let last = m.sections.len() - 1;
            resetpoint::meeting::update(&mut m, resetpoint::meeting::Action::JumpTo(last));
            common::quit(&mut m);
            (
                format!("2026-12-04-{}-status", &at[11..16].replace(':', "")),
                Record::of(&m),
            )
        })
        .collect();
    let rows = history(&meetings, &plan, &TimeZone::UTC);
    assert_eq!(
        rows.iter().map(|r| r.time.as_str()).collect::<Vec<_>>(),
        ["09:30", "15:00"]
    );
    let table = human(&rows, &plan);
    assert!(table.contains("2026-12-04  09:30"), "{table}");
    assert!(table.contains("2026-12-04  15:00"), "{table}");
    let json = serde_json::to_string(&rows).unwrap();
    assert!(json.contains("\"time\":\"15:00\""), "{json}");
}
