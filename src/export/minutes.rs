//! Meeting minutes from a record: header, attendees and apologies, what we
//! heard, follow-up outcomes, where the project stands, decisions, actions,
//! customer tasks, sign-offs and buy-in, risks and issues raised, notes,
//! pulse, plain words, next meeting. The customer's minutes leave out
//! private notes and internal items completely, in the project's colour
//! too; the internal ones mark them. Built once as plain text, then written
//! as Markdown or HTML, each escaping every typed word.

use std::fmt::Write as _;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::markdown::{escape, escape_inline};
use crate::export::quick_look::rag_word;
use crate::meeting::capture::{ActionStatus, Earlier};
use crate::meeting::latest::{Latest, task_now};
use crate::meeting::{Capture, Captured, public_only};
use crate::plan::derive::{derive, milestone_state, short_date, slip_days};
use crate::plan::model::{Milestone, Plan, Rag};
use crate::plan::warnings::find_term;
use crate::record::format::Record;

pub use super::audience::Audience;
pub use super::minutes_model::{Group, Item, MilestoneRow, Minutes, Section};

fn shown(items: &[Captured], audience: Audience) -> Vec<&Captured> {
    items.iter().filter(|c| audience.sees(&c.what)).collect()
}

fn date(d: Date) -> String {
    d.strftime("%a %-d %b %Y").to_string()
}

/// "due Tue 1 Dec 2026", or "no due date".
fn due(d: Option<Date>) -> String {
    d.map_or_else(|| "no due date".into(), |d| format!("due {}", date(d)))
}

/// "the meeting of Tue 10 Nov 2026" from a record's file stem
/// (`2026-11-10-1400-status`), or the stem itself.
fn meeting_of(stem: &str) -> String {
    match stem.get(..10).and_then(|d| d.parse::<Date>().ok()) {
        Some(d) => format!("the meeting of {}", date(d)),
        None => stem.to_owned(),
    }
}

