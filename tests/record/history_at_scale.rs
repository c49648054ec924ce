//! Years of meetings give the same answers as the first way they were
//! worked out: `actions`, `history`, the follow-ups, the risks raised
//! earlier, the ids and the customer tasks' state, computed by lookups
//! keyed by id, against the straightforward loops over every follow-up
//! for every item, on a folder of many meetings whose follow-ups cross
//! from meeting to meeting (the same id in two meetings, several words on
//! one action, a word said twice in the same second, tasks of the plan,
//! risks closed later, titles that are the plan's in another case).

use crate::common;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan as _};
use resetpoint::left_open::actions::{meetings, rows};
use resetpoint::left_open::earlier::{carry_over, raised_earlier};
use resetpoint::left_open::history::{MeetingHistory, history, promises_on};
use resetpoint::meeting::capture::{ActionStatus, Raised};
use resetpoint::meeting::ids::Ids;
use resetpoint::meeting::latest::{Latest, in_order, task_now};
use resetpoint::meeting::{Capture, Captured, Clock, Meeting};
use resetpoint::plan::model::{AgendaName, Plan};
use resetpoint::record::format::Record;

/// Enough for the folder to be parsed on several cores.
const MEETINGS: usize = 40;

/// A small deterministic generator, so the fixture is the same every run.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % sides as u64) as usize
    }
}

fn item(id: String, order: u64, at: Timestamp, what: Capture) -> Captured {
    Captured {
        id,
        order,
        section: 0,
        at,
        what,
    }
}

fn status(n: usize) -> ActionStatus {
    [
        ActionStatus::Open,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ][n % 3]
}

/// The records of `MEETINGS` weekly meetings of the demo plan, with their stems.
fn folder(plan: &Plan) -> Vec<(String, Record)> {
    let mut dice = Dice(16);
    let first: Timestamp = "2025-01-06T09:00:00Z".parse().unwrap();
    let mut made: Vec<(String, Record)> = Vec::new();
    let mut said: Vec<(String, String)> = Vec::new();
    for n in 0..MEETINGS {
        let started = first + (n as i64 * 7 * 24).hours();
        let meeting = Meeting::new(
            plan.clone(),
            AgendaName::Status,
            Clock::at(started, TimeZone::UTC),
            false,
        );
        let mut record = Record::of(&meeting);
        let stem = format!("meeting-{n:02}");
        let mut order = 0;
        let mut next = |record: &mut Record, at_minute: i64, what: Capture, id: String| {
            order += 1;
            let at = started + at_minute.minutes();
            let captured = item(id, order, at, what);
            match &captured.what {
                Capture::Action { .. } => record.actions.push(captured),
                Capture::Risk { .. } => record.risks.push(captured),
                Capture::Issue { .. } => record.issues.push(captured),
                Capture::Followup { .. } => record.followups.push(captured),
                _ => record.pulse.push(captured),
            }
        };
        for a in 0..8 {
            // Every other meeting numbers its actions from 1 again, so the
            // same id stands for different actions in different meetings.
            let number = if n % 2 == 0 { a + 1 } else { n * 10 + a };
            let due = Date::constant(2025, 1, 6)
                .checked_add(((n * 7 + dice.roll(40)) as i64).days())
                .unwrap();
            let owner = ["sam", "raj", "priya"][dice.roll(3)].to_owned();
            next(
                &mut record,
                a as i64,
                Capture::Action {
                    title: format!("Action {a} of meeting {n}"),
                    owner: (dice.roll(4) > 0).then_some(owner),
                    due: (dice.roll(5) > 0).then_some(due),
                    side: None,
                    status: if dice.roll(10) == 0 {
                        ActionStatus::Done
                    } else {
                        ActionStatus::Open
                    },
                },
                format!("A-{number}"),
            );
        }
        for r in 0..2 {
            let title = match dice.roll(4) {
                // A plan risk's title, in another case and spacing.
                0 => format!(
                    "  {}  ",
                    plan.risks[dice.roll(plan.risks.len())].title.to_uppercase()
                ),
                _ => format!("Raised risk {r} of meeting {n}"),
            };
            let what = if r == 0 {
                Capture::Risk {
                    title,
                    owner: None,
                    visible: true,
                    probability: Some(3),
                    impact: Some(2),
                }
            } else {
                Capture::Issue {
                    title,
                    owner: None,
                    visible: dice.roll(2) == 0,
                }
            };
            let letter = if r == 0 { 'R' } else { 'I' };
            next(&mut record, 10 + r, what, format!("{letter}-{}", 20 + n));
        }
        // Follow-ups on earlier meetings' actions, risks and issues, and
        // on the plan's customer tasks.
        let mut f = 0;
        for _ in 0..12 {
            let Some((earlier, id)) = (if made.is_empty() {
                None
            } else {
                let (stem, record) = &made[dice.roll(made.len())];
                let items: Vec<&Captured> = record.captured().collect();
                let picked = items[dice.roll(items.len())];
                matches!(
                    picked.what,
                    Capture::Action { .. } | Capture::Risk { .. } | Capture::Issue { .. }
                )
                .then(|| (stem.clone(), picked.id.clone()))
            }) else {
                continue;
            };
            said.push((earlier.clone(), id.clone()));
            let minute = 20 + dice.roll(30) as i64;
            for _ in 0..=dice.roll(3) {
                f += 1;
                let due = Date::constant(2025, 3, 1)
                    .checked_add((dice.roll(600) as i64).days())
                    .unwrap();
                next(
                    &mut record,
                    // Two words in the same minute: the order said decides.
                    minute,
                    Capture::Followup {
                        item: id.clone(),
                        meeting: earlier.clone(),
                        status: status(dice.roll(3)),
                        due: (dice.roll(2) == 0).then_some(due),
                        owner: (dice.roll(3) == 0).then(|| "guest name".to_owned()),
                    },
                    format!("F-{f}"),
                );
            }
        }
        for task in &plan.customer_tasks {
            if dice.roll(3) == 0 {
                f += 1;
                next(
                    &mut record,
                    55,
                    Capture::Followup {
                        item: task.id.get_ref().clone(),
                        meeting: "plan".into(),
                        status: status(dice.roll(3)),
                        due: None,
                        owner: (dice.roll(2) == 0).then(|| "raj".to_owned()),
                    },
                    format!("F-{f}"),
                );
            }
        }
        if dice.roll(4) > 0 {
            for p in 0..3 {
                next(
                    &mut record,
                    58,
                    Capture::Pulse {
                        person: format!("p{p}"),
                        confidence: 1 + dice.roll(5) as u8,
                        comment: String::new(),
                    },
                    format!("C-{p}"),
                );
            }
            next(
                &mut record,
                59,
                Capture::Recommend {
                    score: dice.roll(11) as u8,
                },
                "C-9".into(),
            );
        }
        record.meeting.ids.saw(&format!("X-{n}"));
        made.push((stem, record));
    }
    assert!(
        said.len() > 100,
        "the fixture follows up plenty ({})",
        said.len()
    );
    made
}

