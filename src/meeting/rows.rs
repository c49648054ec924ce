//! The rows a section lets the PM move through with ↑/↓ and act on with
//! Enter: questions, people in the room, proposals, pulse scores.

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

impl Meeting {
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

    /// How many rows ↑/↓ move through here; 0 means they move the capture pane.
    pub fn rows_in_section(&self) -> usize {
        let section = self.section();
        match section.kind {
            SectionKind::Listen => section.questions.len(),
            // Everyone, then "add a guest".
            SectionKind::Welcome => self.attendees().len() + 1,
            SectionKind::Proposals => self.plan.proposals.len(),
            // Each customer attendee, then the recommend score.
            SectionKind::Pulse => self.customer_attendees().len() + 1,
            _ => 0,
        }
    }
}
