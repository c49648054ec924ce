//! An item's current state after every follow-up said of it: the one
//! place that decides what an earlier action or a customer task is now
//! (status, due date, owner), so that every screen, the minutes, `actions`
//! and the next meeting say the same.

use std::collections::HashMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::capture::{ActionStatus, SignoffDecision, acceptance};
use super::{Capture, Captured};
use crate::plan::model::{CustomerTask, Plan, TaskStatus};

/// An action or customer task as it stands now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Latest {
    pub status: ActionStatus,
    pub due: Option<Date>,
    /// A person id, or a guest's name.
    pub owner: Option<String>,
    /// The due date it had before a follow-up moved it, kept for the
    /// history ("moved from 18 Dec"); None when it was never moved.
    pub moved_from: Option<Date>,
    /// Whether any follow-up has said anything of it yet.
    pub followed: bool,
}

impl Latest {
    /// The item as it was first written, before any follow-up.
    pub fn new(status: ActionStatus, due: Option<Date>, owner: Option<String>) -> Latest {
        Latest {
            status,
            due,
            owner,
            moved_from: None,
            followed: false,
        }
    }

    /// The item after the follow-ups on `id` from `from` among `captures`,
    /// taken in the order given (the order they were said).
    pub fn after<'a>(
        mut self,
        captures: impl IntoIterator<Item = &'a Captured>,
        id: &str,
        from: &str,
    ) -> Latest {
        let first_due = self.moved_from.or(self.due);
        for capture in captures {
            let Capture::Followup {
                item,
                meeting,
                status,
                due,
                owner,
            } = &capture.what
            else {
                continue;
            };
            if item != id || meeting != from {
                continue;
            }
            self.followed = true;
            self.status = *status;
            // A follow-up that names no date or owner leaves them as they were.
            if due.is_some() {
                self.due = *due;
            }
            if owner.is_some() {
                self.owner.clone_from(owner);
            }
        }
        self.moved_from = first_due.filter(|first| self.due != Some(*first));
        self
    }

    /// Whether it is still to be done.
    pub fn is_open(&self) -> bool {
        self.status == ActionStatus::Open
    }
}

/// The customer's acceptances among `signoffs`, as what they say of their
/// tasks: a task accepted (approved) is done, for the next meeting, the
/// minutes and the report, as if a follow-up had said so.
pub fn acceptances_as_followups<'a>(
    signoffs: impl IntoIterator<Item = &'a Captured>,
) -> impl Iterator<Item = Captured> {
    signoffs.into_iter().filter_map(|s| match &s.what {
        Capture::Signoff {
            what,
            decision: SignoffDecision::Approved,
            ..
        } => acceptance::task(what).map(|task| Captured {
            what: Capture::Followup {
                item: task.to_owned(),
                meeting: "plan".into(),
                status: ActionStatus::Done,
                due: None,
                owner: None,
            },
            ..s.clone()
        }),
        _ => None,
    })
}

/// A customer task of the plan as it stands after the follow-ups of
/// earlier meetings (`earlier`) and then of this one (`now`); its
/// follow-ups are kept against "plan", the row's origin.
pub fn task_now(task: &CustomerTask, earlier: &[Captured], now: &[Captured]) -> Latest {
    let status = match task.status {
        TaskStatus::Open | TaskStatus::InProgress => ActionStatus::Open,
        TaskStatus::Done => ActionStatus::Done,
        TaskStatus::Dropped => ActionStatus::Dropped,
    };
    let owner = task.owner.as_ref().map(|o| o.get_ref().clone());
    let id = task.id.get_ref();
    Latest::new(status, task.due, owner)
        .after(earlier, id, "plan")
        .after(now, id, "plan")
}

/// The plan with its customer tasks as earlier meetings' follow-ups left
/// them (status, due date, owner), for the minutes of a later meeting.
pub fn plan_after(plan: &Plan, earlier: &[Captured]) -> Plan {
    let mut plan = plan.clone();
    for task in &mut plan.customer_tasks {
        let now = task_now(task, earlier, &[]);
        if !now.followed {
            continue;
        }
        task.status = match now.status {
            ActionStatus::Done => TaskStatus::Done,
            ActionStatus::Dropped => TaskStatus::Dropped,
            ActionStatus::Open if task.status == TaskStatus::InProgress => task.status,
            ActionStatus::Open => TaskStatus::Open,
        };
        task.due = now.due;
        task.owner = now.owner.map(|o| toml::Spanned::new(0..0, o));
    }
    plan
}

