//! Meeting minutes from a record: header, attendees, what we heard,
//! decisions, actions, customer tasks, sign-offs and buy-in, risks and
//! issues raised, notes, pulse, next meeting. The customer's minutes leave
//! out private notes and internal items completely; the internal ones mark
//! them. Built once as plain text, then written as Markdown or HTML, each
//! escaping every typed word.

use std::fmt::Write as _;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::markdown::escape;
use crate::meeting::{Capture, Captured};
use crate::plan::model::{Plan, TaskStatus};
use crate::record::format::Record;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Audience {
    Customer,
    Internal,
}

/// One line of the minutes: an optional bold lead (an id), the text, and
/// a mark such as "private" or "internal".
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub lead: Option<String>,
    pub text: String,
    pub mark: Option<String>,
}

impl Item {
    fn text(text: impl Into<String>) -> Item {
        Item {
            lead: None,
            text: text.into(),
            mark: None,
        }
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
    pub groups: Vec<Group>,
    /// A closing sentence under the lists.
    pub after: Option<String>,
}

impl Section {
    fn list(title: &str, items: Vec<Item>) -> Section {
        Section {
            title: title.to_owned(),
            groups: vec![Group {
                heading: None,
                items,
            }],
            after: None,
        }
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

fn shown(items: &[Captured], audience: Audience) -> Vec<&Captured> {
    items
        .iter()
        .filter(|c| audience == Audience::Internal || c.what.is_public())
        .collect()
}

fn date(d: Option<jiff::civil::Date>) -> String {
    d.map_or_else(
        || "no date yet".into(),
        |d| d.strftime("%a %-d %b %Y").to_string(),
    )
}

/// What the minutes say, for this audience.
pub fn minutes(record: &Record, plan: Option<&Plan>, audience: Audience) -> Minutes {
    let name = |id: &str| plan.map_or(id, |p| p.name_of(id)).to_owned();
    let owner = |id: &Option<String>| {
        id.as_deref()
            .map_or_else(|| "no owner yet".to_owned(), name)
    };
    let m = &record.meeting;
    let mut sections = Vec::new();

    let attendees = m
        .attendees
        .iter()
        .map(|id| {
            let role = plan
                .and_then(|p| p.person(id))
                .map_or("guest", |p| p.role.as_str());
            Item::text(format!("{} — {role}", name(id)))
        })
        .collect();
    sections.push(Section::list("Attendees", attendees));

    let mut heard = Section {
        title: "What we heard".into(),
        groups: Vec::new(),
        after: None,
    };
    for a in &record.answers {
        let Capture::Answer { question, text } = &a.what else {
            continue;
        };
        let answer = Item::text(format!("“{text}”"));
        match heard
            .groups
            .iter_mut()
            .find(|g| g.heading.as_deref() == Some(question))
        {
            Some(group) => group.items.push(answer),
            None => heard.groups.push(Group {
                heading: Some(question.clone()),
                items: vec![answer],
            }),
        }
    }
    if heard.groups.is_empty() {
        heard.groups.push(Group {
            heading: None,
            items: Vec::new(),
        });
    }
    heard.after = record.playback.iter().rev().find_map(|p| match &p.what {
        Capture::Playback {
            confirmed: true, ..
        } => Some("The customer confirmed this is what they said.".to_owned()),
        Capture::Playback { correction, .. } => {
            Some(format!("The customer corrected us: {correction}"))
        }
        _ => None,
    });
    sections.push(heard);

    let decisions = shown(&record.decisions, audience)
        .iter()
        .map(|d| Item::text(d.what.text()))
        .collect();
    sections.push(Section::list("Decisions", decisions));

    let actions = shown(&record.actions, audience)
        .iter()
        .filter_map(|a| match &a.what {
            Capture::Action {
                title,
                owner: who,
                due,
                ..
            } => Some(Item {
                lead: Some(a.id.clone()),
                text: format!("{title} — {}, due {}", owner(who), date(*due)),
                mark: None,
            }),
            _ => None,
        })
        .collect();
    sections.push(Section::list("Actions", actions));

    let tasks = plan
        .map(|p| {
            p.customer_tasks
                .iter()
                .filter(|t| matches!(t.status, TaskStatus::Open | TaskStatus::InProgress))
                // A follow-up of this meeting that closed the task applies here too.
                .filter(|t| !closed_today(record, t.id.get_ref()))
                .map(|t| Item {
                    lead: Some(t.id.get_ref().clone()),
                    text: format!(
                        "{} — {}, due {}",
                        t.title,
                        owner(&t.owner.as_ref().map(|o| o.get_ref().clone())),
                        // A new date given in today's follow-up applies here too.
                        date(
                            followed_today(record, t.id.get_ref())
                                .and_then(|f| f.1)
                                .or(t.due)
                        )
                    ),
                    mark: None,
                })
                .collect()
        })
        .unwrap_or_default();
    sections.push(Section::list("Tasks on your side", tasks));

    let mut agreed: Vec<Item> = record
        .signoffs
        .iter()
        .filter_map(|s| match &s.what {
            Capture::Signoff {
                what,
                by,
                decision,
                reason,
            } => {
                let word = decision.word();
                let by = by
                    .as_deref()
                    .map_or_else(String::new, |b| format!(" by {}", name(b)));
                let reason = if reason.is_empty() {
                    String::new()
                } else {
                    format!(" ({reason})")
                };
                Some(Item::text(format!("{what}: {word}{by}{reason}")))
            }
            _ => None,
        })
        .collect();
    agreed.extend(record.buy_in.iter().filter_map(|b| match &b.what {
        Capture::BuyIn {
            proposal,
            verdict,
            changes,
        } if !changes.is_empty() => Some(Item::text(format!(
            "{proposal}: {}: {changes}",
            verdict.words()
        ))),
        Capture::BuyIn {
            proposal, verdict, ..
        } => Some(Item::text(format!("{proposal}: {}", verdict.words()))),
        _ => None,
    }));
    sections.push(Section::list("Sign-offs and buy-in", agreed));

    let raised = shown(&record.risks, audience)
        .into_iter()
        .chain(shown(&record.issues, audience))
        .filter_map(|r| match &r.what {
            Capture::Risk {
                title, owner: who, ..
            }
            | Capture::Issue {
                title, owner: who, ..
            } => {
                let kind = if matches!(r.what, Capture::Risk { .. }) {
                    "Risk"
                } else {
                    "Issue"
                };
                Some(Item {
                    lead: None,
                    text: format!("{kind}: {title} — {}", owner(who)),
                    mark: (!r.what.is_public()).then(|| "internal".to_owned()),
                })
            }
            _ => None,
        })
        .collect();
    sections.push(Section::list("Risks and issues raised", raised));

    let notes: Vec<Item> = shown(&record.notes, audience)
        .iter()
        .map(|n| Item {
            lead: None,
            text: n.what.text(),
            mark: match n.what {
                Capture::Note { unsent: true, .. } => Some("private, never sent".to_owned()),
                _ => (!n.what.is_public()).then(|| "private".to_owned()),
            },
        })
        .collect();
    if !notes.is_empty() {
        sections.push(Section::list("Notes", notes));
    }

    let pulse = record
        .pulse
        .iter()
        .filter_map(|p| match &p.what {
            Capture::Pulse {
                person,
                confidence,
                comment,
            } => {
                let comment = if comment.is_empty() {
                    String::new()
                } else {
                    format!(": “{comment}”")
                };
                Some(Item::text(format!(
                    "{}: confidence {confidence} of 5{comment}",
                    name(person)
                )))
            }
            Capture::Recommend { score } => {
                Some(Item::text(format!("Would recommend us: {score} of 10")))
            }
            _ => None,
        })
        .collect();
    sections.push(Section::list("Pulse", pulse));

    sections.push(Section {
        title: "Next meeting".into(),
        groups: Vec::new(),
        after: Some(
            "Open actions and your open tasks are the first item of the next meeting.".into(),
        ),
    });

    Minutes {
        project: m.project.clone(),
        customer: m.customer.clone(),
        agenda: m.agenda.clone(),
        started: m.started,
        ended: m.ended,
        sections,
    }
}

/// The minutes as Markdown, with times in `zone`.
pub fn markdown(
    record: &Record,
    plan: Option<&Plan>,
    audience: Audience,
    zone: &TimeZone,
) -> String {
    let minutes = minutes(record, plan, audience);
    let mut out = String::new();
    let _ = writeln!(out, "# Minutes: {}", escape(&minutes.project));
    let _ = write!(
        out,
        "\n**Customer:** {}  \n**Meeting:** {}  \n**Agenda:** {}\n",
        escape(&minutes.customer),
        escape(&minutes.when(zone)),
        escape(&minutes.agenda)
    );
    if audience == Audience::Internal {
        out.push_str("\n> Internal minutes: they include private notes and internal items. Do not send them to the customer.\n");
    }
    for section in &minutes.sections {
        let _ = write!(out, "\n## {}\n\n", escape(&section.title));
        for group in &section.groups {
            if let Some(heading) = &group.heading {
                let _ = writeln!(out, "**{}**\n", escape(heading));
            }
            if group.items.is_empty() {
                out.push_str("- None.\n");
            }
            for item in &group.items {
                let lead = item
                    .lead
                    .as_deref()
                    .map_or_else(String::new, |l| format!("**{}** ", escape(l)));
                let mark = item
                    .mark
                    .as_deref()
                    .map_or_else(String::new, |m| format!(" *({})*", escape(m)));
                // Continuation lines of a list item are indented under it.
                let text = escape(&item.text).replace('\n', "\n  ");
                let _ = writeln!(out, "- {lead}{text}{mark}");
            }
            if group.heading.is_some() {
                out.push('\n');
            }
        }
        if let Some(after) = &section.after {
            let _ = writeln!(out, "{}", escape(after));
        }
    }
    out
}

/// The minutes as one HTML page, with times in `zone`.
pub fn html(record: &Record, plan: Option<&Plan>, audience: Audience, zone: &TimeZone) -> String {
    super::html::page(&minutes(record, plan, audience), plan, audience, zone)
}

/// What a follow-up in this record said of the plan's customer task `id`
/// (the latest counts): its status and any new due date.
fn followed_today(
    record: &Record,
    id: &str,
) -> Option<(
    crate::meeting::capture::ActionStatus,
    Option<jiff::civil::Date>,
)> {
    record.followups.iter().rev().find_map(|f| match &f.what {
        Capture::Followup {
            item,
            meeting,
            status,
            due,
        } if item == id && meeting == "plan" => Some((*status, *due)),
        _ => None,
    })
}

/// Whether a follow-up in this record marked the task done or dropped.
fn closed_today(record: &Record, id: &str) -> bool {
    use crate::meeting::capture::ActionStatus;
    matches!(
        followed_today(record, id),
        Some((ActionStatus::Done | ActionStatus::Dropped, _))
    )
}
