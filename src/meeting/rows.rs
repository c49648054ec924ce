//! The rows a section lets the PM move through with ↑/↓ and act on with
//! Enter: questions, people in the room, proposals, pulse scores.

use jiff::civil::Date;

use super::capture::ActionStatus;
use super::{Capture, Meeting};
use crate::agenda::SectionKind;
use crate::plan::model::Side;

/// A row of the welcome screen: someone expected, or a guest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    /// A person id from the plan, or a guest's name.
    pub person: String,
    pub guest: bool,
    /// None until confirmed on the welcome screen.
    pub present: Option<bool>,
}

/// A row of the follow-ups screen: an earlier action or an open customer task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowupRow {
    pub item: String,
    /// The earlier meeting's record, or "plan" for a customer task.
    pub meeting: String,
    pub title: String,
    pub owner: Option<String>,
    pub due: Option<Date>,
}

impl Meeting {
    /// Earlier actions still open, then the customer's open tasks.
    pub fn followup_rows(&self) -> Vec<FollowupRow> {
        let actions = self.earlier.iter().map(|a| FollowupRow {
            item: a.id.clone(),
            meeting: a.meeting.clone(),
            title: a.title.clone(),
            owner: a.owner.clone(),
            due: a.due,
        });
        let tasks = self
            .plan
            .customer_tasks
            .iter()
            .filter(|t| {
                matches!(
                    t.status,
                    crate::plan::model::TaskStatus::Open
                        | crate::plan::model::TaskStatus::InProgress
                )
            })
            .map(|t| FollowupRow {
                item: t.id.get_ref().clone(),
                meeting: "plan".to_owned(),
                title: t.title.clone(),
                owner: t.owner.as_ref().map(|o| o.get_ref().clone()),
                due: t.due,
            });
        actions.chain(tasks).collect()
    }

    /// What this meeting said of a follow-up row, if anything yet.
    pub fn followup_of(&self, row: &FollowupRow) -> Option<(ActionStatus, Option<Date>)> {
        self.latest(|c| match c {
            Capture::Followup {
                item,
                meeting,
                status,
                due,
            } if *item == row.item && *meeting == row.meeting => Some((*status, *due)),
            _ => None,
        })
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
        let plan = self.shown_plan();
        let longest = match self.section().kind {
            SectionKind::Welcome => self.sections.len(),
            SectionKind::Status => (self.shown_derived().overall_reasons.len() + 2)
                .max(plan.milestones.len())
                .max(plan.status.accomplishments.len()),
            SectionKind::Financials => plan.financials.as_ref().map_or(0, |f| f.changes.len()),
            SectionKind::Raid => plan.issues.len().max(plan.risks.len()),
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
            SectionKind::Review | SectionKind::Playback => self.captures.len() + 8,
            SectionKind::Followups | SectionKind::Proposals | SectionKind::Pulse => 0,
        };
        longest.saturating_sub(1)
    }

    /// How many rows ↑/↓ move through here; 0 means they move the capture pane.
    pub fn rows_in_section(&self) -> usize {
        let section = self.section();
        match section.kind {
            SectionKind::Listen => section.questions.len(),
            SectionKind::Followups => self.followup_rows().len(),
            // Everyone, then "add a guest".
            SectionKind::Welcome => self.attendees().len() + 1,
            SectionKind::Proposals => self.plan.proposals.len(),
            // Each customer attendee, then the recommend score.
            SectionKind::Pulse => self.customer_attendees().len() + 1,
            _ => 0,
        }
    }
}
