//! The pacing report a rehearsal ends with, worked out from its record:
//! each section's time against its timebox, the projected total and the
//! overrun, what was left out (questions not asked, sign-offs not
//! obtained, proposals without buy-in), the cards handled and needing
//! work, and the glossary terms the PM used in typed answers with the
//! plain words to say instead. Shown as the last screen, printed on exit
//! and written beside the record as Markdown.

use std::fmt::Write as _;

use serde::Serialize;

use crate::agenda::SectionKind;
use crate::export::markdown::escape_inline;
use crate::meeting::Capture;
use crate::meeting::capture::{SignoffDecision, Verdict, acceptance};
use crate::plan::model::{AgendaName, Plan, TaskStatus};
use crate::plan::warnings::find_term;
use crate::record::format::Record;
use crate::rehearsal::{CardResult, Mark};

/// One section's time against its timebox.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionPace {
    pub title: String,
    pub seconds: i64,
    pub planned_seconds: i64,
    /// Some time was spent in it; one not rehearsed is projected at its
    /// timebox.
    pub rehearsed: bool,
    /// Visited, but for under a fifth of its timebox (or under 30 s):
    /// flicked past, not rehearsed, and projected at its timebox too.
    #[serde(default)]
    pub skimmed: bool,
    /// Skipped on purpose (`S`): not held, so neither its timebox nor its
    /// time counts.
    #[serde(default)]
    pub skipped: bool,
}

/// Under this long in a section, it was skimmed whatever its timebox.
const SKIMMED_UNDER: i64 = 30;

impl SectionPace {
    pub fn over_seconds(&self) -> i64 {
        (self.seconds - self.planned_seconds).max(0)
    }

    /// Whether its time tells how long it takes: rehearsed, not skimmed.
    fn timed(&self) -> bool {
        self.rehearsed && !self.skimmed
    }
}

