//! `resetpoint rehearse PLAN`: the meeting as `run` sets it up (the same
//! session builder, agenda, screens and store), marked a rehearsal and
//! recorded under `rehearsals/` in the records folder, with a deck of
//! pushback cards and a pacing report printed and written on leaving.
//! `history --rehearsals` lists the rehearsals of a plan.

use std::path::{Path, PathBuf};

use super::actions::deliver;
use super::leaving::shell_word;
use super::run::{
    OnStderr, Ready, checked_plan, live_with, origin_of, ready, session_failed, settings,
};
use super::{Outcome, exit, fail};
use crate::cli::HistoryFormat;
use crate::export::rehearsal::pacing::Pacing;
use crate::export::rehearsal::progress;
use crate::export::rehearsal::progress::rehearsals;
use crate::export::rehearsal::since_last::{SinceLast, previous};
use crate::plan::model::{AgendaName, Plan};
use crate::record::format::Record;
use crate::record::open::{read_record, records_dir};
use crate::record::store::write_atomically;
use crate::rehearsal::cards;
use crate::rehearsal::deck::Deck;
use crate::session::{Session, SessionOptions, Unfinished};
use crate::text::visible;

/// The folder inside the records folder that rehearsals go to.
pub const REHEARSALS: &str = "rehearsals";

pub struct Options<'a> {
    pub agenda: Option<AgendaName>,
    pub records: Option<&'a Path>,
    /// The order the cards are dealt in; a new order each time without it.
    pub seed: Option<u64>,
    pub config: Option<&'a Path>,
}

pub fn run(path: &Path, options: &Options) -> Outcome {
    let Ready {
        plan,
        config,
        agenda,
    } = ready(path, options.agenda, options.config)?;
    let records = records_dir(path, options.records.or(config.records_dir.as_deref()));
    let setup = SessionOptions {
        origin: origin_of(path, true),
        agenda,
        // Nobody but the team is in the room: the prepared answers show.
        presenting: false,
        records_dir: records.join(REHEARSALS),
        unfinished: Unfinished::Ask,
    };
    let mut session = Session::open(plan, setup, &mut OnStderr).map_err(session_failed)?;
    let meeting = &mut session.meeting;
    // The customer raises what the customer can see: cards are made from
    // the customer-safe plan when it has no pushback of its own.
    let made = cards::for_plan(
        &meeting.public_plan,
        &meeting.public_derived,
        meeting.clock.today(),
    );
    let seed = options.seed.unwrap_or_else(seed_from_clock);
    if made.is_empty() {
        eprintln!(
            "note: the plan has no [[pushback]] and no broken promise, red CPI, critical issue or overdue customer task to make a card from; add [[pushback]] to rehearse hard questions"
        );
    }
    // A card handled in the last rehearsal of this agenda comes after
    // those that needed work, or were never dealt.
    let handled = progress::handled_last_time(
        &progress::rehearsals(&records.join(REHEARSALS), &meeting.plan.project.slug()),
        meeting.agenda.as_str(),
        meeting.first_started.unwrap_or(meeting.clock.started),
    );
    meeting.deck = Some(Deck::shuffled(made, seed).handled_last(&handled));
    let plan = meeting.plan.clone();
    live_with(session, config, |record, ended| {
        leaving(record, ended, path, &plan)
    })
}

/// A seed when none was given: a new order each rehearsal.
fn seed_from_clock() -> u64 {
    let now = jiff::Timestamp::now();
    now.as_nanosecond().unsigned_abs() as u64
}