/// Through the records folder, as `actions` and `history` read it.
fn on_disk(plan: &Plan) -> (tempfile::TempDir, Vec<(String, Record)>) {
    let dir = tempfile::tempdir().unwrap();
    for (stem, record) in folder(plan) {
        std::fs::write(dir.path().join(format!("{stem}.toml")), record.to_toml()).unwrap();
    }
    let found = meetings(dir.path(), &plan.project.slug());
    assert_eq!(found.len(), MEETINGS);
    (dir, found)
}

/// Every follow-up said in these meetings, in the order said.
fn all_followups(meetings: &[(String, Record)]) -> Vec<&Captured> {
    in_order(meetings.iter().flat_map(|(_, r)| &r.followups))
}

/// Each action as every follow-up left it: the whole list read for each.
fn actions_the_long_way(meetings: &[(String, Record)]) -> Vec<(String, String, Latest)> {
    let followups = all_followups(meetings);
    let mut out = Vec::new();
    for (stem, record) in meetings {
        for action in &record.actions {
            let Capture::Action {
                owner, due, status, ..
            } = &action.what
            else {
                continue;
            };
            let now = Latest::new(*status, *due, owner.clone()).after(
                followups.iter().copied(),
                &action.id,
                stem,
            );
            out.push((action.id.clone(), stem.clone(), now));
        }
    }
    out
}

#[test]
fn actions_say_what_every_follow_up_said_of_each_one() {
    let plan = common::demo_plan();
    let (_dir, found) = on_disk(&plan);
    let expected = actions_the_long_way(&found);
    let rows_now = rows(&found, &plan, true);
    assert_eq!(rows_now.len(), expected.len());
    let mut moved = 0;
    for (id, stem, latest) in &expected {
        let row = rows_now
            .iter()
            .find(|r| &r.id == id && &r.meeting == stem)
            .unwrap_or_else(|| panic!("no row for {id} of {stem}"));
        assert_eq!(row.status, latest.status, "{id} of {stem}");
        assert_eq!(row.due, latest.due, "{id} of {stem}");
        assert_eq!(row.moved_from, latest.moved_from, "{id} of {stem}");
        assert_eq!(row.owner_id, latest.owner, "{id} of {stem}");
        moved += usize::from(latest.moved_from.is_some());
    }
    assert!(moved > 10, "follow-ups moved dates ({moved})");
    let open: Vec<_> = expected.iter().filter(|(_, _, l)| l.is_open()).collect();
    assert_eq!(rows(&found, &plan, false).len(), open.len());
    assert!(open.len() < expected.len(), "some were closed");
}

