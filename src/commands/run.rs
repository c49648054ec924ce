//! `resetpoint run PLAN` and the live part of `demo`: check the plan, find
//! or create the meeting's record, then take the screen. Errors are printed
//! before the screen is taken, never on it.

use std::io::{BufRead as _, IsTerminal as _, Write as _};
use std::path::Path;
use std::process::ExitCode;

use jiff::Timestamp;

use super::{exit, fail};
use crate::agenda::default_agenda;
use crate::config::{self, Config};
use crate::meeting::{Clock, Meeting, Origin};
use crate::plan::model::{AgendaName, Plan};
use crate::plan::{Checked, OpenError, load_file};
use crate::record::format::Record;
use crate::record::open::{self as records, Lock, Reopened};
use crate::record::resume::resumed;
use crate::record::store::{Finished, Paths, write_atomically};
use crate::text::visible;

/// The settings, or the exit code after saying what is wrong with them.
pub fn settings(path: Option<&Path>) -> Result<Config, ExitCode> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let (path, explicit) = match path {
        Some(p) => (Some(p.to_path_buf()), true),
        None => (config::default_path(), false),
    };
    config::load(path.as_deref(), explicit, no_color).map_err(|bad| {
        eprint!("{}", bad.render());
        ExitCode::from(exit::BAD_INPUT)
    })
}

/// A checked plan ready to run, or the exit code after printing why not.
pub fn plan_or_report(checked: Checked) -> Result<Plan, ExitCode> {
    match checked.plan {
        Some(plan) => Ok(plan),
        None => {
            eprint!("{}", checked.render());
            eprintln!(
                "{}: fix the errors above, then run the meeting again.",
                crate::text::visible(&checked.source.name)
            );
            Err(ExitCode::from(exit::BAD_INPUT))
        }
    }
}

/// What to do about a meeting of this plan that never ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unfinished {
    Ask,
    Resume,
    Fresh,
}

pub struct Options<'a> {
    pub agenda: Option<AgendaName>,
    pub records: Option<&'a Path>,
    pub unfinished: Unfinished,
    pub config: Option<&'a Path>,
}

pub fn run(path: &Path, options: &Options) -> ExitCode {
    let checked = match load_file(path) {
        Ok(checked) => checked,
        Err(e @ OpenError::NotFound(_)) => return fail(exit::BAD_INPUT, e),
        Err(e) => return fail(exit::IO, e),
    };
    let plan = match plan_or_report(checked) {
        Ok(plan) => plan,
        Err(code) => return code,
    };
    let config = match settings(options.config) {
        Ok(config) => config,
        Err(code) => return code,
    };
    if options.agenda == Some(AgendaName::Plan) && plan.agenda.is_empty() {
        return fail(
            exit::BAD_INPUT,
            "--agenda plan needs an [[agenda]] in the plan; add one, or choose kickoff, reset-point or status",
        );
    }
    if let Err(code) = needs_terminal() {
        return code;
    }
    let origin = Origin {
        plan_path: std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .display()
            .to_string(),
        plan_sha256: sha256_of(path),
        rehearsal: false,
    };
    let dir = records::records_dir(path, options.records.or(config.records_dir.as_deref()));
    let agenda = options.agenda.unwrap_or_else(|| default_agenda(&plan));
    let scan = records::scan(&dir, &plan.project.slug());
    for unreadable in &scan.unreadable {
        eprintln!("warning: {unreadable}; it is left as it is");
    }
    // The lock is taken before anything is asked: a meeting open in another
    // resetpoint is refused at once, naming that process.
    let resume = match (scan.unfinished.last(), options.unfinished) {
        (None, _) => None,
        (Some((paths, _)), Unfinished::Fresh) => {
            close_unfinished(paths, &plan);
            None
        }
        (Some((paths, _)), asked) => {
            let reopened = match records::reopen(paths) {
                Ok(reopened) => reopened,
                Err(e) => return fail(exit::BAD_INPUT, e),
            };
            let yes = match asked {
                Unfinished::Ask => {
                    let (found, _) = resumed(
                        plan.clone(),
                        &reopened.record,
                        origin.clone(),
                        &reopened.entries,
                        config.start_presenting,
                    );
                    match ask_to_resume(paths, &reopened.record, &found) {
                        Ok(yes) => yes,
                        Err(code) => return code,
                    }
                }
                _ => true,
            };
            yes.then(|| (paths.clone(), reopened))
        }
    };
    // One read of the earlier meetings serves the agenda's carry-over, the
    // follow-ups and the pulse trend.
    let started = resume
        .as_ref()
        .map_or_else(Timestamp::now, |(_, reopened)| {
            reopened.record.meeting.started
        });
    let before = crate::export::actions::meetings_before(&dir, &plan, started);
    let (meeting, paths, lock) = match resume {
        Some((paths, reopened)) => {
            let (mut meeting, refused) = resumed(
                plan,
                &reopened.record,
                origin,
                &reopened.entries,
                config.start_presenting,
            );
            say_what_was_recovered(&paths, &reopened, refused);
            if plan_changed(reopened.record.plan_at_start(), &meeting.origin.plan_sha256) {
                let notice = "The plan changed since this meeting started; the record keeps both versions' SHA-256.";
                eprintln!("note: {notice}");
                meeting.notice = Some(notice.into());
            }
            (meeting, paths, reopened.lock)
        }
        None => {
            let carry_over = crate::export::carry_over::open_after(&before, &plan) > 0;
            let sections = crate::agenda::sections_carrying_over(&plan, agenda, carry_over);
            let mut meeting = Meeting::with_sections(
                plan,
                agenda,
                sections,
                Clock::system(),
                config.start_presenting,
            );
            meeting.origin = origin;
            let stem = Record::file_stem(&meeting.clock.wall(), agenda.as_str());
            match records::create(&dir, &stem) {
                Ok((paths, lock)) => (meeting, paths, lock),
                Err(e) => return fail(exit::IO, e),
            }
        }
    };
    let mut meeting = meeting;
    records::carry_over(&mut meeting, &before);
    let zone = crate::meeting::clock::local_zone();
    meeting.pulse_trend = crate::export::history::history(&before, &meeting.plan, &zone)
        .iter()
        .filter_map(|h| h.pulse)
        .collect();
    live(meeting, config, Some((paths, lock)), Some(path))
}

