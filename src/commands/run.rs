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
use crate::meeting::update::replay;
use crate::meeting::{Clock, Meeting, Origin};
use crate::plan::model::{AgendaName, Plan};
use crate::plan::{Checked, OpenError, load_file};
use crate::record::format::{Record, restore};
use crate::record::open::{self as records, Reopened};
use crate::record::store::{Finished, Paths, write_atomically};

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
    let unfinished = records::unfinished(&dir, &plan.project.slug());
    let resume = match (&unfinished, options.unfinished) {
        (None, _) | (Some(_), Unfinished::Fresh) => None,
        (Some(found), Unfinished::Resume) => Some(found),
        (Some(found), Unfinished::Ask) => match ask_to_resume(found) {
            Ok(true) => Some(found),
            Ok(false) => None,
            Err(code) => return code,
        },
    };
    let (meeting, paths, journal) = match resume {
        Some((paths, _)) => match records::reopen(paths) {
            Ok(reopened) => {
                let meeting = resumed(plan, reopened.record.clone(), origin, &reopened);
                if reopened.dropped > 0 {
                    eprintln!(
                        "note: {} bytes of a torn journal entry were dropped",
                        reopened.dropped
                    );
                }
                (meeting, paths.clone(), reopened.journal)
            }
            Err(e) => return fail(exit::BAD_INPUT, e),
        },
        None => {
            if let Some((paths, _)) = unfinished
                .as_ref()
                .filter(|_| options.unfinished == Unfinished::Fresh)
            {
                close_unfinished(paths);
            }
            let mut meeting = Meeting::new(plan, agenda, Clock::system(), false);
            meeting.origin = origin;
            let stem = Record::file_stem(&meeting.clock.wall(), agenda.as_str());
            match records::create(&dir, &stem) {
                Ok((paths, journal)) => (meeting, paths, journal),
                Err(e) => return fail(exit::IO, e),
            }
        }
    };
    let mut meeting = meeting;
    let started = meeting.first_started.unwrap_or(meeting.clock.started);
    // One read of the earlier meetings serves the follow-ups and the pulse trend.
    let before = crate::export::actions::meetings_before(&dir, &meeting.plan, started);
    meeting.earlier = crate::export::actions::still_open(&before, &meeting.plan);
    let zone = crate::meeting::clock::local_zone();
    meeting.pulse_trend = crate::export::history::history(&before, &meeting.plan, &zone)
        .iter()
        .filter_map(|h| h.pulse)
        .collect();
    live(meeting, config, Some((paths, journal)))
}

/// Rebuild a meeting from its record and the journal written after it.
fn resumed(plan: Plan, record: Record, origin: Origin, reopened: &Reopened) -> Meeting {
    let agenda = match record.meeting.agenda.as_str() {
        "kickoff" => AgendaName::Kickoff,
        "reset-point" => AgendaName::ResetPoint,
        "plan" => AgendaName::Plan,
        _ => AgendaName::Status,
    };
    let mut clock = Clock::system();
    let mut meeting = Meeting::new(plan, agenda, clock.clone(), false);
    meeting.origin = origin;
    restore(&mut meeting, &record);
    for entry in &reopened.entries {
        meeting.seq = entry.seq;
        replay(&mut meeting, entry.change.clone());
    }
    // The meeting clock carries on from the time already spent.
    let spent: i64 = meeting.clock.spent.iter().sum();
    clock.spent = meeting.clock.spent.clone();
    clock.started = Timestamp::from_second(clock.now.as_second() - spent).unwrap_or(clock.now);
    meeting.clock = clock;
    meeting.started_at(record.meeting.started);
    meeting
}

/// Mark a meeting left unfinished as ended, when starting afresh; a
/// meeting open in another resetpoint is left alone.
fn close_unfinished(paths: &Paths) {
    if let Ok(mut reopened) = records::reopen(paths) {
        reopened.record.meeting.ended = Some(Timestamp::now());
        let _ = write_atomically(&paths.record, reopened.record.to_toml().as_bytes());
    }
}

fn ask_to_resume(found: &(Paths, Record)) -> Result<bool, ExitCode> {
    let (paths, record) = found;
    let items = record.items().len();
    let started = record
        .meeting
        .started
        .to_zoned(crate::meeting::clock::local_zone());
    // The agenda comes from a file on disk and the path from the folder's
    // name: either could hold an escape sequence.
    eprint!(
        "An unfinished {} meeting from {} ({items} items captured) is at {}.\nResume it? [Y/n] ",
        crate::text::visible(&record.meeting.agenda),
        started.strftime("%a %-d %b %H:%M"),
        crate::text::visible(&paths.record.display().to_string())
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
pub fn live(meeting: Meeting, config: Config, disk: Option<(Paths, std::fs::File)>) -> ExitCode {
    if let Err(code) = needs_terminal() {
        return code;
    }
    let record = disk.as_ref().map(|(paths, _)| paths.record.clone());
    match crate::tui::app::run(meeting, config, disk) {
        Ok(None) => ExitCode::from(exit::OK),
        Ok(Some(Finished::Saved)) => {
            if let Some(record) = record {
                eprintln!(
                    "The meeting is saved in {}.",
                    crate::text::visible(&record.display().to_string())
                );
            }
            ExitCode::from(exit::OK)
        }
        Ok(Some(Finished::SavedElsewhere(copy))) => fail(
            exit::IO,
            format!(
                "the records folder would not take the meeting; a full copy is saved at {}",
                copy.display()
            ),
        ),
        Ok(Some(Finished::Lost(why))) => {
            fail(exit::IO, format!("the meeting could not be saved: {why}"))
        }
        Err(e) => fail(exit::IO, format!("the terminal failed: {e}")),
    }
}