/// What the PM reads on leaving: the pacing report (on standard output,
/// and written beside the record), then where the rehearsal is and how to
/// carry on with it.
fn leaving(record_path: &Path, ended: bool, plan_path: &Path, plan: &Plan) -> String {
    let mut lines = Vec::new();
    match read_record(record_path) {
        Ok(record) => {
            let pacing = Pacing::of(&record, plan);
            let since = since_the_one_before(&pacing, &record, record_path, plan);
            let since = since.as_ref();
            let text =
                pacing.text(&plan.project.name) + &since.map_or_else(String::new, SinceLast::text);
            print!("{}", visible_lines(&text));
            let written = pacing_path(record_path);
            let markdown = pacing.markdown(&plan.project.name)
                + &since.map_or_else(String::new, SinceLast::markdown);
            match write_atomically(&written, markdown.as_bytes()) {
                Ok(()) => lines.push(format!("The pacing report is in {}.", written.display())),
                Err(e) => lines.push(format!(
                    "warning: the pacing report could not be written to {}: {e}",
                    written.display()
                )),
            }
        }
        Err(e) => lines.push(format!("warning: no pacing report: {e}")),
    }
    if ended {
        lines.push(format!(
            "The rehearsal is finished; its record is {}.",
            record_path.display()
        ));
    } else {
        lines.push(format!(
            "The rehearsal is not finished; it is saved in {}.",
            record_path.display()
        ));
        lines.push(format!(
            "To carry on with it: {}",
            carry_on_command(plan_path, record_path)
        ));
    }
    lines
        .iter()
        .map(|l| visible(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The rehearsal set beside the one before it of the same agenda, from the
/// rehearsals recorded beside it; None for the first.
fn since_the_one_before(
    pacing: &Pacing,
    record: &Record,
    record_path: &Path,
    plan: &Plan,
) -> Option<SinceLast> {
    let folder = crate::record::fs::folder_of(record_path);
    let rehearsals = rehearsals(folder, &plan.project.slug());
    let then = previous(&rehearsals, record)?;
    let day = then
        .meeting
        .started
        .to_zoned(crate::meeting::clock::local_zone())
        .strftime("%a %-d %b %Y at %H:%M")
        .to_string();
    Some(SinceLast::of(&Pacing::of(then, plan), pacing, day))
}

/// Each line made safe for the terminal, the newlines kept.
fn visible_lines(text: &str) -> String {
    text.lines().map(|l| visible(l) + "\n").collect()
}

/// `STEM-pacing.md`, beside the record `STEM.toml`.
pub fn pacing_path(record: &Path) -> PathBuf {
    let stem = record
        .file_stem()
        .map_or_else(|| "rehearsal".into(), |s| s.to_string_lossy().into_owned());
    record.with_file_name(format!("{stem}-pacing.md"))
}

/// `resetpoint rehearse PLAN`, with `--records DIR` when the rehearsals
/// are not in the folder it looks in by default.
fn carry_on_command(plan: &Path, record: &Path) -> String {
    let mut command = format!(
        "resetpoint rehearse {}",
        shell_word(&plan.display().to_string())
    );
    let base = record
        .parent()
        .and_then(Path::parent)
        .unwrap_or(Path::new("."));
    if base != records_dir(plan, None) {
        command.push_str(" --records ");
        command.push_str(&shell_word(&base.display().to_string()));
    }
    command
}

/// `resetpoint history PLAN --rehearsals`: one row per rehearsal, and the
/// progress from the first to the latest.
pub fn history(
    plan_path: &Path,
    records: Option<&Path>,
    format: HistoryFormat,
    output: Option<&Path>,
    config: Option<&Path>,
) -> Outcome {
    if format == HistoryFormat::Xlsx {
        return Err(fail(
            exit::USAGE,
            "the rehearsals list comes as text or JSON: use --format human or --format json",
        ));
    }
    let plan = checked_plan(plan_path)?;
    let config = settings(config)?;
    let dir = records_dir(plan_path, records.or(config.records_dir.as_deref())).join(REHEARSALS);
    let found = progress::rehearsals(&dir, &plan.project.slug());
    let rows = progress::rows(&found, &plan, &crate::meeting::clock::local_zone());
    let document = match format {
        HistoryFormat::Human | HistoryFormat::Xlsx => progress::human(&rows, &plan),
        HistoryFormat::Json => progress::json(&rows, &plan) + "\n",
    };
    deliver(&document, output)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pacing_report_sits_beside_the_record() {
        assert_eq!(
            pacing_path(Path::new(
                "/p/meetings/rehearsals/2026-12-01-1405-reset-point.toml"
            )),
            Path::new("/p/meetings/rehearsals/2026-12-01-1405-reset-point-pacing.md")
        );
    }

    #[test]
    fn carrying_on_names_the_records_folder_only_when_it_is_not_the_default() {
        let plan = Path::new("/p/plan.toml");
        assert_eq!(
            carry_on_command(plan, Path::new("/p/meetings/rehearsals/r.toml")),
            "resetpoint rehearse /p/plan.toml"
        );
        assert_eq!(
            carry_on_command(plan, Path::new("/tmp/recs/rehearsals/r.toml")),
            "resetpoint rehearse /p/plan.toml --records /tmp/recs"
        );
    }
}
