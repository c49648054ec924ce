//! The agenda sent ahead of a meeting (`resetpoint agenda`), as the
//! customer will see it: its sections with their timeboxes and the
//! questions we will ask, what is still open from earlier meetings, the
//! customer's tasks due, and the day when one is agreed. Written as
//! Markdown, as a mail draft (the minutes' rules: to the customer's people,
//! ours in copy) and as a calendar event. It is made from the plan with its
//! internal items left out, and leaves out the questions whose answers are
//! for our management only, so it holds no private or internal word.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::eml::{Draft, addressed, draft};
use super::invitation::{Event, agenda_words, event, expected};
use super::minutes_model::{Audience, Group, Item, Section};
use super::report::{day, list, tasks_due_soon};
use super::section_text::{Dialect, Markdown, Plain, write_section};
use crate::agenda::sections_carrying_over;
use crate::left_open::actions::{parked_open, rows};
use crate::meeting::next::NextMeeting;
use crate::meeting::public_only;
use crate::plan::model::{AgendaName, Plan};
use crate::record::format::Record;

/// The agenda of one meeting, ready to write.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaAhead {
    pub project: String,
    /// "Reset-point meeting".
    pub meeting: &'static str,
    /// The day agreed at the end of the latest meeting, when there is one.
    pub when: Option<NextMeeting>,
    /// Every section's timebox added up.
    pub minutes: u32,
    pub sections: Vec<Section>,
}

/// The agenda `name` of `plan` for its next meeting, with what the live
/// meetings so far (oldest first) left open, as of `today`.
pub fn agenda_ahead(
    plan: &Plan,
    name: AgendaName,
    meetings: &[(String, Record)],
    today: Date,
) -> AgendaAhead {
    let shown = public_only(plan);
    let steps = sections_carrying_over(&shown, name, !meetings.is_empty());
    let minutes = steps.iter().map(|s| s.minutes).sum();
    let groups = steps
        .iter()
        .enumerate()
        .map(|(n, step)| Group {
            heading: Some(format!(
                "{}. {} ({})",
                n + 1,
                step.title,
                minutes_words(step.minutes)
            )),
            items: std::iter::once(Item::text(step.kind.purpose()))
                .chain(
                    step.questions
                        .iter()
                        .enumerate()
                        .filter(|(q, _)| !step.is_sensitive(*q))
                        .map(|(_, question)| Item::text(format!("We will ask: {question}"))),
                )
                .collect(),
        })
        .collect();
    let agenda = Section {
        title: format!("Agenda ({})", minutes_words(minutes)),
        overall: None,
        groups,
        milestones: Vec::new(),
        empty: "",
        after: None,
    };
    let when = Record::next_agreed(meetings).filter(|next| next.date >= today);
    AgendaAhead {
        project: plan.project.name.clone(),
        meeting: agenda_words(name.as_str()),
        when,
        minutes,
        sections: [
            Some(agenda),
            Some(open_from_last_time(&shown, meetings, today)),
            parked_for_later(&shown, meetings),
            Some(tasks_due_soon(&shown, meetings, today)),
        ]
        .into_iter()
        .flatten()
        .collect(),
    }
}

/// "5 minutes", "1 hour 10 minutes".
fn minutes_words(minutes: u32) -> String {
    let plural = |n: u32, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (minutes / 60, minutes % 60) {
        (0, m) => plural(m, "minute"),
        (h, 0) => plural(h, "hour"),
        (h, m) => format!("{} {}", plural(h, "hour"), plural(m, "minute")),
    }
}

/// Every action still open from earlier meetings, ours and the customer's,
/// with its owner and due date: the follow-ups start with them.
fn open_from_last_time(shown: &Plan, meetings: &[(String, Record)], today: Date) -> Section {
    let items = rows(meetings, shown, false)
        .into_iter()
        .map(|row| {
            let owner = row.owner.unwrap_or_else(|| "no owner yet".to_owned());
            let due = match row.due {
                Some(due) if due < today => format!(", overdue since {}", day(due)),
                Some(due) => format!(", due {}", day(due)),
                None => String::new(),
            };
            Item::led(&row.id, format!("{} — {owner}{due}", row.title))
        })
        .collect();
    list(
        "Open from last time",
        items,
        "Nothing is open from earlier meetings.",
    )
}

/// The points parked in earlier meetings and not yet taken up: the
/// follow-ups bring them back. Nothing is said when none is parked.
fn parked_for_later(shown: &Plan, meetings: &[(String, Record)]) -> Option<Section> {
    let items: Vec<Item> = parked_open(meetings)
        .into_iter()
        .map(|point| {
            let owner = point
                .owner
                .map_or_else(String::new, |o| format!(" — {}", shown.name_of(&o)));
            Item::led(&point.id, format!("{}{owner}", point.title))
        })
        .collect();
    (!items.is_empty()).then(|| list("Parked for later", items, ""))
}

impl AgendaAhead {
    /// "Agenda: Northwind — Reset-point meeting, Tue 8 Dec 2026 10:00".
    pub fn title(&self) -> String {
        let when = self.when.map_or_else(String::new, |next| {
            let time = next
                .time
                .map_or_else(String::new, |t| format!(" {}", t.strftime("%H:%M")));
            format!(", {}{time}", day(next.date))
        });
        format!("Agenda: {} — {}{when}", self.project, self.meeting)
    }

    fn written(&self, how: &dyn Dialect, heading: String) -> String {
        let mut out = heading;
        for section in &self.sections {
            write_section(&mut out, section, how);
        }
        out.push('\n');
        out
    }

    /// As Markdown.
    pub fn markdown(&self) -> String {
        self.written(
            &Markdown,
            format!("# {}\n", super::markdown::escape(&self.title())),
        )
    }

    /// As plain text, for reading in a mail program.
    pub fn plain(&self) -> String {
        let title = self.title();
        let rule = "=".repeat(title.chars().count());
        self.written(&Plain, format!("{title}\n{rule}\n"))
    }

    /// A mail draft to the people the meeting expects: the customer's, with
    /// ours in copy.
    pub fn eml(&self, plan: &Plan) -> Draft {
        let people = expected(plan).into_iter().map(|p| p.id.get_ref().as_str());
        draft(
            &self.title(),
            self.plain(),
            None,
            addressed(plan, people, Audience::Customer),
        )
    }

    /// A calendar event at the agreed day, with the agenda as its
    /// description; none when no day is agreed yet.
    pub fn ics(&self, plan: &Plan, now: Timestamp, zone: &TimeZone) -> Option<String> {
        let next = self.when?;
        Some(event(
            &Event {
                uid: format!(
                    "{}-{}-agenda@resetpoint",
                    super::ical::text(&plan.project.slug()),
                    next.date
                ),
                stamp: now,
                next,
                minutes: self.minutes,
                title: format!("{} — {}", self.meeting, self.project),
                description: self.plain(),
                invited: expected(plan),
            },
            zone,
        ))
    }
}
