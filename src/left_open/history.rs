//! The relationship over time: for each live meeting of a plan, its pulse,
//! the actions it opened and how they were closed, and the promises kept
//! and broken. The history document shows it; the next meeting's pulse
//! trend is made from it.

use std::collections::HashMap;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use crate::meeting::Capture;
use crate::meeting::capture::{ActionStatus, OUR_HELP};
use crate::meeting::latest::in_order;
use crate::plan::model::Plan;
use crate::record::format::Record;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeetingHistory {
    pub record: String,
    pub date: Date,
    /// When it started on that day (`14:00`), so two meetings of one day
    /// are told apart.
    pub time: String,
    pub agenda: String,
    /// Mean confidence (1–5) of the customer's attendees, if asked.
    pub pulse: Option<f64>,
    pub recommend: Option<u8>,
    pub actions_opened: usize,
    pub closed_on_time: usize,
    pub closed_late: usize,
    /// Milestones finished by their promised date, of those due by then.
    pub promises_kept: usize,
    /// Milestones done by the meeting, or promised for a day before it.
    pub promises_due: usize,
    /// Promises due and not kept: finished late, or their date passed with
    /// the milestone not done.
    pub promises_broken: usize,
}

/// Promises as they stood on `date`: (kept, due, broken). A promise is due
/// once its milestone is done or its promised date has passed; it is kept
/// when the milestone was done by the promised date, broken otherwise, so
/// a date that passed undone never counts as kept.
pub fn promises_on(plan: &Plan, date: Date) -> (usize, usize, usize) {
    let (mut kept, mut due) = (0, 0);
    for m in &plan.milestones {
        let done = m.done.filter(|d| *d <= date);
        let promised = m.promised_date();
        match (done, promised) {
            (Some(_), None) => {
                due += 1;
                kept += 1;
            }
            (Some(done), Some(promised)) => {
                due += 1;
                kept += usize::from(done <= promised);
            }
            (None, Some(promised)) if promised < date => due += 1,
            (None, _) => {}
        }
    }
    (kept, due, due - kept)
}

/// The help promised with the customer's tasks as it stood on `date`:
/// (kept, due). Help is due once given or once its date has passed; kept
/// when given by its date. `done_on` is the day a follow-up said it was
/// given, if one did.
fn help_promises_on(
    plan: &Plan,
    date: Date,
    done_on: impl Fn(&str) -> Option<Date>,
) -> (usize, usize) {
    let (mut kept, mut due) = (0, 0);
    for task in plan
        .customer_tasks
        .iter()
        .filter(|t| !t.help.trim().is_empty())
    {
        let Some(by) = task.help_by else {
            continue;
        };
        match done_on(task.id.get_ref()).filter(|d| *d <= date) {
            Some(done) => {
                due += 1;
                kept += usize::from(done <= by);
            }
            None if by < date => due += 1,
            None => {}
        }
    }
    (kept, due)
}

/// One row per meeting, oldest first.
pub fn history(
    meetings: &[(String, Record)],
    plan: &Plan,
    zone: &jiff::tz::TimeZone,
) -> Vec<MeetingHistory> {
    // What the last follow-up of each action said, and when: one map,
    // filled in the order they were said, so the latest word stays.
    let mut closed: HashMap<(&str, &str), (Timestamp, ActionStatus)> = HashMap::new();
    for f in in_order(meetings.iter().flat_map(|(_, r)| &r.followups)) {
        if let Capture::Followup {
            item,
            meeting,
            status,
            ..
        } = &f.what
        {
            closed.insert((item, meeting), (f.at, *status));
        }
    }
    Record::held(meetings)
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
                    .get(&(action.id.as_str(), stem.as_str()))
                    .filter(|(_, status)| *status == ActionStatus::Done);
                if let Some((at, _)) = done {
                    let on = at.to_zoned(zone.clone()).date();
                    if due.is_none_or(|due| on <= due) {
                        on_time += 1;
                    } else {
                        late += 1;
                    }
                }
            }
            // The help we promised with the customer's tasks is a promise too.
            let help_done = |task: &str| {
                closed
                    .get(&(task, OUR_HELP))
                    .filter(|(_, status)| *status == ActionStatus::Done)
                    .map(|(at, _)| at.to_zoned(zone.clone()).date())
            };
            let (kept, due, broken) = promises_on(plan, date);
            let (help_kept, help_due) = help_promises_on(plan, date, help_done);
            let (kept, due, broken) = (
                kept + help_kept,
                due + help_due,
                broken + help_due - help_kept,
            );
            MeetingHistory {
                record: stem.clone(),
                date,
                time: record
                    .meeting
                    .started
                    .to_zoned(zone.clone())
                    .strftime("%H:%M")
                    .to_string(),
                agenda: record.meeting.agenda.clone(),
                pulse: (!scores.is_empty())
                    .then(|| scores.iter().sum::<f64>() / scores.len() as f64),
                recommend,
                actions_opened: record.actions.len(),
                closed_on_time: on_time,
                closed_late: late,
                promises_kept: kept,
                promises_due: due,
                promises_broken: broken,
            }
        })
        .collect()
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

    fn on(date: &str) -> Date {
        date.parse().unwrap()
    }

    #[test]
    fn a_promised_date_passed_undone_is_broken_not_kept() {
        let p = plan(
            "[[milestones]]\nname = \"Reports\"\nbaseline = 2026-11-01\nforecast = 2026-11-25\npromised = 2026-11-20\n",
        );
        assert_eq!(promises_on(&p, on("2026-11-19")), (0, 0, 0), "not due yet");
        assert_eq!(
            promises_on(&p, on("2026-11-20")),
            (0, 0, 0),
            "due on the day"
        );
        assert_eq!(
            promises_on(&p, on("2026-11-21")),
            (0, 1, 1),
            "promises kept 0 of 1, 1 broken"
        );
    }

    #[test]
    fn done_by_the_promised_date_is_kept_and_done_late_is_broken() {
        let p = plan(concat!(
            "[[milestones]]\nname = \"On time\"\nbaseline = 2026-10-01\npromised = 2026-10-09\ndone = 2026-10-02\n",
            "[[milestones]]\nname = \"Late\"\nbaseline = 2026-10-01\npromised = 2026-10-09\ndone = 2026-10-15\n",
            "[[milestones]]\nname = \"No promise\"\nbaseline = 2026-10-01\ndone = 2026-10-03\n",
        ));
        assert_eq!(promises_on(&p, on("2026-10-12")), (2, 3, 1));
        assert_eq!(promises_on(&p, on("2026-10-20")), (2, 3, 1));
        assert_eq!(promises_on(&p, on("2026-10-05")), (2, 2, 0));
    }
}
