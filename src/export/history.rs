//! The relationship over time: for each live meeting of a plan, its pulse,
//! the actions it opened and how they were closed, and the promises kept.

use std::fmt::Write as _;

use jiff::civil::Date;
use serde::Serialize;

use crate::meeting::Capture;
use crate::meeting::capture::ActionStatus;
use crate::plan::model::Plan;
use crate::record::format::Record;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeetingHistory {
    pub record: String,
    pub date: Date,
    pub agenda: String,
    /// Mean confidence (1–5) of the customer's attendees, if asked.
    pub pulse: Option<f64>,
    pub recommend: Option<u8>,
    pub actions_opened: usize,
    pub closed_on_time: usize,
    pub closed_late: usize,
    /// Milestones finished by their promised date, of those done by then.
    pub promises_kept: usize,
    pub promises_due: usize,
}

/// One row per meeting, oldest first.
pub fn history(
    meetings: &[(String, Record)],
    plan: &Plan,
    zone: &jiff::tz::TimeZone,
) -> Vec<MeetingHistory> {
    // When each action was last followed up as done, and on what day.
    let mut closed: Vec<(&str, &str, Date, ActionStatus)> = Vec::new();
    let mut followups: Vec<_> = meetings.iter().flat_map(|(_, r)| &r.followups).collect();
    followups.sort_by_key(|f| f.at);
    for f in followups {
        if let Capture::Followup {
            item,
            meeting,
            status,
            ..
        } = &f.what
        {
            closed.retain(|(i, m, _, _)| !(i == item && m == meeting));
            closed.push((item, meeting, f.at.to_zoned(zone.clone()).date(), *status));
        }
    }
    meetings
        .iter()
        .map(|(stem, record)| {
            let date = record.meeting.started.to_zoned(zone.clone()).date();
            let scores: Vec<f64> = record
                .pulse
                .iter()
                .filter_map(|p| match p.what {
                    Capture::Pulse { confidence, .. } => Some(f64::from(confidence)),
                    _ => None,
                })
                .collect();
            let recommend = record.pulse.iter().rev().find_map(|p| match p.what {
                Capture::Recommend { score } => Some(score),
                _ => None,
            });
            let (mut on_time, mut late) = (0, 0);
            for action in &record.actions {
                let Capture::Action { due, .. } = &action.what else {
                    continue;
                };
                let done = closed
                    .iter()
                    .find(|(i, m, _, s)| *i == action.id && *m == stem && *s == ActionStatus::Done);
                if let Some((_, _, on, _)) = done {
                    if due.is_none_or(|due| *on <= due) {
                        on_time += 1;
                    } else {
                        late += 1;
                    }
                }
            }
            let finished: Vec<_> = plan
                .milestones
                .iter()
                .filter(|m| m.done.is_some_and(|d| d <= date))
                .collect();
            let kept = finished
                .iter()
                .filter(|m| {
                    m.promised_date()
                        .is_none_or(|p| m.done.is_some_and(|d| d <= p))
                })
                .count();
            MeetingHistory {
                record: stem.clone(),
                date,
                agenda: record.meeting.agenda.clone(),
                pulse: (!scores.is_empty())
                    .then(|| scores.iter().sum::<f64>() / scores.len() as f64),
                recommend,
                actions_opened: record.actions.len(),
                closed_on_time: on_time,
                closed_late: late,
                promises_kept: kept,
                promises_due: finished.len(),
            }
        })
        .collect()
}

pub fn human(rows: &[MeetingHistory], plan: &Plan) -> String {
    let mut out = format!("History: {}\n\n", crate::text::visible(&plan.project.name));
    if rows.is_empty() {
        out.push_str("No meetings on record yet.\n");
        return out;
    }
    let _ = writeln!(
        out,
        "{:<10}  {:<11}  {:>5}  {:>9}  {:>7}  {:>7}  {:>4}  {:>13}",
        "date", "agenda", "pulse", "recommend", "actions", "on time", "late", "promises kept"
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
            "{:<10}  {:<11}  {pulse:>5}  {recommend:>9}  {:>7}  {:>7}  {:>4}  {:>13}",
            r.date.to_string(),
            crate::text::visible(&r.agenda),
            r.actions_opened,
            r.closed_on_time,
            r.closed_late,
            format!("{} of {}", r.promises_kept, r.promises_due)
        );
    }
    out
}

/// One JSON object, with control characters and bidi overrides escaped.
pub fn json(rows: &[MeetingHistory], plan: &Plan) -> String {
    crate::text::json(&serde_json::json!({ "project": plan.project.name, "meetings": rows }))
}