/// What the minutes say, for this audience. `earlier` holds the actions
/// still open from earlier meetings, for the titles of their follow-ups.
pub fn minutes(
    record: &Record,
    plan: Option<&Plan>,
    earlier: &[Earlier],
    audience: Audience,
) -> Minutes {
    let name = |id: &str| plan.map_or(id, |p| p.name_of(id)).to_owned();
    let owner = |id: Option<&str>| id.map_or_else(|| "no owner yet".to_owned(), name);
    let m = &record.meeting;
    let mut sections = Vec::new();

    let person = |id: &str, note: &str| {
        let role = plan
            .and_then(|p| p.person(id))
            .map_or("guest", |p| p.role.as_str());
        let role = if role.is_empty() {
            String::new()
        } else {
            format!(" — {role}")
        };
        Item::text(format!("{}{role}{note}", name(id)))
    };
    let taken = record
        .attendance
        .iter()
        .any(|a| matches!(a.what, Capture::Attendance { .. }));
    let mut attendees = Section::list(
        "Attendees",
        m.attendees.iter().map(|id| person(id, "")).collect(),
        "Nobody was marked present.",
    );
    if !taken {
        // Attendance was not taken: say who was expected, not "nobody".
        let expected: Vec<Item> = plan
            .map(|p| {
                p.meeting
                    .attendees
                    .iter()
                    .map(|id| person(id.get_ref(), " (expected)"))
                    .collect()
            })
            .unwrap_or_default();
        attendees = Section::list("Attendees", expected, "No attendees were named.");
        attendees.after = Some("Attendance was not taken in the meeting.".into());
    }
    sections.push(attendees);
    let away: Vec<Item> = record
        .attendance
        .iter()
        .filter_map(|a| match &a.what {
            Capture::Attendance {
                person: who,
                present: false,
                ..
            } => Some(person(who, "")),
            _ => None,
        })
        .collect();
    if !away.is_empty() {
        sections.push(Section::list("Apologies", away, ""));
    }

    let mut heard = Section::list("What we heard", Vec::new(), "Nothing was recorded.");
    heard.groups.clear();
    // A sensitive question's answers are for our management only.
    for a in record.answers.iter().filter(|a| audience.sees(&a.what)) {
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
    // An agenda without a listening section has nothing to say here.
    if !heard.groups.is_empty() || heard.after.is_some() {
        sections.push(heard);
    }

    let outcomes: Vec<Item> = record
        .followups
        .iter()
        .filter_map(|f| match &f.what {
            Capture::Followup { item, meeting, .. } => {
                // What it was before this meeting, so a moved date says so.
                let (title, before) = if meeting == "plan" {
                    plan.and_then(|p| p.customer_tasks.iter().find(|t| t.id.get_ref() == item))
                        .map(|t| (t.title.clone(), task_now(t, &[], &[])))
                        .unzip()
                } else {
                    earlier
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
                    outcome.push_str(&format!(", now with {}", name(who)));
                }
                Some(Item::led(item, format!("{title}: {outcome}")))
            }
            _ => None,
        })
        .collect();
    if !outcomes.is_empty() {
        sections.push(Section::list("Follow-up outcomes", outcomes, ""));
    }

    if let Some(plan) = plan {
        sections.push(standing(plan, audience));
    }

    let decisions = shown(&record.decisions, audience)
        .iter()
        .map(|d| Item::text(d.what.text()))
        .collect();
    sections.push(Section::list(
        "Decisions",
        decisions,
        "No decisions were recorded.",
    ));

    let actions = shown(&record.actions, audience)
        .iter()
        .filter_map(|a| match &a.what {
            Capture::Action {
                title,
                owner: who,
                due: when,
                ..
            } => Some(Item::led(
                &a.id,
                format!("{title} — {}, {}", owner(who.as_deref()), due(*when)),
            )),
            _ => None,
        })
        .collect();
    sections.push(Section::list("Actions", actions, "No new actions."));

    // What the follow-ups said of a customer task stands over the plan.
    let tasks = plan
        .map(|p| {
            p.customer_tasks
                .iter()
                .map(|t| (t, task_now(t, &[], &record.followups)))
                .filter(|(_, now)| now.is_open())
                .map(|(t, now)| {
                    let mut when = due(now.due);
                    if let Some(first) = now.moved_from {
                        when.push_str(&format!(" (moved from {})", date(first)));
                    }
                    Item::led(
                        t.id.get_ref(),
                        format!("{} — {}, {when}", t.title, owner(now.owner.as_deref())),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    sections.push(Section::list(
        "Tasks on your side",
        tasks,
        "Nothing is open on your side.",
    ));

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
                Some(Item::text(sentence(&format!("{what}: {word}{by}{reason}"))))
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
    if !agreed.is_empty() {
        sections.push(Section::list("Sign-offs and buy-in", agreed, ""));
    }

    let raised = shown(&record.risks, audience)
        .into_iter()
        .chain(shown(&record.issues, audience))
        .filter_map(|r| {
            let raised = r.what.risk_or_issue()?;
            // A scored risk says how bad, in the plan's own bands.
            let score = (raised.score).map_or_else(String::new, |s| format!(", {}", s.in_full()));
            let owner = owner(raised.owner);
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
    sections.push(Section::list(
        "Risks and issues raised",
        raised,
        "No new risks or issues were raised.",
    ));

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
        sections.push(Section::list("Notes", notes, ""));
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
                let comment = match comment.trim() {
                    "" => String::new(),
                    said => format!(": “{said}”"),
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
        .collect::<Vec<_>>();
    if !pulse.is_empty() {
        sections.push(Section::list("Pulse", pulse, ""));
    }

    if let Some(plan) = plan
        && let Some(words) = plain_words(plan, &sections)
    {
        sections.push(words);
    }

    let mut next = Section::list("Next meeting", Vec::new(), "");
    next.groups.clear();
    next.after = Some(match m.next {
        Some(agreed) => {
            format!("Agreed for {agreed}. Open actions and your open tasks are its first item.")
        }
        None => "Open actions and your open tasks are the first item of the next meeting.".into(),
    });
    sections.push(next);

    Minutes {
        project: m.project.clone(),
        customer: m.customer.clone(),
        agenda: m.agenda.clone(),
        started: m.started,
        ended: m.ended,
        sections,
    }
}

/// Where the project stands: the overall colour with the reasons the
/// audience may read, and every milestone with its baseline, forecast and
/// promised dates (after a reset the new promised date is the key fact).
fn standing(plan: &Plan, audience: Audience) -> Section {
    let public = public_only(plan);
    let shown = match audience {
        Audience::Customer => &public,
        Audience::Internal | Audience::Management => plan,
    };
    let derived = derive(shown);
    let public_reasons = derive(&public).overall_reasons;
    let reasons = derived
        .overall_reasons
        .iter()
        .map(|why| Item {
            lead: None,
            text: sentence(why),
            mark: (!public_reasons.contains(why)).then(|| "internal".to_owned()),
        })
        .collect();
    let as_of = shown.status.as_of;
    let milestones = shown
        .milestones
        .iter()
        .map(|m| milestone_row(m, as_of))
        .collect();
    let as_of_words = as_of.map_or_else(String::new, |d| format!("as of {}", date(d)));
    Section {
        title: "Where the project stands".into(),
        overall: Some((derived.overall, as_of_words)),
        groups: vec![Group {
            heading: None,
            items: reasons,
        }],
        milestones,
        empty: "Nothing holds the project back.",
        after: None,
    }
}

/// `text` with its first letter capitalised, as a list item in a letter.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

pub fn milestone_row(m: &Milestone, as_of: Option<Date>) -> MilestoneRow {
    let (rag, _) = milestone_state(m, as_of);
    let status = match (rag, m.done) {
        (_, Some(done)) => format!("done on {}", date(done)),
        (Rag::Green | Rag::Grey, None) => "on track".to_owned(),
        (Rag::Amber, None) => {
            let days = slip_days(m);
            format!(
                "{days} {} behind the baseline",
                if days == 1 { "day" } else { "days" }
            )
        }
        (Rag::Red, None) => match m.promised_date() {
            Some(p) if as_of.is_some_and(|today| today > p) => {
                format!("promise broken on {}", short_date(p))
            }
            _ => "forecast after the promised date".to_owned(),
        },
    };
    MilestoneRow {
        name: m.name.get_ref().clone(),
        baseline: date(m.baseline),
        forecast: m.done.is_none().then_some(m.forecast).flatten().map(date),
        promised: m.promised_date().map(date),
        rag,
        status,
        internal: !m.visible,
    }
}

/// The glossary terms the minutes use, with their plain meaning, so a
/// reader outside the project can follow them.
fn plain_words(plan: &Plan, sections: &[Section]) -> Option<Section> {
    let used: Vec<Item> = plan
        .project
        .glossary
        .iter()
        .filter(|(term, _)| {
            sections
                .iter()
                .flat_map(Section::texts)
                .any(|text| find_term(text, term).is_some())
        })
        .map(|(term, meaning)| Item::text(format!("{term}: {meaning}")))
        .collect();
    (!used.is_empty()).then(|| Section::list("Plain words", used, ""))
}

/// The minutes as Markdown, with times in `zone`. `earlier` holds the
/// actions still open from earlier meetings, for the follow-ups' titles.
pub fn markdown(
    record: &Record,
    plan: Option<&Plan>,
    earlier: &[Earlier],
    audience: Audience,
    zone: &TimeZone,
) -> String {
    let minutes = minutes(record, plan, earlier, audience);
    let mut out = String::new();
    let _ = writeln!(out, "# Minutes: {}", escape(&minutes.project));
    let _ = write!(
        out,
        "\n**Customer:** {}  \n**Meeting:** {}  \n**Agenda:** {}\n",
        escape_inline(&minutes.customer),
        escape_inline(&minutes.when(zone)),
        escape_inline(&minutes.agenda)
    );
    if let Some(warning) = audience.warning() {
        let _ = writeln!(out, "\n> {warning}");
    }
    for section in &minutes.sections {
        markdown_section(&mut out, section);
    }
    out
}

/// One section of a document in Markdown: its heading, the overall colour,
/// its groups of items, milestones and closing line. The minutes and the
/// status report write their sections alike.
pub fn markdown_section(out: &mut String, section: &Section) {
    let _ = write!(out, "\n## {}\n\n", escape(&section.title));
    if let Some((rag, as_of)) = &section.overall {
        let as_of = if as_of.is_empty() {
            String::new()
        } else {
            format!(", {}", escape(as_of))
        };
        let _ = writeln!(out, "**Overall: {}**{as_of}\n", rag_word(*rag));
    }
    for group in &section.groups {
        if let Some(heading) = &group.heading {
            let _ = writeln!(out, "**{}**\n", escape_inline(heading));
        }
        if group.items.is_empty() && !section.empty.is_empty() {
            let _ = writeln!(out, "{}", escape(section.empty));
        }
        for item in &group.items {
            let lead = item
                .lead
                .as_deref()
                .map_or_else(String::new, |l| format!("**{}** ", escape(l)));
            let mark = item
                .mark
                .as_deref()
                .map_or_else(String::new, |m| format!(" *({})*", escape_inline(m)));
            // After a lead the text cannot start a block. Continuation
            // lines of a list item are indented under it.
            let text = match item.lead {
                Some(_) => escape_inline(&item.text),
                None => escape(&item.text),
            };
            let text = text.replace('\n', "\n  ");
            let _ = writeln!(out, "- {lead}{text}{mark}");
        }
        out.push('\n');
    }
    if !section.milestones.is_empty() {
        out.push_str("**Milestones**\n\n");
        for m in &section.milestones {
            let mark = if m.internal { " *(internal)*" } else { "" };
            let _ = writeln!(out, "- {}{mark}", escape(&m.line()));
        }
        out.push('\n');
    }
    if let Some(after) = &section.after {
        let _ = writeln!(out, "{}", escape(after));
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
}

/// The minutes as one HTML page, with times in `zone`.
pub fn html(
    record: &Record,
    plan: Option<&Plan>,
    earlier: &[Earlier],
    audience: Audience,
    zone: &TimeZone,
) -> String {
    let minutes = minutes(record, plan, earlier, audience);
    super::html::page(&minutes, plan, audience, zone)
}

/// The file the end of a meeting writes its minutes for `audience` to,
/// beside the record named `stem`: `STEM-minutes.md`,
/// `STEM-minutes-internal.html`. The loop writes them; the leaving lines
/// name them.
pub fn file_name(stem: &str, audience: Audience, extension: &str) -> String {
    let suffix = match audience {
        Audience::Customer => "",
        Audience::Internal => "-internal",
        Audience::Management => "-management",
    };
    format!("{stem}-minutes{suffix}.{extension}")
}