/// The history as it was first worked out: a list of last words, searched
/// and cut for every follow-up.
fn history_the_long_way(
    meetings: &[(String, Record)],
    plan: &Plan,
    zone: &TimeZone,
) -> Vec<MeetingHistory> {
    let mut closed: Vec<(&str, &str, Date, ActionStatus)> = Vec::new();
    for f in all_followups(meetings) {
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
            let (kept, due, broken) = promises_on(plan, date);
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

#[test]
fn history_counts_what_the_last_word_on_each_action_was() {
    let plan = common::demo_plan();
    let (_dir, found) = on_disk(&plan);
    for zone in [TimeZone::UTC, TimeZone::fixed(jiff::tz::offset(-11))] {
        let expected = history_the_long_way(&found, &plan, &zone);
        let now = history(&found, &plan, &zone);
        assert_eq!(now, expected);
        assert!(now.iter().any(|h| h.closed_on_time > 0));
        assert!(now.iter().any(|h| h.closed_late > 0));
        assert!(now.iter().any(|h| h.pulse.is_some()));
    }
}

/// The raised risks and issues as first worked out: the plan's titles and
/// every follow-up searched again for each one.
fn raised_the_long_way(earlier: &[(String, Record)], plan: &Plan) -> Vec<Raised> {
    let in_plan = |title: &str| {
        let title = title.trim().to_lowercase();
        plan.risks
            .iter()
            .map(|r| &r.title)
            .chain(plan.issues.iter().map(|i| &i.title))
            .any(|t| t.trim().to_lowercase() == title)
    };
    let closed = |id: &str, from: &str| {
        let mut status = None;
        for f in all_followups(earlier) {
            if let Capture::Followup {
                item,
                meeting,
                status: s,
                ..
            } = &f.what
                && item == id
                && meeting == from
            {
                status = Some(*s);
            }
        }
        matches!(status, Some(ActionStatus::Done | ActionStatus::Dropped))
    };
    earlier
        .iter()
        .flat_map(|(stem, record)| {
            let mut raised: Vec<&Captured> = record.risks.iter().chain(&record.issues).collect();
            raised.sort_by_key(|item| (item.order, item.at));
            raised.into_iter().map(move |item| Raised {
                meeting: stem.clone(),
                item: item.clone(),
            })
        })
        .filter(|r| !in_plan(&r.item.what.text()) && !closed(&r.item.id, &r.meeting))
        .collect()
}

#[test]
fn risks_raised_earlier_are_those_no_later_word_closed_and_the_plan_lacks() {
    let plan = common::demo_plan();
    let (_dir, found) = on_disk(&plan);
    let expected = raised_the_long_way(&found, &plan);
    assert_eq!(raised_earlier(&found, &plan), expected);
    let raised = found.iter().map(|(_, r)| r.risks.len() + r.issues.len());
    let all: usize = raised.sum();
    assert!(
        !expected.is_empty() && expected.len() < all,
        "some were closed or are in the plan ({} of {all} left)",
        expected.len()
    );
}

#[test]
fn the_next_meeting_carries_the_same_ids_tasks_and_open_actions() {
    let plan = common::demo_plan();
    let (_dir, found) = on_disk(&plan);
    let start: Timestamp = "2026-01-05T09:00:00Z".parse().unwrap();
    let mut m = Meeting::new(
        plan.clone(),
        AgendaName::Status,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    let mut ids = m.ids.clone();
    carry_over(&mut m, &found);

    for (_, record) in &found {
        ids.merge(&record.meeting.ids);
        for item in record.items() {
            ids.saw(&item.id);
        }
    }
    assert_eq!(m.ids, ids);
    assert_ne!(m.ids, Ids::of_plan(&plan), "earlier meetings took ids");

    let followups: Vec<Captured> = all_followups(&found).into_iter().cloned().collect();
    for task in &plan.customer_tasks {
        assert_eq!(
            task_now(task, &m.earlier_followups, &[]),
            task_now(task, &followups, &[]),
            "{}",
            task.id.get_ref()
        );
    }
    assert!(
        plan.customer_tasks
            .iter()
            .any(|t| task_now(t, &m.earlier_followups, &[]).followed),
        "the fixture follows tasks up"
    );

    let open: Vec<(String, String)> = actions_the_long_way(&found)
        .into_iter()
        .filter(|(_, _, latest)| latest.is_open())
        .map(|(id, stem, _)| (id, stem))
        .collect();
    let carried: Vec<(String, String)> = m
        .earlier
        .iter()
        .map(|e| (e.id.clone(), e.meeting.clone()))
        .collect();
    assert_eq!(carried.len(), open.len());
    for pair in &open {
        assert!(carried.contains(pair), "{pair:?} is carried over");
    }
    assert_eq!(m.raised_earlier, raised_the_long_way(&found, &plan));
}
