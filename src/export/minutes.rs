//! Meeting minutes from a record: header, attendees, what we heard,
//! decisions, actions, customer tasks, sign-offs and buy-in, risks and
//! issues raised, pulse, next meeting. The customer's minutes leave out
//! private notes and internal items completely; the internal ones mark them.

use std::fmt::Write as _;

use jiff::tz::TimeZone;

use super::markdown::escape;
use crate::meeting::capture::SignoffDecision;
use crate::meeting::{Capture, Captured};
use crate::plan::model::{Plan, TaskStatus};
use crate::record::format::Record;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Audience {
    Customer,
    Internal,
}

struct Writer<'a> {
    out: String,
    plan: Option<&'a Plan>,
    audience: Audience,
}

impl Writer<'_> {
    fn name(&self, id: &str) -> String {
        escape(self.plan.map_or(id, |p| p.name_of(id)))
    }

    fn heading(&mut self, title: &str) {
        let _ = write!(self.out, "\n## {title}\n\n");
    }

    fn item(&mut self, text: &str) {
        // Continuation lines of a list item are indented under it.
        let _ = writeln!(self.out, "- {}", text.replace('\n', "\n  "));
    }

    fn none(&mut self) {
        self.out.push_str("- None.\n");
    }

    fn shown<'r>(&self, items: &'r [Captured]) -> Vec<&'r Captured> {
        items
            .iter()
            .filter(|c| self.audience == Audience::Internal || c.what.is_public())
            .collect()
    }

    fn marked(&self, item: &Captured) -> &'static str {
        if item.what.is_public() {
            ""
        } else {
            " *(internal)*"
        }
    }
}

