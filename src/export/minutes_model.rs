//! The minutes as they are built once from a record, before they are
//! written: sections of lists, milestone rows and the meeting's times.
//! Markdown (`minutes.rs`) and HTML (`html.rs`) both write this model, so
//! neither needs the other.

use std::fmt::Write as _;

use jiff::Timestamp;
use jiff::tz::TimeZone;

pub use super::audience::Audience;
use crate::export::quick_look::rag_word;
use crate::plan::model::Rag;

/// One line of the minutes: an optional bold lead (an id), the text, and
/// a mark such as "private" or "internal".
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub lead: Option<String>,
    pub text: String,
    pub mark: Option<String>,
}

impl Item {
    pub(super) fn text(text: impl Into<String>) -> Item {
        Item {
            lead: None,
            text: text.into(),
            mark: None,
        }
    }

    pub(super) fn led(lead: &str, text: impl Into<String>) -> Item {
        Item {
            lead: Some(lead.to_owned()),
            text: text.into(),
            mark: None,
        }
    }
}

/// A milestone as the minutes show it: its dates as a reader says them,
/// its colour and what that colour means.
#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneRow {
    pub name: String,
    pub baseline: String,
    /// Left out once the milestone is done.
    pub forecast: Option<String>,
    pub promised: Option<String>,
    pub rag: Rag,
    /// "on track", "14 days behind the baseline", "promise broken on 1 Nov 2026".
    pub status: String,
    pub internal: bool,
}

impl MilestoneRow {
    /// "UAT start: baseline Mon 7 Dec 2026, forecast Mon 21 Dec 2026,
    /// promised Mon 11 Jan 2027: AMBER, 14 days behind the baseline".
    pub fn line(&self) -> String {
        let mut line = format!("{}: baseline {}", self.name, self.baseline);
        if let Some(forecast) = &self.forecast {
            let _ = write!(line, ", forecast {forecast}");
        }
        if let Some(promised) = &self.promised {
            let _ = write!(line, ", promised {promised}");
        }
        match self.rag {
            Rag::Grey => {
                let _ = write!(line, ": {}", self.status);
            }
            rag => {
                let _ = write!(line, ": {}, {}", rag_word(rag), self.status);
            }
        }
        line
    }
}

/// A list, with an optional heading above it (a question).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub heading: Option<String>,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    /// The project's overall colour and the status date's words ("as of
    /// Fri 20 Nov 2026"), on the "where the project stands" section: HTML
    /// draws the colour as a badge with the charts below.
    pub overall: Option<(Rag, String)>,
    pub groups: Vec<Group>,
    /// The milestones, on the "where the project stands" section: a list in
    /// Markdown, a table in HTML.
    pub milestones: Vec<MilestoneRow>,
    /// What an empty list says ("No decisions were recorded.").
    pub empty: &'static str,
    /// A closing sentence under the lists.
    pub after: Option<String>,
}

impl Section {
    pub(super) fn list(title: &str, items: Vec<Item>, empty: &'static str) -> Section {
        Section {
            title: title.to_owned(),
            overall: None,
            groups: vec![Group {
                heading: None,
                items,
            }],
            milestones: Vec::new(),
            empty,
            after: None,
        }
    }

    /// Every text of the section, for finding glossary terms.
    pub(super) fn texts(&self) -> impl Iterator<Item = &str> {
        self.groups
            .iter()
            .flat_map(|g| g.heading.iter().chain(g.items.iter().map(|i| &i.text)))
            .chain(self.after.iter())
            .chain(self.milestones.iter().map(|m| &m.name))
            .map(String::as_str)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Minutes {
    pub project: String,
    pub customer: String,
    pub agenda: String,
    pub started: Timestamp,
    pub ended: Option<Timestamp>,
    pub sections: Vec<Section>,
}

impl Minutes {
    /// "Tuesday 24 November 2026, 14:00–15:25", or "…, from 14:00" while
    /// the meeting is still going.
    pub fn when(&self, zone: &TimeZone) -> String {
        let started = self.started.to_zoned(zone.clone());
        let day = started.strftime("%A %-d %B %Y");
        match self.ended {
            Some(e) => format!(
                "{day}, {}–{}",
                started.strftime("%H:%M"),
                e.to_zoned(zone.clone()).strftime("%H:%M")
            ),
            // Minutes written from the review screen, before the meeting ends.
            None => format!("{day}, from {}", started.strftime("%H:%M")),
        }
    }
}
