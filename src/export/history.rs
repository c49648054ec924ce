//! The relationship over time as a document: a table for the terminal, or
//! JSON; the rows are worked out in `left_open::history`.

use std::fmt::Write as _;

use crate::left_open::history::MeetingHistory;
use crate::plan::model::Plan;

pub fn human(rows: &[MeetingHistory], plan: &Plan) -> String {
    let mut out = format!("History: {}\n\n", crate::text::visible(&plan.project.name));
    if rows.is_empty() {
        out.push_str("No meetings on record yet.\n");
        return out;
    }
    let _ = writeln!(
        out,
        "{:<10}  {:<5}  {:<11}  {:>5}  {:>9}  {:>7}  {:>7}  {:>4}  promises kept",
        "date", "time", "agenda", "pulse", "recommend", "actions", "on time", "late"
    );
    for r in rows {
        let pulse = r
            .pulse
            .map_or_else(|| "—".to_owned(), |p| format!("{p:.1}"));
        let recommend = r
            .recommend
            .map_or_else(|| "—".to_owned(), |s| s.to_string());
        let _ = writeln!(
            out,
            "{:<10}  {:<5}  {:<11}  {pulse:>5}  {recommend:>9}  {:>7}  {:>7}  {:>4}  {}",
            r.date.to_string(),
            r.time,
            crate::text::visible(&r.agenda),
            r.actions_opened,
            r.closed_on_time,
            r.closed_late,
            promises_text(r)
        );
    }
    out
}

/// "1 of 2, 1 broken": a broken promise is always said, never left to be
/// worked out from the gap.
fn promises_text(row: &MeetingHistory) -> String {
    let kept = format!("{} of {}", row.promises_kept, row.promises_due);
    if row.promises_broken == 0 {
        kept
    } else {
        format!("{kept}, {} broken", row.promises_broken)
    }
}

/// One JSON object, with control characters and bidi overrides escaped.
pub fn json(rows: &[MeetingHistory], plan: &Plan) -> String {
    crate::text::json(&serde_json::json!({ "project": plan.project.name, "meetings": rows }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(milestones: &str) -> Plan {
        let text = format!("[project]\nname = \"P\"\ncustomer = \"C\"\n{milestones}");
        crate::plan::load_bytes("p.toml", text.as_bytes())
            .plan
            .expect("a valid plan")
    }

    fn on(date: &str) -> jiff::civil::Date {
        date.parse().unwrap()
    }

    #[test]
    fn the_human_table_says_broken_promises_in_words() {
        let row = MeetingHistory {
            record: "r".into(),
            date: on("2026-11-30"),
            time: "14:00".into(),
            agenda: "status".into(),
            pulse: None,
            recommend: None,
            actions_opened: 0,
            closed_on_time: 0,
            closed_late: 0,
            promises_kept: 0,
            promises_due: 1,
            promises_broken: 1,
        };
        let text = human(&[row], &plan(""));
        assert!(text.contains("0 of 1, 1 broken"), "{text}");
    }
}
