//! The minutes' sections from a record, one method each, in the order a
//! reader meets them. `minutes::minutes` puts them together with where
//! the project stands and the plain words.

use jiff::civil::Date;

use super::minutes_model::{Group, Item, Section};
use crate::export::audience::Audience;
use crate::meeting::capture::{ActionStatus, Earlier, acceptance};
use crate::meeting::capture_words::buy_in_said;
use crate::meeting::latest::{Latest, acceptances_as_followups, in_order, task_now};
use crate::meeting::{Capture, Captured};
use crate::plan::model::Plan;
use crate::record::format::Record;

/// A record being written up for one audience. `earlier` holds the
/// actions still open from earlier meetings, for the titles of the
/// follow-ups.
pub struct Writer<'a> {
    pub record: &'a Record,
    pub plan: Option<&'a Plan>,
    pub earlier: &'a [Earlier],
    pub audience: Audience,
}

impl Writer<'_> {
    /// A person's name from the plan, or the id as recorded (a guest).
    fn name(&self, id: &str) -> String {
        self.plan.map_or(id, |p| p.name_of(id)).to_owned()
    }

    fn owner(&self, id: Option<&str>) -> String {
        id.map_or_else(|| "no owner yet".to_owned(), |id| self.name(id))
    }

    /// "Name — role" and a note, or "— guest" for someone not in the plan.
    fn person(&self, id: &str, note: &str) -> Item {
        let role = self
            .plan
            .and_then(|p| p.person(id))
            .map_or("guest", |p| p.role.as_str());
        let role = if role.is_empty() {
            String::new()
        } else {
            format!(" — {role}")
        };
        Item::text(format!("{}{role}{note}", self.name(id)))
    }

    pub fn attendees(&self) -> Section {
        let record = self.record;
        let taken = record
            .attendance
            .iter()
            .any(|a| matches!(a.what, Capture::Attendance { .. }));
        if taken {
            return Section::list(
                "Attendees",
                record
                    .meeting
                    .attendees
                    .iter()
                    .map(|id| self.person(id, ""))
                    .collect(),
                "Nobody was marked present.",
            );
        }
        // Attendance was not taken: say who was expected, not "nobody".
        let expected: Vec<Item> = self
            .plan
            .map(|p| {
                p.meeting
                    .attendees
                    .iter()
                    .map(|id| self.person(id.get_ref(), " (expected)"))
                    .collect()
            })
            .unwrap_or_default();
        let mut attendees = Section::list("Attendees", expected, "No attendees were named.");
        attendees.after = Some("Attendance was not taken in the meeting.".into());
        attendees
    }

    pub fn apologies(&self) -> Option<Section> {
        let away: Vec<Item> = self
            .record
            .attendance
            .iter()
            .filter_map(|a| match &a.what {
                Capture::Attendance {
                    person: who,
                    present: false,
                    ..
                } => Some(self.person(who, "")),
                _ => None,
            })
            .collect();
        (!away.is_empty()).then(|| Section::list("Apologies", away, ""))
    }

    /// The customer's answers by question, and whether they confirmed the
    /// playback; None for an agenda without a listening section.
    pub fn heard(&self) -> Option<Section> {
        let record = self.record;
        let mut heard = Section::list("What we heard", Vec::new(), "Nothing was recorded.");
        heard.groups.clear();
        // A sensitive question's answers are for our management only.
        for a in record
            .answers
            .iter()
            .filter(|a| self.audience.sees(&a.what))
        {
            let Capture::Answer { question, text, .. } = &a.what else {
                continue;
            };
            // Quoted as said: blank lines or spaces typed around the words
            // would only push the quote marks away from them.
            let answer = Item::text(format!("“{}”", text.trim()));
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
        heard.after = record.playback.iter().rev().find_map(|p| match &p.what {
            Capture::Playback {
                confirmed: true, ..
            } => Some("The customer confirmed this is what they said.".to_owned()),
            Capture::Playback { correction, .. } => {
                Some(format!("The customer corrected us: {correction}"))
            }
            _ => None,
        });
        (!heard.groups.is_empty() || heard.after.is_some()).then_some(heard)
    }

    /// What became of each earlier action followed up, and then those
    /// still open that the meeting did not come to: none goes unmentioned.
    pub fn outcomes(&self) -> Option<Section> {
        let followups = &self.record.followups;
        let said = crate::meeting::latest::SaidOf::new(followups);
        let discussed = |e: &Earlier| !said.of(&e.id, &e.meeting).is_empty();
        let not_discussed = self.earlier.iter().filter(|e| !discussed(e)).map(|e| {
            let mut words = format!("{}: still open, not discussed, {}", e.title, due(e.due));
            if let Some(who) = &e.owner {
                words.push_str(&format!(", with {}", self.name(who)));
            }
            Item::led(&e.id, words)
        });
        let outcomes: Vec<Item> = followups
            .iter()
            .filter_map(|f| self.outcome(f))
            .chain(not_discussed)
            .collect();
        (!outcomes.is_empty()).then(|| Section::list("Follow-up outcomes", outcomes, ""))
    }

    /// What became of one earlier action or customer task, said against
    /// what it was before this meeting, so a moved date or owner says so.
    fn outcome(&self, f: &Captured) -> Option<Item> {
        let Capture::Followup { item, meeting, .. } = &f.what else {
            return None;
        };
        let (title, before) = if meeting == "plan" {
            self.plan
                .and_then(|p| p.customer_tasks.iter().find(|t| t.id.get_ref() == item))
                .map(|t| (t.title.clone(), task_now(t, &[], &[])))
                .unzip()
        } else {
            self.earlier
                .iter()
                .find(|e| &e.id == item && &e.meeting == meeting)
                .map(|e| {
                    let before = Latest {
                        moved_from: e.moved_from,
                        ..Latest::new(ActionStatus::Open, e.due, e.owner.clone())
                    };
                    (e.title.clone(), before)
                })
                .unzip()
        };
        let title = title.unwrap_or_else(|| format!("from {}", meeting_of(meeting)));
        let before = before.unwrap_or(Latest::new(ActionStatus::Open, None, None));
        let now = before.clone().after([f], item, meeting);
        let word = now.status.word();
        let mut outcome = match (now.status, now.due) {
            (ActionStatus::Done | ActionStatus::Dropped, _) => word.to_owned(),
            (ActionStatus::Open, Some(d)) if now.moved_from.is_some() => {
                format!("{word}, new date {}", date(d))
            }
            (ActionStatus::Open, when) => format!("{word}, {}", due(when)),
        };
        if let (true, Some(first)) = (now.is_open(), now.moved_from) {
            outcome.push_str(&format!(" (moved from {})", date(first)));
        }
        if now.owner != before.owner
            && let Some(who) = &now.owner
        {
            outcome.push_str(&format!(", now with {}", self.name(who)));
        }
        Some(Item::led(item, format!("{title}: {outcome}")))
    }

    pub fn decisions(&self) -> Section {
        let decisions = shown(&self.record.decisions, self.audience)
            .iter()
            .map(|d| Item::text(d.what.text()))
            .collect();
        Section::list("Decisions", decisions, "No decisions were recorded.")
    }

    pub fn actions(&self) -> Section {
        let actions = shown(&self.record.actions, self.audience)
            .iter()
            .filter_map(|a| match &a.what {
                Capture::Action {
                    title,
                    owner: who,
                    due: when,
                    ..
                } => Some(Item::led(
                    &a.id,
                    format!("{title} — {}, {}", self.owner(who.as_deref()), due(*when)),
                )),
                _ => None,
            })
            .collect();
        Section::list("Actions", actions, "No new actions.")
    }

    /// The customer's open tasks: what the follow-ups said of a task
    /// stands over the plan.
    pub fn tasks(&self) -> Section {
        // Accepted in this meeting, a task is no longer open on their side.
        let said: Vec<Captured> = in_order(
            self.record
                .followups
                .iter()
                .chain(&acceptances_as_followups(&self.record.signoffs).collect::<Vec<_>>()),
        )
        .into_iter()
        .cloned()
        .collect();
        let tasks = self
            .plan
            .map(|p| {
                p.customer_tasks
                    .iter()
                    .map(|t| (t, task_now(t, &[], &said)))
                    .filter(|(_, now)| now.is_open())
                    .map(|(t, now)| {
                        let mut when = due(now.due);
                        if let Some(first) = now.moved_from {
                            when.push_str(&format!(" (moved from {})", date(first)));
                        }
                        let help = crate::plan::task_help::we_help(t, p);
                        Item::led(
                            t.id.get_ref(),
                            format!(
                                "{} — {}, {when}{help}",
                                t.title,
                                self.owner(now.owner.as_deref())
                            ),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        Section::list("Tasks on your side", tasks, "Nothing is open on your side.")
    }

    pub fn agreed(&self) -> Option<Section> {
        let record = self.record;
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
                    let said = acceptance::in_words(what, *decision)
                        .unwrap_or_else(|| format!("{what}: {}", decision.word()));
                    let by = by
                        .as_deref()
                        .map_or_else(String::new, |b| format!(" by {}", self.name(b)));
                    let reason = if reason.is_empty() {
                        String::new()
                    } else {
                        format!(" ({reason})")
                    };
                    Some(Item::text(sentence(&format!("{said}{by}{reason}"))))
                }
                _ => None,
            })
            .collect();
        agreed.extend(record.buy_in.iter().filter_map(|b| match &b.what {
            Capture::BuyIn {
                proposal,
                verdict,
                changes,
                by,
            } => {
                let by = by.as_deref().map(|who| self.name(who));
                Some(Item::text(buy_in_said(
                    proposal,
                    *verdict,
                    by.as_deref(),
                    changes,
                )))
            }
            _ => None,
        }));
        (!agreed.is_empty()).then(|| Section::list("Sign-offs and buy-in", agreed, ""))
    }

    pub fn raised(&self) -> Section {
        let raised = shown(&self.record.risks, self.audience)
            .into_iter()
            .chain(shown(&self.record.issues, self.audience))
            .filter_map(|r| {
                let raised = r.what.risk_or_issue()?;
                // A scored risk says how bad, in the plan's own bands.
                let score =
                    (raised.score).map_or_else(String::new, |s| format!(", {}", s.in_full()));
                let owner = self.owner(raised.owner);
                Some(Item {
                    lead: None,
                    text: format!(
                        "{}: {} — {owner}{score}",
                        sentence(raised.kind),
                        raised.title
                    ),
                    mark: raised.internal.then(|| "internal".to_owned()),
                })
            })
            .collect();
        Section::list(
            "Risks and issues raised",
            raised,
            "No new risks or issues were raised.",
        )
    }

    pub fn notes(&self) -> Option<Section> {
        let notes: Vec<Item> = shown(&self.record.notes, self.audience)
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
        (!notes.is_empty()).then(|| Section::list("Notes", notes, ""))
    }

    /// The points parked for later, with who takes each up: the next
    /// meeting follows them up.
    pub fn parked(&self) -> Option<Section> {
        let parked: Vec<Item> = self
            .record
            .parked
            .iter()
            .filter_map(|p| match &p.what {
                Capture::Parked { text, owner } => Some(Item::led(
                    &p.id,
                    match owner {
                        Some(who) => format!("{text} — {}", self.name(who)),
                        None => text.clone(),
                    },
                )),
                _ => None,
            })
            .collect();
        (!parked.is_empty()).then(|| Section::list("Parked for later", parked, ""))
    }

    /// The sections skipped on purpose, and why: not held, and not empty.
    pub fn skipped(&self) -> Option<Section> {
        let skipped: Vec<Item> = self
            .record
            .skipped
            .iter()
            .filter_map(|s| match &s.what {
                Capture::Skipped { reason } => {
                    let title = self.record.sections.get(s.section)?.title.as_str();
                    Some(Item::text(if reason.is_empty() {
                        format!("Skipped: {title}")
                    } else {
                        format!("Skipped: {title} ({reason})")
                    }))
                }
                _ => None,
            })
            .collect();
        (!skipped.is_empty()).then(|| Section::list("Skipped on purpose", skipped, ""))
    }

    pub fn pulse(&self) -> Option<Section> {
        // "Would recommend us" is our own measure of the relationship: the
        // customer reads it only when the plan says to share it.
        let recommend_shown = self.audience != Audience::Customer
            || self.plan.is_some_and(|p| p.meeting.share_recommend);
        let pulse: Vec<Item> = self
            .record
            .pulse
            .iter()
            .filter_map(|p| match &p.what {
                Capture::Pulse {
                    person,
                    confidence,
                    comment,
                } => {
                    let comment = match comment.trim() {
                        "" => String::new(),
                        said => format!(": “{said}”"),
                    };
                    Some(Item::text(format!(
                        "{}: confidence {confidence} of 5{comment}",
                        self.name(person)
                    )))
                }
                Capture::Recommend { score } if recommend_shown => {
                    Some(Item::text(format!("Would recommend us: {score} of 10")))
                }
                _ => None,
            })
            .collect();
        (!pulse.is_empty()).then(|| Section::list("Pulse", pulse, ""))
    }

    pub fn next(&self) -> Section {
        let mut next = Section::list("Next meeting", Vec::new(), "");
        next.groups.clear();
        next.after = Some(match self.record.meeting.next {
            Some(agreed) => {
                format!("Agreed for {agreed}. Open actions and your open tasks are its first item.")
            }
            None => {
                "Open actions and your open tasks are the first item of the next meeting.".into()
            }
        });
        next
    }
}

fn shown(items: &[Captured], audience: Audience) -> Vec<&Captured> {
    items.iter().filter(|c| audience.sees(&c.what)).collect()
}

pub(super) fn date(d: Date) -> String {
    d.strftime("%a %-d %b %Y").to_string()
}

/// "due Tue 1 Dec 2026", or "no due date".
fn due(d: Option<Date>) -> String {
    d.map_or_else(|| "no due date".into(), |d| format!("due {}", date(d)))
}

/// "the meeting of Tue 10 Nov 2026" from a record's file stem
/// (`2026-11-10-1400-status`), or the stem itself.
fn meeting_of(stem: &str) -> String {
    match Record::day_of_stem(stem) {
        Some(d) => format!("the meeting of {}", date(d)),
        None => stem.to_owned(),
    }
}

/// `text` with its first letter capitalised, as a list item in a letter.
pub(super) fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
