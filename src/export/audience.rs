//! Who a document or a quick look is for: the customer, who never sees
//! private notes, internal items or sensitive answers; the team, who see
//! private and internal things marked; or our management, who see all of
//! it and the answers to sensitive questions too.
//! On its own so that the plan's quick look and the minutes can share it
//! without needing each other.

use crate::meeting::Capture;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Audience {
    Customer,
    Internal,
    /// Our senior managers: the internal minutes and the answers to
    /// sensitive questions (about the people on our team).
    Management,
}

impl Audience {
    /// Whether this audience is ours: internal items are shown, marked.
    pub fn ours(self) -> bool {
        self != Audience::Customer
    }

    /// What heads a document for this audience, so it goes no further.
    pub fn warning(self) -> Option<&'static str> {
        match self {
            Audience::Customer => None,
            Audience::Internal => Some(
                "Internal minutes: they include private notes and internal items. Do not send them to the customer.",
            ),
            Audience::Management => Some(
                "Minutes for our management: they include answers about people on the team, private notes and internal items. Do not send them to the team or the customer.",
            ),
        }
    }

    /// Whether an item captured in a meeting is for this audience.
    pub fn sees(self, what: &Capture) -> bool {
        match self {
            Audience::Customer => what.is_public(),
            Audience::Internal => !what.is_sensitive(),
            Audience::Management => true,
        }
    }
}