/// The follow-ups among `captures`, in the order they were said.
pub fn in_order<'a>(captures: impl IntoIterator<Item = &'a Captured>) -> Vec<&'a Captured> {
    let mut followups: Vec<&Captured> = captures
        .into_iter()
        .filter(|c| matches!(c.what, Capture::Followup { .. }))
        .collect();
    followups.sort_by_key(|f| f.at);
    followups
}

/// Follow-ups grouped by the item they speak of (its id and the meeting it
/// came from), each group in the order they were said: one pass over them
/// all, so that looking an item up costs the same with four years of
/// meetings as with one.
#[derive(Debug, Default)]
pub struct SaidOf<'a> {
    /// Item id, then the meeting it came from.
    by_item: HashMap<&'a str, HashMap<&'a str, Vec<&'a Captured>>>,
}

impl<'a> SaidOf<'a> {
    pub fn new(captures: impl IntoIterator<Item = &'a Captured>) -> SaidOf<'a> {
        let mut by_item: HashMap<&str, HashMap<&str, Vec<&Captured>>> = HashMap::new();
        for f in in_order(captures) {
            if let Capture::Followup { item, meeting, .. } = &f.what {
                by_item
                    .entry(item)
                    .or_default()
                    .entry(meeting)
                    .or_default()
                    .push(f);
            }
        }
        SaidOf { by_item }
    }

    /// What was said of item `id` from meeting `from`, in the order said.
    pub fn of(&self, id: &str, from: &str) -> &[&'a Captured] {
        self.by_item
            .get(id)
            .and_then(|from_meeting| from_meeting.get(from))
            .map_or(&[], Vec::as_slice)
    }

    /// The status the last follow-up on it gave, none when never followed up.
    pub fn last_status(&self, id: &str, from: &str) -> Option<ActionStatus> {
        match self.of(id, from).last().map(|f| &f.what) {
            Some(Capture::Followup { status, .. }) => Some(*status),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn word(item: &str, status: ActionStatus, due: Option<Date>, owner: Option<&str>) -> Captured {
        Captured {
            id: "F-1".into(),
            order: 0,
            section: 0,
            at: jiff::Timestamp::UNIX_EPOCH,
            what: Capture::Followup {
                item: item.into(),
                meeting: "plan".into(),
                status,
                due,
                owner: owner.map(str::to_owned),
            },
        }
    }

    #[test]
    fn the_latest_word_wins_and_the_first_date_is_kept() {
        let start = Latest::new(
            ActionStatus::Open,
            Some(date(2026, 12, 18)),
            Some("raj".into()),
        );
        let words = [
            word("CT-1", ActionStatus::Open, Some(date(2026, 12, 8)), None),
            word("CT-2", ActionStatus::Done, None, None),
            word(
                "CT-1",
                ActionStatus::Open,
                Some(date(2026, 12, 22)),
                Some("sam"),
            ),
        ];
        let now = start.clone().after(&words, "CT-1", "plan");
        assert_eq!(now.due, Some(date(2026, 12, 22)));
        assert_eq!(now.owner.as_deref(), Some("sam"));
        assert_eq!(now.moved_from, Some(date(2026, 12, 18)));
        assert!(now.followed && now.is_open());
        let untouched = start.after(&words[..0], "CT-1", "plan");
        assert!(!untouched.followed);
        assert_eq!(untouched.moved_from, None);
    }

    #[test]
    fn a_date_moved_back_is_not_moved() {
        let start = Latest::new(ActionStatus::Open, Some(date(2026, 12, 18)), None);
        let words = [
            word("CT-1", ActionStatus::Open, Some(date(2026, 12, 8)), None),
            word("CT-1", ActionStatus::Done, Some(date(2026, 12, 18)), None),
        ];
        let now = start.after(&words, "CT-1", "plan");
        assert_eq!(now.moved_from, None);
        assert_eq!(now.status, ActionStatus::Done);
    }

    #[test]
    fn a_second_meeting_keeps_the_first_date() {
        let first = Latest::new(ActionStatus::Open, Some(date(2026, 12, 18)), None).after(
            &[word(
                "CT-1",
                ActionStatus::Open,
                Some(date(2026, 12, 8)),
                None,
            )],
            "CT-1",
            "plan",
        );
        let second = first.after(
            &[word(
                "CT-1",
                ActionStatus::Open,
                Some(date(2026, 12, 15)),
                None,
            )],
            "CT-1",
            "plan",
        );
        assert_eq!(second.moved_from, Some(date(2026, 12, 18)));
    }
}
