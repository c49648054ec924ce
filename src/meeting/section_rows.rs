//! The rows of each section that the PM moves through with ↑/↓ and acts
//! on with Enter (people in the room, follow-ups, customer tasks,
//! questions, proposals, pulse scores), and how far each section scrolls.

use jiff::civil::Date;

use super::capture::{self, ActionStatus, acceptance};
use super::latest::{Latest, SaidOf, task_now};
use super::{Capture, Captured, Meeting};
use crate::agenda::{Section, SectionKind};
use crate::plan::model::{CustomerTask, Side};

/// A row of the welcome screen: someone expected, or a guest.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Attendee {
    /// A person id from the plan, or a guest's name.
    pub person: String,
    pub guest: bool,
    /// None until confirmed on the welcome screen.
    pub present: Option<bool>,
}

/// A row of the follow-ups screen: an earlier action or an open customer task.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FollowupRow {
    pub item: String,
    /// The earlier meeting's record, or "plan" for a customer task.
    pub meeting: String,
    pub title: String,
    pub owner: Option<String>,
    pub due: Option<Date>,
    /// The date it had before an earlier meeting moved it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_from: Option<Date>,
}

impl FollowupRow {
    /// An action or task an earlier meeting left open.
    fn of_earlier(a: &capture::Earlier) -> FollowupRow {
        FollowupRow {
            item: a.id.clone(),
            meeting: a.meeting.clone(),
            title: a.title.clone(),
            owner: a.owner.clone(),
            due: a.due,
            moved_from: a.moved_from,
        }
    }

    /// The row as it stands before this meeting says anything of it.
    pub fn before(&self) -> Latest {
        Latest {
            moved_from: self.moved_from,
            ..Latest::new(ActionStatus::Open, self.due, self.owner.clone())
        }
    }
}

impl Meeting {
    /// What the follow-ups list, before any row is made of it: earlier
    /// actions still open, risks and issues raised earlier (nothing
    /// internal while presenting), and the customer's tasks still open.
    fn followed_up(
        &self,
    ) -> (
        impl Iterator<Item = &capture::Earlier>,
        impl Iterator<Item = &capture::Raised>,
        impl Iterator<Item = (&CustomerTask, Latest)>,
    ) {
        let raised = self
            .raised_earlier
            .iter()
            .filter(|r| !self.presenting || r.is_public());
        // A task as earlier meetings left it: closed ones are not listed.
        let tasks = self
            .plan
            .customer_tasks
            .iter()
            .map(|t| (t, task_now(t, &self.earlier_followups, &[])))
            .filter(|(_, now)| now.is_open());
        (self.earlier.iter(), raised, tasks)
    }

    /// How many rows the follow-ups list, without making them.
    pub fn followup_count(&self) -> usize {
        let (actions, raised, tasks) = self.followed_up();
        actions.count() + raised.count() + tasks.count()
    }

    /// Earlier actions still open, then risks and issues raised earlier,
    /// then the customer's open tasks.
    pub fn followup_rows(&self) -> Vec<FollowupRow> {
        let (actions, raised, tasks) = self.followed_up();
        let actions = actions.map(FollowupRow::of_earlier);
        let tasks = tasks.map(|(t, now)| FollowupRow {
            item: t.id.get_ref().clone(),
            meeting: "plan".to_owned(),
            title: t.title.clone(),
            owner: now.owner,
            due: now.due,
            moved_from: now.moved_from,
        });
        let raised = raised.map(|r| {
            let (kind, owner) = match &r.item.what {
                Capture::Risk { owner, .. } => ("risk", owner.clone()),
                Capture::Issue { owner, .. } => ("issue", owner.clone()),
                _ => ("item", None),
            };
            FollowupRow {
                item: r.item.id.clone(),
                meeting: r.meeting.clone(),
                title: format!("{kind}: {}", r.item.what.text()),
                owner,
                due: None,
                moved_from: None,
            }
        });
        actions.chain(raised).chain(tasks).collect()
    }

    /// The customer's tasks that earlier meetings added (`t`) and left
    /// open: the tasks screen lists them beside the plan's.
    pub fn earlier_customer_tasks(&self) -> Vec<FollowupRow> {
        self.earlier
            .iter()
            .filter(|a| a.side == Some(Side::Customer))
            .map(FollowupRow::of_earlier)
            .collect()
    }

    /// A follow-up row after what this meeting said of it, if it said anything yet.
    pub fn followup_of(&self, row: &FollowupRow) -> Option<Latest> {
        followup_of(&self.captures, row)
    }

    /// A customer task of the plan as it stands now, after every follow-up.
    pub fn task_now(&self, task: &CustomerTask) -> Latest {
        task_now(task, &self.earlier_followups, &self.captures)
    }

    /// Whether the customer accepted customer task `id` in this meeting.
    pub fn accepted(&self, id: &str) -> bool {
        accepted(&self.captures, id)
    }

    /// The customer tasks added in this meeting, oldest first.
    pub fn new_customer_tasks(&self) -> Vec<&Captured> {
        new_customer_tasks(&self.captures, &self.sections)
    }

