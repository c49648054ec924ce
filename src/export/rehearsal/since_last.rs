//! A rehearsal set beside the one before it of the same agenda: each
//! section's time then and now, the projected total, the cards that
//! needed work and the questions left unasked, then and now. The pacing
//! report ends with it, so the PM sees whether the practice pays off and
//! what still does not land.

use std::fmt::Write as _;

use serde::Serialize;

use super::pacing::{Pacing, minutes_seconds};
use crate::export::markdown::escape_inline;
use crate::record::format::Record;

/// One section's time in the rehearsal before and in this one; None
/// when it was not rehearsed (or not on that agenda).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionThenNow {
    pub title: String,
    pub then: Option<i64>,
    pub now: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SinceLast {
    /// The day the rehearsal before was held, in words.
    pub then_day: String,
    pub sections: Vec<SectionThenNow>,
    pub projected: (i64, i64),
    /// What the cards that needed work said, then and now.
    pub needs_work: (Vec<String>, Vec<String>),
    pub unasked: (Vec<String>, Vec<String>),
}

/// The latest rehearsal of `now`'s agenda that started before it.
pub fn previous<'a>(rehearsals: &'a [(String, Record)], now: &Record) -> Option<&'a Record> {
    rehearsals
        .iter()
        .rev()
        .map(|(_, r)| r)
        .find(|r| r.meeting.agenda == now.meeting.agenda && r.meeting.started < now.meeting.started)
}

impl SinceLast {
    /// `now` beside `then`, the pacing of the rehearsal held on `then_day`.
    pub fn of(then: &Pacing, now: &Pacing, then_day: String) -> SinceLast {
        let spent = |pacing: &Pacing, title: &str| {
            pacing
                .sections
                .iter()
                .find(|s| s.title == title)
                .filter(|s| s.rehearsed)
                .map(|s| s.seconds)
        };
        let says = |pacing: &Pacing| pacing.needs_work.iter().map(|c| c.says.clone()).collect();
        SinceLast {
            then_day,
            sections: now
                .sections
                .iter()
                .map(|s| SectionThenNow {
                    title: s.title.clone(),
                    then: spent(then, &s.title),
                    now: spent(now, &s.title),
                })
                .filter(|s| s.then.is_some() || s.now.is_some())
                .collect(),
            projected: (then.projected_seconds, now.projected_seconds),
            needs_work: (says(then), says(now)),
            unasked: (then.unasked.clone(), now.unasked.clone()),
        }
    }

    /// The comparison as printed after the pacing report, indented under
    /// its heading.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (n, line) in self.lines().iter().enumerate() {
            let indent = if n == 0 { "" } else { "  " };
            for part in line.split('\n') {
                let _ = writeln!(out, "{indent}{part}");
            }
        }
        out
    }

    /// The comparison as the last section of the Markdown report, typed
    /// text escaped.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let mut lines = self.lines().into_iter();
        if let Some(heading) = lines.next() {
            let _ = writeln!(
                out,
                "\n## {}\n",
                escape_inline(heading.trim_end_matches(':'))
            );
        }
        for line in lines {
            for (n, part) in line.split('\n').enumerate() {
                let indent = if n == 0 { "- " } else { "  - " };
                let _ = writeln!(out, "{indent}{}", escape_inline(part.trim_start()));
            }
        }
        out
    }

    /// The comparison as lines, under its heading: what is still to
    /// practise is named, what improved is counted.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![format!("Since the rehearsal of {}:", self.then_day)];
        let time = |s: Option<i64>| s.map_or_else(|| "not rehearsed".to_owned(), minutes_seconds);
        for s in &self.sections {
            lines.push(format!(
                "{}  then {}, now {}",
                s.title,
                time(s.then),
                time(s.now)
            ));
        }
        lines.push(format!(
            "Projected then {}, now {}.",
            minutes_seconds(self.projected.0),
            minutes_seconds(self.projected.1)
        ));
        for (heading, (then, now), still) in [
            ("Cards needing work", &self.needs_work, "still needs work"),
            ("Questions not asked", &self.unasked, "still not asked"),
        ] {
            let mut line = format!("{heading}: then {}, now {}.", then.len(), now.len());
            for item in now.iter().filter(|item| then.contains(item)) {
                let _ = write!(line, "\n  {still}: “{item}”");
            }
            lines.push(line);
        }
        lines
    }
}