/// The minutes as Markdown, with times in `zone`.
pub fn markdown(
    record: &Record,
    plan: Option<&Plan>,
    audience: Audience,
    zone: &TimeZone,
) -> String {
    let mut w = Writer {
        out: String::new(),
        plan,
        audience,
    };
    let m = &record.meeting;
    let started = m.started.to_zoned(zone.clone());
    let ended = m
        .ended
        .map(|e| e.to_zoned(zone.clone()).strftime("–%H:%M").to_string())
        .unwrap_or_else(|| " (not finished)".into());
    let _ = writeln!(w.out, "# Minutes: {}", escape(&m.project));
    let _ = write!(
        w.out,
        "\n**Customer:** {}  \n**Meeting:** {}, {}{ended}  \n**Agenda:** {}\n",
        escape(&m.customer),
        started.strftime("%A %-d %B %Y"),
        started.strftime("%H:%M"),
        escape(&m.agenda)
    );
    if audience == Audience::Internal {
        w.out.push_str("\n> Internal minutes: they include private notes and internal items. Do not send them to the customer.\n");
    }

    w.heading("Attendees");
    if m.attendees.is_empty() {
        w.none();
    }
    for id in &m.attendees {
        let role = plan
            .and_then(|p| p.person(id))
            .map(|p| format!(" — {}", escape(&p.role)))
            .unwrap_or_else(|| " — guest".into());
        let line = format!("{}{role}", w.name(id));
        w.item(&line);
    }

    w.heading("What we heard");
    let mut questions: Vec<&str> = Vec::new();
    for a in &record.answers {
        if let Capture::Answer { question, .. } = &a.what
            && !questions.contains(&question.as_str())
        {
            questions.push(question);
        }
    }
    if questions.is_empty() {
        w.none();
    }
    for question in questions {
        let _ = writeln!(w.out, "**{}**\n", escape(question));
        for a in &record.answers {
            if let Capture::Answer { question: q, text } = &a.what
                && q == question
            {
                w.item(&format!("“{}”", escape(text)));
            }
        }
        w.out.push('\n');
    }
    for p in &record.playback {
        match &p.what {
            Capture::Playback {
                confirmed: true, ..
            } => w
                .out
                .push_str("The customer confirmed this is what they said.\n"),
            Capture::Playback { correction, .. } => {
                let _ = writeln!(w.out, "The customer corrected us: {}", escape(correction));
            }
            _ => {}
        }
    }

    w.heading("Decisions");
    let decisions = w.shown(&record.decisions);
    if decisions.is_empty() {
        w.none();
    }
    for d in decisions {
        w.item(&escape(&d.what.text()));
    }

    w.heading("Actions");
    let actions = w.shown(&record.actions);
    if actions.is_empty() {
        w.none();
    }
    for a in actions {
        if let Capture::Action {
            title, owner, due, ..
        } = &a.what
        {
            let owner = owner
                .as_deref()
                .map_or_else(|| "no owner yet".into(), |o| w.name(o));
            let due = due.map_or_else(
                || "no date yet".into(),
                |d| d.strftime("%a %-d %b %Y").to_string(),
            );
            w.item(&format!(
                "**{}** {} — {owner}, due {due}",
                escape(&a.id),
                escape(title)
            ));
        }
    }

    w.heading("Tasks on your side");
    let tasks: Vec<_> = plan
        .map(|p| {
            p.customer_tasks
                .iter()
                .filter(|t| matches!(t.status, TaskStatus::Open | TaskStatus::InProgress))
                .collect()
        })
        .unwrap_or_default();
    if tasks.is_empty() {
        w.none();
    }
    for t in tasks {
        let owner = t
            .owner
            .as_ref()
            .map_or_else(|| "no owner yet".into(), |o| w.name(o.get_ref()));
        let due = t.due.map_or_else(
            || "no date yet".into(),
            |d| d.strftime("%a %-d %b %Y").to_string(),
        );
        w.item(&format!(
            "**{}** {} — {owner}, due {due}",
            escape(t.id.get_ref()),
            escape(&t.title)
        ));
    }

    w.heading("Sign-offs and buy-in");
    if record.signoffs.is_empty() && record.buy_in.is_empty() {
        w.none();
    }
    for s in &record.signoffs {
        if let Capture::Signoff { what, by, decision } = &s.what {
            let word = match decision {
                SignoffDecision::Approved => "approved",
                SignoffDecision::Deferred => "deferred",
                SignoffDecision::Rejected => "rejected",
            };
            let by = by
                .as_deref()
                .map_or_else(String::new, |b| format!(" by {}", w.name(b)));
            w.item(&format!("{}: {word}{by}", escape(what)));
        }
    }
    for b in &record.buy_in {
        if let Capture::BuyIn { proposal, verdict } = &b.what {
            w.item(&format!("{}: {}", escape(proposal), verdict.words()));
        }
    }

    w.heading("Risks and issues raised");
    let raised: Vec<&Captured> = w
        .shown(&record.risks)
        .into_iter()
        .chain(w.shown(&record.issues))
        .collect();
    if raised.is_empty() {
        w.none();
    }
    for r in raised {
        if let Capture::Risk { title, owner, .. } | Capture::Issue { title, owner, .. } = &r.what {
            let kind = if matches!(r.what, Capture::Risk { .. }) {
                "Risk"
            } else {
                "Issue"
            };
            let owner = owner
                .as_deref()
                .map_or_else(|| "no owner yet".into(), |o| w.name(o));
            let mark = w.marked(r);
            w.item(&format!("{kind}: {} — {owner}{mark}", escape(title)));
        }
    }

    let notes = w.shown(&record.notes);
    if !notes.is_empty() {
        w.heading("Notes");
        for n in notes {
            let mark = if n.what.is_public() {
                ""
            } else {
                " *(private)*"
            };
            w.item(&format!("{}{mark}", escape(&n.what.text())));
        }
    }

    w.heading("Pulse");
    if record.pulse.is_empty() {
        w.none();
    }
    for p in &record.pulse {
        match &p.what {
            Capture::Pulse {
                person,
                confidence,
                comment,
            } => {
                let comment = if comment.is_empty() {
                    String::new()
                } else {
                    format!(": “{}”", escape(comment))
                };
                let line = format!("{}: confidence {confidence} of 5{comment}", w.name(person));
                w.item(&line);
            }
            Capture::Recommend { score } => w.item(&format!("Would recommend us: {score} of 10")),
            _ => {}
        }
    }

    w.heading("Next meeting");
    w.out
        .push_str("Open actions and your open tasks are the first item of the next meeting.\n");
    w.out
}
