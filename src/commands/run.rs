//! `resetpoint run PLAN` and the live part of `demo`: check the plan and the
//! settings, set the meeting up (`session`), then take the screen.
//! Errors are printed before the screen is taken, never on it.

use std::io::{BufRead as _, IsTerminal as _, Write as _};
use std::path::Path;
use std::process::ExitCode;

use super::{Failed, Outcome, exit, fail};
use crate::agenda::default_agenda;
use crate::meeting::Origin;
use crate::plan::model::{AgendaName, Plan};
use crate::plan::{Checked, OpenError, load_file_to_run};
use crate::record::open::records_dir;
use crate::record::store::Finished;
use crate::session::{Prompt, Question, Session, SessionError, SessionOptions};
use crate::text::visible;
use crate::tui::app::Stopped;
use crate::tui::config::{self, Config};

/// The settings, or the exit code after saying what is wrong with them.
pub fn settings(path: Option<&Path>) -> Result<Config, Failed> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let (path, explicit) = match path {
        Some(p) => (Some(p.to_path_buf()), true),
        None => (config::default_path(), false),
    };
    config::load(path.as_deref(), explicit, no_color).map_err(|bad| {
        eprint!("{}", bad.render());
        Failed(exit::BAD_INPUT)
    })
}

/// A checked plan ready to run, or the exit code after printing why not.
pub fn plan_or_report(checked: Checked) -> Result<Plan, Failed> {
    match checked.plan {
        Some(plan) => Ok(plan),
        None => {
            eprint!("{}", checked.render());
            eprintln!(
                "{}: fix the errors above, then run the meeting again.",
                crate::text::visible(&checked.source.name)
            );
            Err(Failed(exit::BAD_INPUT))
        }
    }
}

/// The plan at `path`, checked, or the exit code after saying why not.
pub fn checked_plan(path: &Path) -> Result<Plan, Failed> {
    let checked = match load_file_to_run(path) {
        Ok(checked) => checked,
        Err(e @ OpenError::NotFound(_)) => return Err(fail(exit::BAD_INPUT, e)),
        Err(e) => return Err(fail(exit::IO, e)),
    };
    plan_or_report(checked)
}

/// The agenda a meeting from `plan` runs: the one asked for, else the
/// plan's default; `--agenda plan` with no `[[agenda]]` is refused.
pub fn agenda_for(asked: Option<AgendaName>, plan: &Plan) -> Result<AgendaName, Failed> {
    if asked == Some(AgendaName::Plan) && plan.agenda.is_empty() {
        return Err(fail(
            exit::BAD_INPUT,
            "--agenda plan needs an [[agenda]] in the plan; add one, or choose kickoff, reset-point or status",
        ));
    }
    Ok(asked.unwrap_or_else(|| default_agenda(plan)))
}

/// Where a meeting run from the plan at `path` came from, for its record.
pub fn origin_of(path: &Path, rehearsal: bool) -> Origin {
    Origin {
        plan_path: std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .display()
            .to_string(),
        plan_sha256: sha256_of(path),
        rehearsal,
    }
}

/// A meeting that could not be set up, said in one line.
pub fn session_failed(e: SessionError) -> Failed {
    match e {
        e @ SessionError::Reopen(_) => fail(exit::BAD_INPUT, e),
        e @ SessionError::Create(_) => fail(exit::IO, e),
        e @ SessionError::Unanswered => fail(exit::USAGE, e),
    }
}

pub use crate::session::Unfinished;

pub struct Options<'a> {
    pub agenda: Option<AgendaName>,
    pub records: Option<&'a Path>,
    pub unfinished: Unfinished,
    pub config: Option<&'a Path>,
}

/// What a meeting from a plan needs before its records are opened: the
/// checked plan, the settings and the agenda, with a terminal to run in.
pub struct Ready {
    pub plan: Plan,
    pub config: Config,
    pub agenda: AgendaName,
}

/// Check everything a meeting from the plan at `path` needs, in the order
/// a PM fixes them: the plan, the settings, the agenda, the terminal.
pub fn ready(
    path: &Path,
    agenda: Option<AgendaName>,
    config: Option<&Path>,
) -> Result<Ready, Failed> {
    let plan = checked_plan(path)?;
    let config = settings(config)?;
    let agenda = agenda_for(agenda, &plan)?;
    needs_terminal()?;
    Ok(Ready {
        plan,
        config,
        agenda,
    })
}

pub fn run(path: &Path, options: &Options) -> Outcome {
    let Ready {
        plan,
        config,
        agenda,
    } = ready(path, options.agenda, options.config)?;
    let setup = SessionOptions {
        origin: origin_of(path, false),
        agenda,
        presenting: config.start_presenting,
        records_dir: records_dir(path, options.records.or(config.records_dir.as_deref())),
        unfinished: options.unfinished,
    };
    let session = Session::open(plan, setup, &mut OnStderr).map_err(session_failed)?;
    live(session, config, Some(path))
}

/// The meeting's set-up speaks on stderr and reads its answer from stdin,
/// before the screen is taken.
pub struct OnStderr;

impl Prompt for OnStderr {
    fn tell(&mut self, line: &str) {
        eprintln!("{line}");
    }

    fn resume(&mut self, question: &Question) -> Option<bool> {
        let Question {
            paths,
            record,
            found,
        } = question;
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
        std::io::stdin().lock().read_line(&mut answer).ok()?;
        Some(!answer.trim().to_lowercase().starts_with('n'))
    }
}

pub(crate) fn sha256_of(path: &Path) -> String {
    use sha2::Digest as _;
    let bytes = std::fs::read(path).unwrap_or_default();
    sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn needs_terminal() -> Result<(), Failed> {
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
pub fn live(session: Session, config: Config, plan: Option<&Path>) -> Outcome {
    live_with(session, config, |record, ended| {
        super::leaving::what_comes_next(record, ended, plan)
    })
}

/// `live`, saying on leaving what `next` says of the record (whether the
/// meeting ended): for a command whose meetings resume another way.
pub fn live_with(
    session: Session,
    config: Config,
    next: impl FnOnce(&Path, bool) -> String,
) -> Outcome {
    needs_terminal()?;
    let Session {
        meeting,
        paths,
        lock,
        later,
    } = session;
    let record = Some(paths.record.clone());
    match crate::tui::app::run(meeting, config, Some((paths, lock)), Some(later)) {
        Ok(None) => Ok(ExitCode::from(exit::OK)),
        Ok(Some(Finished::Saved { ended })) => {
            if let Some(record) = record {
                eprintln!("{}", next(&record, ended));
            }
            Ok(ExitCode::from(exit::OK))
        }
        Ok(Some(Finished::SavedElsewhere(copy))) => Err(fail(
            exit::IO,
            format!(
                "the records folder would not take the meeting; a full copy is saved at {}",
                visible(&copy.display().to_string())
            ),
        )),
        Ok(Some(Finished::Lost { why, record })) => {
            if let Some(record) = record {
                // The last resort: the whole record, for the PM to save by hand.
                eprintln!("{record}");
                eprintln!("The meeting record is printed above: copy it into a file to keep it.");
            }
            Err(fail(
                exit::IO,
                format!("the meeting could not be saved: {why}"),
            ))
        }
        Err(e @ Stopped::Unreadable(_)) => Err(fail(exit::BAD_INPUT, e)),
        Err(e @ Stopped::Terminal(_)) => Err(fail(exit::IO, e)),
    }
}