    /// Who is expected and who came: plan attendees, then guests.
    pub fn attendees(&self) -> Vec<Attendee> {
        let mut rows: Vec<Attendee> = self
            .plan
            .meeting
            .attendees
            .iter()
            .map(|id| Attendee {
                person: id.get_ref().clone(),
                guest: false,
                present: None,
            })
            .collect();
        for item in &self.captures {
            if let Capture::Attendance {
                person,
                present,
                guest,
            } = &item.what
            {
                match rows.iter_mut().find(|r| &r.person == person) {
                    Some(row) => row.present = Some(*present),
                    None => rows.push(Attendee {
                        person: person.clone(),
                        guest: *guest,
                        present: Some(*present),
                    }),
                }
            }
        }
        rows
    }

    /// The guests added in the room, by the name they were added with.
    pub fn guests(&self) -> Vec<String> {
        self.attendees()
            .into_iter()
            .filter(|a| a.guest)
            .map(|a| a.person)
            .collect()
    }

    /// The customer's people in the room, for the pulse.
    pub fn customer_attendees(&self) -> Vec<String> {
        self.attendees()
            .into_iter()
            .filter(|a| a.present != Some(false))
            .filter(|a| {
                self.plan
                    .person(&a.person)
                    .is_some_and(|p| p.side == Side::Customer)
            })
            .map(|a| a.person)
            .collect()
    }

    /// How far the section's longest list can be scrolled: the screen
    /// never scrolls past its last row, this keeps the count from running on.
    pub fn scroll_limit(&self) -> usize {
        // Counted on what the screen shows: presenting, internal items are
        // not drawn, so there is less to scroll through.
        let (plan, derived) = if self.presenting {
            (&self.public_plan, &self.public_derived)
        } else {
            (&self.plan, &self.derived)
        };
        let longest = match self.section().kind {
            SectionKind::Welcome => self.sections.len(),
            SectionKind::Status => (derived.overall_reasons.len() + 2)
                .max(plan.milestones.len())
                .max(plan.status.accomplishments.len()),
            SectionKind::Financials => plan.financials.as_ref().map_or(0, |f| f.changes.len()),
            SectionKind::Raid => {
                plan.issues.len().max(plan.risks.len()) + self.raised_earlier.len()
            }
            SectionKind::Rules => {
                let c = &plan.communication;
                c.rules.len().max(c.escalation.len()).max(c.channels.len())
            }
            SectionKind::CustomerTasks => plan.customer_tasks.len(),
            SectionKind::Scope => {
                let p = &plan.project;
                p.objectives
                    .len()
                    .max(p.in_scope.len())
                    .max(p.out_of_scope.len())
            }
            SectionKind::Listen => self.section().questions.len(),
            SectionKind::Review | SectionKind::Playback => {
                let shown = self.captures.iter();
                shown
                    .filter(|c| !self.presenting || c.what.is_public())
                    .count()
                    + 8
            }
            SectionKind::Notes => self.attendees().len(),
            SectionKind::Followups | SectionKind::Proposals | SectionKind::Pulse => 0,
        };
        longest.saturating_sub(1)
    }

    /// How many rows ↑/↓ move through here; 0 means they move the capture pane.
    pub fn rows_in_section(&self) -> usize {
        let section = self.section();
        match section.kind {
            SectionKind::Listen => section.questions.len(),
            SectionKind::Followups => self.followup_count(),
            // Everyone, then "add a guest".
            SectionKind::Welcome => self.attendees().len() + 1,
            SectionKind::Proposals => self.plan.proposals.len(),
            SectionKind::CustomerTasks => self.plan.customer_tasks.len(),
            // Each customer attendee, then the recommend score.
            SectionKind::Pulse => self.customer_attendees().len() + 1,
            _ => 0,
        }
    }
}

// The same questions asked of any list of captures, so that the meeting and
// its customer-safe projection answer them alike.

/// Follow-up row `row` after the follow-ups among `captures`, if any names it.
pub fn followup_of(captures: &[Captured], row: &FollowupRow) -> Option<Latest> {
    let now = row.before().after(captures, &row.item, &row.meeting);
    now.followed.then_some(now)
}

/// [`followup_of`], looked up in the follow-ups grouped once by item: for
/// every row of a long list, at the cost of one pass over the captures.
pub fn followup_in(said: &SaidOf, row: &FollowupRow) -> Option<Latest> {
    let now = row.before().after(
        said.of(&row.item, &row.meeting).iter().copied(),
        &row.item,
        &row.meeting,
    );
    now.followed.then_some(now)
}

/// Whether `captures` hold the customer accepting customer task `id`.
pub fn accepted(captures: &[Captured], id: &str) -> bool {
    captures.iter().any(|c| match &c.what {
        Capture::Signoff { what, .. } => acceptance::task(what) == Some(id),
        _ => false,
    })
}

/// The customer tasks added on the customer tasks screen, oldest first.
pub fn new_customer_tasks<'a>(captures: &'a [Captured], sections: &[Section]) -> Vec<&'a Captured> {
    captures
        .iter()
        .filter(|c| {
            matches!(
                &c.what,
                Capture::Action {
                    side: Some(Side::Customer),
                    ..
                }
            ) && sections.get(c.section).map(|s| s.kind) == Some(SectionKind::CustomerTasks)
        })
        .collect()
}
