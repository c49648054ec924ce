//! Progress across rehearsals, for `history --rehearsals`: each
//! rehearsal's pacing figures in one row, and how the latest compares
//! with the first, so a team sees whether it is ready.

use std::fmt::Write as _;
use std::path::Path;

use jiff::civil::Date;
use serde::Serialize;

use super::pacing::Pacing;
use crate::meeting::clock::hours_minutes;
use crate::plan::model::Plan;
use crate::record::folder::Folder;
use crate::record::format::{Mode, Record};
use crate::text::visible;

/// One rehearsal's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RehearsalRow {
    pub record: String,
    pub date: Date,
    pub agenda: String,
    pub ended: bool,
    pub planned_seconds: i64,
    pub projected_seconds: i64,
    pub overrun_seconds: i64,
    pub unasked: usize,
    pub signoffs_missing: usize,
    pub without_buy_in: usize,
    pub cards_handled: usize,
    pub cards_needing_work: usize,
    pub jargon: usize,
}

/// The rehearsals recorded in `dir` (a plan's `rehearsals/` folder),
/// oldest first, with their file stems.
pub fn rehearsals(dir: &Path, project_id: &str) -> Vec<(String, Record)> {
    Folder::read(dir, project_id)
        .meetings
        .into_iter()
        .filter(|m| !m.from_journal && m.record.meeting.mode == Mode::Rehearsal)
        .map(|m| (m.stem, m.record))
        .collect()
}

/// What the cards handled in the last rehearsal of `agenda` before
/// `before` said: they come later in the next deck than those that
/// needed work.
pub fn handled_last_time(
    rehearsals: &[(String, Record)],
    agenda: &str,
    before: jiff::Timestamp,
) -> Vec<String> {
    rehearsals
        .iter()
        .rev()
        .find(|(_, r)| r.meeting.agenda == agenda && r.meeting.started < before)
        .map(|(_, r)| {
            r.cards
                .iter()
                .filter(|c| c.mark == crate::rehearsal::Mark::Handled)
                .map(|c| c.says.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// One row per rehearsal, oldest first.
pub fn rows(
    rehearsals: &[(String, Record)],
    plan: &Plan,
    zone: &jiff::tz::TimeZone,
) -> Vec<RehearsalRow> {
    rehearsals
        .iter()
        .map(|(stem, record)| {
            let pacing = Pacing::of(record, plan);
            RehearsalRow {
                record: stem.clone(),
                date: record.meeting.started.to_zoned(zone.clone()).date(),
                agenda: record.meeting.agenda.clone(),
                ended: record.meeting.ended.is_some(),
                planned_seconds: pacing.planned_seconds,
                projected_seconds: pacing.projected_seconds,
                overrun_seconds: pacing.overrun_seconds,
                unasked: pacing.unasked.len(),
                signoffs_missing: pacing.signoffs_missing.len(),
                without_buy_in: pacing.without_buy_in.len(),
                cards_handled: pacing.handled.len(),
                cards_needing_work: pacing.needs_work.len(),
                jargon: pacing.jargon.iter().map(|j| j.answers).sum(),
            }
        })
        .collect()
}

pub fn human(rows: &[RehearsalRow], plan: &Plan) -> String {
    let mut out = format!("Rehearsals: {}\n\n", visible(&plan.project.name));
    if rows.is_empty() {
        out.push_str("No rehearsals on record yet: `resetpoint rehearse PLAN` starts one.\n");
        return out;
    }
    let _ = writeln!(
        out,
        "{:<10}  {:<11}  {:>7}  {:>9}  {:>7}  {:>10}  {:>6}",
        "date", "agenda", "overrun", "not asked", "handled", "needs work", "jargon"
    );
    for r in rows {
        let unfinished = if r.ended { "" } else { "  (unfinished)" };
        let _ = writeln!(
            out,
            "{:<10}  {:<11}  {:>7}  {:>9}  {:>7}  {:>10}  {:>6}{unfinished}",
            r.date.to_string(),
            visible(&r.agenda),
            hours_minutes(r.overrun_seconds),
            r.unasked,
            r.cards_handled,
            r.cards_needing_work,
            r.jargon,
        );
    }
    if let (Some(first), Some(last)) = (rows.first(), rows.last())
        && rows.len() > 1
    {
        let _ = writeln!(
            out,
            "\nSince the first rehearsal: overrun {} → {}, questions not asked {} → {}, cards needing work {} → {}, jargon {} → {}.",
            hours_minutes(first.overrun_seconds),
            hours_minutes(last.overrun_seconds),
            first.unasked,
            last.unasked,
            first.cards_needing_work,
            last.cards_needing_work,
            first.jargon,
            last.jargon,
        );
    }
    out
}

pub fn json(rows: &[RehearsalRow], plan: &Plan) -> String {
    crate::text::json(&serde_json::json!({ "project": plan.project.name, "rehearsals": rows }))
}