/// `m:ss`: a rehearsal's sections last minutes, and seconds matter.
pub fn minutes_seconds(seconds: i64) -> String {
    let seconds = seconds.max(0);
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// A glossary term used in the PM's typed answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Jargon {
    pub term: String,
    /// The plain words the glossary gives for it.
    pub plain: String,
    /// In how many answers.
    pub answers: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pacing {
    pub sections: Vec<SectionPace>,
    pub planned_seconds: i64,
    /// Time spent, plus the timebox of each section not rehearsed.
    pub projected_seconds: i64,
    /// How far the projection runs past the plan; 0 when it does not.
    pub overrun_seconds: i64,
    pub unasked: Vec<String>,
    pub signoffs_missing: Vec<String>,
    pub without_buy_in: Vec<String>,
    pub handled: Vec<CardResult>,
    pub needs_work: Vec<CardResult>,
    pub jargon: Vec<Jargon>,
}

impl Pacing {
    /// The pacing of the rehearsal `record` holds, run from `plan`.
    pub fn of(record: &Record, plan: &Plan) -> Pacing {
        let sections: Vec<SectionPace> = record
            .sections
            .iter()
            .enumerate()
            .map(|(n, s)| {
                let (seconds, planned_seconds) =
                    (s.seconds.max(0), i64::from(s.planned_minutes) * 60);
                let skipped = record.skipped.iter().any(|k| k.section == n);
                SectionPace {
                    title: s.title.clone(),
                    seconds,
                    planned_seconds,
                    rehearsed: seconds > 0 && !skipped,
                    skimmed: seconds > 0
                        && !skipped
                        && (seconds * 5 < planned_seconds || seconds < SKIMMED_UNDER),
                    skipped,
                }
            })
            .collect();
        let held = || sections.iter().filter(|s| !s.skipped);
        let planned_seconds = held().map(|s| s.planned_seconds).sum();
        let projected_seconds: i64 = held()
            .map(|s| {
                if s.timed() {
                    s.seconds
                } else {
                    s.planned_seconds
                }
            })
            .sum();
        let has = |kind: SectionKind| record.sections.iter().any(|s| s.kind == kind.key());
        let (handled, needs_work) = record
            .cards
            .iter()
            .cloned()
            .partition(|c| c.mark == Mark::Handled);
        Pacing {
            planned_seconds,
            overrun_seconds: (projected_seconds - planned_seconds).max(0),
            projected_seconds,
            sections,
            unasked: unasked(record, plan),
            signoffs_missing: signoffs_missing(
                record,
                plan,
                has(SectionKind::Rules),
                has(SectionKind::CustomerTasks),
            ),
            without_buy_in: if has(SectionKind::Proposals) {
                without_buy_in(record, plan)
            } else {
                Vec::new()
            },
            handled,
            needs_work,
            jargon: jargon(&record.cards, plan),
        }
    }

    /// The report as Markdown: typed text escaped, so it reads as written.
    pub fn markdown(&self, title: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# Rehearsal pacing: {}\n", escape_inline(title));
        let _ = writeln!(out, "## Time\n");
        for s in &self.sections {
            let _ = writeln!(out, "- {}", escape_inline(&section_line(s)));
        }
        let _ = writeln!(out, "\n{}", self.total_line());
        list(&mut out, "Questions not asked", &self.unasked);
        list(&mut out, "Sign-offs not obtained", &self.signoffs_missing);
        list(&mut out, "Proposals without buy-in", &self.without_buy_in);
        let _ = writeln!(out, "\n## Pushback cards\n\n{}", self.cards_line());
        for card in self.needs_work.iter().chain(&self.handled) {
            let _ = writeln!(
                out,
                "- **{}:** “{}” — you said: {}",
                card.mark.words(),
                escape_inline(&card.says),
                escape_inline(&said(card))
            );
        }
        if !self.jargon.is_empty() {
            let _ = writeln!(out, "\n## Say it plainly\n");
            for j in &self.jargon {
                let _ = writeln!(out, "- {}", escape_inline(&jargon_line(j)));
            }
        }
        out
    }

    /// The report as plain lines, for the terminal after the screen is
    /// given back (the caller makes control characters visible).
    pub fn text(&self, title: &str) -> String {
        let mut out = format!("Rehearsal pacing: {title}\n");
        for s in &self.sections {
            let _ = writeln!(out, "  {}", section_line(s));
        }
        let _ = writeln!(out, "{}", self.total_line());
        for (heading, items) in self.left_out() {
            let _ = writeln!(out, "{heading}:");
            for item in items {
                let _ = writeln!(out, "  - {item}");
            }
        }
        let _ = writeln!(out, "{}", self.cards_line());
        for card in &self.needs_work {
            let _ = writeln!(out, "  needs work: “{}”", card.says);
        }
        for j in &self.jargon {
            let _ = writeln!(out, "  {}", jargon_line(j));
        }
        out
    }

    /// "Projected 92:00 against 85:00 planned: 7:00 over." A rehearsal
    /// that skimmed sections cannot say the meeting will be on time.
    pub fn total_line(&self) -> String {
        let head = format!(
            "Projected {} against {} planned",
            minutes_seconds(self.projected_seconds),
            minutes_seconds(self.planned_seconds)
        );
        let skimmed = self.sections.iter().filter(|s| s.skimmed).count();
        if self.overrun_seconds > 0 {
            format!("{head}: {} over.", minutes_seconds(self.overrun_seconds))
        } else if skimmed > 0 {
            let sections = if skimmed == 1 {
                "section was"
            } else {
                "sections were"
            };
            format!(
                "{head}: not known to be on time, {skimmed} {sections} skimmed — not rehearsed."
            )
        } else {
            format!("{head}: on time.")
        }
    }

    /// "Cards: 2 handled, 1 needs work."
    pub fn cards_line(&self) -> String {
        if self.handled.is_empty() && self.needs_work.is_empty() {
            return "Cards: none answered.".into();
        }
        format!(
            "Cards: {} handled, {} needs work.",
            self.handled.len(),
            self.needs_work.len()
        )
    }

    /// What the rehearsal left out, under its headings, the empty ones left out.
    pub fn left_out(&self) -> Vec<(&'static str, &[String])> {
        [
            ("Questions not asked", self.unasked.as_slice()),
            ("Sign-offs not obtained", self.signoffs_missing.as_slice()),
            ("Proposals without buy-in", self.without_buy_in.as_slice()),
        ]
        .into_iter()
        .filter(|(_, items)| !items.is_empty())
        .collect()
    }
}

/// "Your view first  24:10 of 20:00, 4:10 over" (or "not rehearsed", or
/// "skimmed — not rehearsed").
pub fn section_line(s: &SectionPace) -> String {
    if !s.rehearsed {
        return format!(
            "{}  not rehearsed ({} planned)",
            s.title,
            minutes_seconds(s.planned_seconds)
        );
    }
    let mut line = format!(
        "{}  {} of {}",
        s.title,
        minutes_seconds(s.seconds),
        minutes_seconds(s.planned_seconds)
    );
    if s.skimmed {
        line.push_str(", skimmed — not rehearsed");
    } else if s.over_seconds() >= 60 {
        let _ = write!(line, ", {} over", minutes_seconds(s.over_seconds()));
    }
    line
}

/// "\"UAT\" in 2 answers: say \"your team's acceptance testing\""
pub fn jargon_line(j: &Jargon) -> String {
    let times = if j.answers == 1 {
        "1 answer".to_owned()
    } else {
        format!("{} answers", j.answers)
    };
    format!("“{}” in {times}: say “{}”", j.term, j.plain)
}

/// What the PM answered a card with, in words.
pub fn said(card: &CardResult) -> String {
    if card.typed.trim().is_empty() {
        "(said aloud)".into()
    } else {
        format!("“{}”", card.typed)
    }
}

fn list(out: &mut String, heading: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## {heading}\n");
    for item in items {
        let _ = writeln!(out, "- {}", escape_inline(item));
    }
}

/// The listen questions of the rehearsal's agenda no answer was given to.
fn unasked(record: &Record, plan: &Plan) -> Vec<String> {
    use clap::ValueEnum as _;
    let Ok(agenda) = AgendaName::from_str(&record.meeting.agenda, false) else {
        return Vec::new();
    };
    let answered: Vec<&str> = record
        .answers
        .iter()
        .filter_map(|a| match &a.what {
            Capture::Answer { question, .. } => Some(question.as_str()),
            _ => None,
        })
        .collect();
    let mut unasked: Vec<String> = Vec::new();
    for section in crate::agenda::sections(plan, agenda) {
        if section.kind != SectionKind::Listen {
            continue;
        }
        for question in section.questions {
            if !answered.contains(&question.as_str()) && !unasked.contains(&question) {
                unasked.push(question);
            }
        }
    }
    unasked
}

/// The communication plan not approved (on an agenda with a rules
/// section), and each open customer task not accepted (with a customer
/// tasks section).
fn signoffs_missing(record: &Record, plan: &Plan, rules: bool, tasks: bool) -> Vec<String> {
    let latest = |wanted: &dyn Fn(&str) -> bool| {
        record.signoffs.iter().rev().find_map(|s| match &s.what {
            Capture::Signoff { what, decision, .. } if wanted(what) => Some(*decision),
            _ => None,
        })
    };
    let mut missing = Vec::new();
    if rules {
        match latest(&|what| acceptance::task(what).is_none()) {
            Some(SignoffDecision::Approved) => {}
            Some(other) => missing.push(format!("the communication plan ({})", other.word())),
            None => missing.push("the communication plan".to_owned()),
        }
    }
    if tasks {
        for task in plan
            .customer_tasks
            .iter()
            .filter(|t| matches!(t.status, TaskStatus::Open | TaskStatus::InProgress))
        {
            let id = task.id.get_ref();
            let accepted = latest(&|what| acceptance::task(what) == Some(id.as_str()))
                == Some(SignoffDecision::Approved);
            if !accepted {
                missing.push(format!("acceptance of {id}: {}", task.title));
            }
        }
    }
    missing
}

/// The proposals with no buy-in, or not agreed.
fn without_buy_in(record: &Record, plan: &Plan) -> Vec<String> {
    plan.proposals
        .iter()
        .filter_map(|p| {
            let verdict = record.buy_in.iter().rev().find_map(|b| match &b.what {
                Capture::BuyIn {
                    proposal, verdict, ..
                } if *proposal == p.title => Some(*verdict),
                _ => None,
            });
            match verdict {
                Some(Verdict::Agreed | Verdict::AgreedWithChanges) => None,
                Some(Verdict::NotAgreed) => Some(format!("{} (not agreed)", p.title)),
                None => Some(p.title.clone()),
            }
        })
        .collect()
}

/// The glossary terms in the PM's typed card answers that did not also
/// say the plain words.
fn jargon(cards: &[CardResult], plan: &Plan) -> Vec<Jargon> {
    plan.project
        .glossary
        .iter()
        .filter_map(|(term, plain)| {
            let plain_lower = plain.to_lowercase();
            let answers = cards
                .iter()
                .filter(|c| {
                    find_term(&c.typed, term).is_some()
                        && !c.typed.to_lowercase().contains(&plain_lower)
                })
                .count();
            (answers > 0).then(|| Jargon {
                term: term.clone(),
                plain: plain.clone(),
                answers,
            })
        })
        .collect()
}