/// Whether a plan's SHA-256 differs from the one the meeting started with
/// (the bundled demo has none).
fn plan_changed(at_start: &str, now: &str) -> bool {
    !at_start.is_empty() && !now.is_empty() && at_start != now
}

/// Tell the PM what recovery had to do: nothing is dropped without a word.
fn say_what_was_recovered(paths: &Paths, reopened: &Reopened, refused: usize) {
    let journal = visible(&paths.journal.display().to_string());
    if reopened.rebuilt {
        eprintln!(
            "note: the record {} could not be read; the meeting was rebuilt from its journal",
            visible(&paths.record.display().to_string())
        );
    }
    if reopened.skipped > 0 {
        eprintln!(
            "note: {} damaged line(s) of {journal} were skipped; every other line was kept",
            reopened.skipped
        );
    }
    if reopened.torn > 0 {
        eprintln!(
            "note: {} bytes of a torn last line of {journal} were dropped",
            reopened.torn
        );
    }
    if refused > 0 {
        eprintln!("note: {refused} line(s) of {journal} held impossible values and were left out");
    }
}

/// When starting afresh, fold a meeting left unfinished into its record
/// (everything its journal holds) and mark it ended; a meeting open in
/// another resetpoint is left alone.
fn close_unfinished(paths: &Paths, plan: &Plan) {
    let Ok(reopened) = records::reopen(paths) else {
        return;
    };
    let origin = Origin {
        plan_path: reopened.record.meeting.plan.clone(),
        plan_sha256: reopened.record.plan_at_start().to_owned(),
        rehearsal: false,
    };
    let (mut meeting, _) = resumed(
        plan.clone(),
        &reopened.record,
        origin,
        &reopened.entries,
        true,
    );
    meeting.ended = Some(Timestamp::now());
    let record = Record::of(&meeting);
    match write_atomically(&paths.record, record.to_toml().as_bytes()) {
        Ok(()) => {
            let _ = std::fs::remove_file(&paths.journal);
            let _ = std::fs::remove_file(&paths.lock);
        }
        Err(e) => eprintln!(
            "warning: the unfinished meeting {} could not be closed ({e}); it is kept as it was",
            visible(&paths.record.display().to_string())
        ),
    }
}

fn ask_to_resume(paths: &Paths, record: &Record, found: &Meeting) -> Result<bool, ExitCode> {
    let items = found.captures.len();
    let started = record
        .meeting
        .started
        .to_zoned(crate::meeting::clock::local_zone());
    // The agenda comes from a file on disk and the path from the folder's
    // name: either could hold an escape sequence.
    eprint!(
        "An unfinished {} meeting from {} ({items} {} captured) is at {}.\nResume it? [Y/n] ",
        visible(&record.meeting.agenda),
        started.strftime("%a %-d %b %H:%M"),
        if items == 1 { "item" } else { "items" },
        visible(&paths.record.display().to_string())
    );
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    if std::io::stdin().lock().read_line(&mut answer).is_err() {
        return Err(fail(
            2,
            "could not read the answer; use --resume or --fresh",
        ));
    }
    Ok(!answer.trim().to_lowercase().starts_with('n'))
}

fn sha256_of(path: &Path) -> String {
    use sha2::Digest as _;
    let bytes = std::fs::read(path).unwrap_or_default();
    sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn needs_terminal() -> Result<(), ExitCode> {
    if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
        Ok(())
    } else {
        Err(fail(
            2,
            "the meeting runs full screen and needs a terminal; use `resetpoint check` for a report",
        ))
    }
}

/// Take the terminal and run the meeting; say where it was saved.
pub fn live(
    meeting: Meeting,
    config: Config,
    disk: Option<(Paths, Lock)>,
    plan: Option<&Path>,
) -> ExitCode {
    if let Err(code) = needs_terminal() {
        return code;
    }
    let record = disk.as_ref().map(|(paths, _)| paths.record.clone());
    match crate::tui::app::run(meeting, config, disk) {
        Ok(None) => ExitCode::from(exit::OK),
        Ok(Some(Finished::Saved { ended })) => {
            if let Some(record) = record {
                eprintln!("{}", super::leaving::what_comes_next(&record, ended, plan));
            }
            ExitCode::from(exit::OK)
        }
        Ok(Some(Finished::SavedElsewhere(copy))) => fail(
            exit::IO,
            format!(
                "the records folder would not take the meeting; a full copy is saved at {}",
                visible(&copy.display().to_string())
            ),
        ),
        Ok(Some(Finished::Lost { why, record })) => {
            if let Some(record) = record {
                // The last resort: the whole record, for the PM to save by hand.
                eprintln!("{record}");
                eprintln!("The meeting record is printed above: copy it into a file to keep it.");
            }
            fail(exit::IO, format!("the meeting could not be saved: {why}"))
        }
        Err(e) => fail(exit::IO, format!("the terminal failed: {e}")),
    }
}
