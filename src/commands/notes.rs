//! `resetpoint notes [TITLE]`: capture at once with nothing prepared. The
//! notes are a meeting like any other (the `notes` agenda, one capture
//! section), set up by the same session builder as `run` and drawn by the
//! same screen: the journal, resume, the lock, the failed-write banner,
//! presenting mode and masking all come with it. Without `--plan` the
//! meeting runs over a plan made of the customer's name alone, so `@Dana`
//! is whoever was typed; with `--plan` owners are the plan's people and the
//! record is one of the plan's meetings.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use super::leaving::shell_word;
use super::run::{OnStderr, checked_plan, live_with, origin_of, session_failed, settings};
use super::{Outcome, fail};
use crate::agenda::notes;
use crate::meeting::Origin;
use crate::plan::model::{AgendaName, Plan, Project};
use crate::record::open::records_dir;
use crate::session::{Prompt, Session, SessionError, SessionOptions, Unfinished};
use crate::text::visible;

pub struct Options<'a> {
    pub title: Option<&'a str>,
    pub customer: Option<&'a str>,
    pub plan: Option<&'a Path>,
    pub records: Option<&'a Path>,
    pub unfinished: Unfinished,
    pub config: Option<&'a Path>,
}

/// The project notes without a plan are filed under: the customer's, or
/// plain "Notes" when no customer is named. Its id is what a plan made
/// from the notes (`new --from`) carries, so that plan's `actions` and
/// `history` count the notes.
pub fn unplanned(customer: Option<&str>) -> Plan {
    let customer = customer.map(str::trim).filter(|c| !c.is_empty());
    Plan {
        project: Project {
            name: customer.unwrap_or("Notes").to_owned(),
            customer: customer.unwrap_or_default().to_owned(),
            ..Project::default()
        },
        ..Plan::default()
    }
}

/// Where the notes are recorded: `--records`, else the config's
/// `records_dir`, else `meetings/` beside the plan (as `run` does, so the
/// plan's `actions` find them) or, with no plan, in the current folder.
pub fn notes_dir(plan: Option<&Path>, asked: Option<&Path>) -> PathBuf {
    match plan {
        Some(plan) => records_dir(plan, asked),
        None => asked.map_or_else(|| PathBuf::from("meetings"), Path::to_path_buf),
    }
}

pub fn run(options: &Options) -> Outcome {
    let config = settings(options.config)?;
    let asked = options.records.or(config.records_dir.as_deref());
    let (plan, origin) = match options.plan {
        Some(path) => {
            let plan = checked_plan(path)?;
            (plan, origin_of(path, false))
        }
        None => {
            // `--resume` without `--customer`: the unfinished notes of that
            // title (or of any, with none), whoever they were filed under.
            let mut customer = options.customer.map(str::to_owned);
            if customer.is_none() && options.unfinished == Unfinished::Resume {
                let dir = notes_dir(None, asked);
                let found = unfinished_notes(&dir, options.title);
                match found.as_slice() {
                    [] => {}
                    [one] => customer = Some(one.customer.clone()),
                    several => return Err(fail(1, several_unfinished(several, options.records))),
                }
            }
            (unplanned(customer.as_deref()), Origin::default())
        }
    };
    if !(std::io::stdout().is_terminal() && std::io::stdin().is_terminal()) {
        return Err(fail(
            2,
            "notes are taken full screen and need a terminal; run `resetpoint notes` in one",
        ));
    }
    let setup = SessionOptions {
        origin,
        agenda: AgendaName::Notes,
        presenting: config.start_presenting,
        records_dir: notes_dir(options.plan, asked),
        unfinished: options.unfinished,
    };
    let session = open(plan, setup, options.title, &mut OnStderr).map_err(session_failed)?;
    live_with(session, config, |record, ended| {
        what_comes_next(record, ended, options)
    })
}

/// Set the notes up through the session builder, as any meeting is: new
/// notes titled `title`, or unfinished ones resumed with the title they
/// were started with. `setup.agenda` is the notes agenda.
pub fn open(
    mut plan: Plan,
    setup: SessionOptions,
    title: Option<&str>,
    prompt: &mut dyn Prompt,
) -> Result<Session, SessionError> {
    // Nobody was expected at a conversation nobody planned: who was there
    // is what the PM notes, not the plan's list for its next meeting.
    plan.meeting.attendees.clear();
    let mut session = Session::open(plan, setup, prompt)?;
    // Only a resumed meeting knows when it first started.
    if session.meeting.first_started.is_none()
        && let Some(title) = title
    {
        session.meeting.sections = notes(title);
    }
    Ok(session)
}

/// Unfinished notes found in a records folder, whoever they are filed under.
#[derive(Debug, PartialEq, Eq)]
struct UnfinishedNotes {
    title: String,
    customer: String,
    started: jiff::Timestamp,
}

/// The unfinished notes in `dir` titled `title` (any, with none), oldest
/// first: told by the journal or lock an unfinished meeting keeps beside
/// its record, and by the record's header and sections alone.
fn unfinished_notes(dir: &Path, title: Option<&str>) -> Vec<UnfinishedNotes> {
    use crate::record::format::Record;
    use crate::record::fs::read_plain_text;
    let Ok(listing) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut records: Vec<PathBuf> = listing
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "journal" || x == "lock"))
        .map(|p| p.with_extension("toml"))
        .collect();
    records.sort();
    records.dedup();
    let wanted = title.map(|t| t.trim().to_lowercase());
    let mut found: Vec<UnfinishedNotes> = records
        .iter()
        .filter_map(|path| Record::frame_from_text(&read_plain_text(path).ok()?))
        .filter(|r| r.meeting.agenda == AgendaName::Notes.as_str() && r.meeting.ended.is_none())
        .map(|r| UnfinishedNotes {
            title: r
                .sections
                .first()
                .map(|s| s.title.clone())
                .unwrap_or_default(),
            customer: r.meeting.customer,
            started: r.meeting.started,
        })
        .filter(|n| {
            wanted
                .as_ref()
                .is_none_or(|w| n.title.trim().to_lowercase() == *w)
        })
        .collect();
    found.sort_by_key(|n| n.started);
    found
}

/// Several unfinished notes answer `--resume`: each, with the command
/// that resumes it.
fn several_unfinished(found: &[UnfinishedNotes], records: Option<&Path>) -> String {
    let mut lines = vec![format!(
        "{} unfinished notes could be resumed; say which:",
        found.len()
    )];
    for notes in found {
        let mut command = format!("resetpoint notes {} --resume", shell_word(&notes.title));
        if !notes.customer.is_empty() {
            command.push_str(&format!(" --customer {}", shell_word(&notes.customer)));
        }
        if let Some(dir) = records {
            command.push_str(&format!(
                " --records {}",
                shell_word(&dir.display().to_string())
            ));
        }
        lines.push(format!("  {command}"));
    }
    lines
        .iter()
        .map(|l| visible(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the PM reads on leaving: unfinished notes, the command that
/// resumes them; finished ones, their minutes and the plan they can start.
pub fn what_comes_next(record: &Path, ended: bool, options: &Options) -> String {
    let shown = record.display().to_string();
    let word = shell_word(&shown);
    let lines = if ended {
        let mut lines = vec![
            format!("The notes are finished; their record is {shown}."),
            format!("For the minutes: resetpoint minutes {word}"),
            format!("To start a plan from them: resetpoint new --from {word} plan.toml"),
        ];
        // The minutes and the invitation the end wrote, and the next contact.
        lines.extend(super::leaving::written_beside(record));
        lines
    } else {
        let mut resume = "resetpoint notes --resume".to_owned();
        if let Some(plan) = options.plan {
            resume.push_str(&format!(
                " --plan {}",
                shell_word(&plan.display().to_string())
            ));
        }
        if let Some(customer) = options.customer {
            resume.push_str(&format!(" --customer {}", shell_word(customer)));
        }
        if let Some(dir) = options.records {
            resume.push_str(&format!(
                " --records {}",
                shell_word(&dir.display().to_string())
            ));
        }
        vec![
            format!("The notes are not finished; they are saved in {shown}."),
            format!("To resume them: {resume}"),
        ]
    };
    // Each line on its own, so the newline between them stays a newline.
    lines
        .iter()
        .map(|l| visible(l))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options<'a>(customer: Option<&'a str>, records: Option<&'a Path>) -> Options<'a> {
        Options {
            title: None,
            customer,
            plan: None,
            records,
            unfinished: Unfinished::Ask,
            config: None,
        }
    }

    #[test]
    fn finished_notes_name_what_their_end_wrote_and_the_next_contact() {
        use crate::meeting::{Clock, Meeting};
        use crate::record::format::Record;
        let dir = tempfile::tempdir().unwrap();
        let start: jiff::Timestamp = "2026-12-04T09:00:00Z".parse().unwrap();
        let mut m = Meeting::new(
            unplanned(Some("Acme")),
            AgendaName::Notes,
            Clock::at(start, jiff::tz::TimeZone::UTC),
            false,
        );
        m.ended = Some(start);
        m.next_meeting = Some("2026-12-14 10:00".to_owned().try_into().unwrap());
        let record = dir.path().join("2026-12-04-0900-notes.toml");
        std::fs::write(&record, Record::of(&m).to_toml()).unwrap();
        for name in [
            "2026-12-04-0900-notes-minutes.md",
            "2026-12-04-0900-notes-next-meeting.ics",
        ] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        let said = what_comes_next(&record, true, &options(Some("Acme"), None));
        assert!(said.contains("2026-12-04-0900-notes-minutes.md"), "{said}");
        assert!(
            said.contains("2026-12-04-0900-notes-next-meeting.ics"),
            "{said}"
        );
        assert!(
            said.contains("Next meeting: Mon 14 Dec 2026, 10:00."),
            "{said}"
        );
    }

    #[test]
    fn notes_without_a_plan_are_filed_under_the_customer() {
        let plan = unplanned(Some(" Acme Logistics "));
        assert_eq!(plan.project.customer, "Acme Logistics");
        assert_eq!(plan.project.slug(), "acme-logistics");
        assert!(plan.people.is_empty());
        let plain = unplanned(None);
        assert_eq!(
            (plain.project.name.as_str(), plain.project.slug().as_str()),
            ("Notes", "notes")
        );
    }

    #[test]
    fn the_records_folder_is_asked_for_else_beside_the_plan_else_here() {
        let asked = Path::new("/tmp/r");
        assert_eq!(notes_dir(None, Some(asked)), asked);
        assert_eq!(notes_dir(None, None), Path::new("meetings"));
        assert_eq!(
            notes_dir(Some(Path::new("acme/plan.toml")), None),
            Path::new("acme/meetings")
        );
        assert_eq!(
            notes_dir(Some(Path::new("acme/plan.toml")), Some(asked)),
            asked
        );
    }

    #[test]
    fn unfinished_notes_say_the_command_that_resumes_them() {
        let dir = Path::new("my notes");
        let text = what_comes_next(
            Path::new("my notes/2026-12-01-0900-notes.toml"),
            false,
            &options(Some("Søren's firm"), Some(dir)),
        );
        assert_eq!(
            text,
            "The notes are not finished; they are saved in my notes/2026-12-01-0900-notes.toml.\nTo resume them: resetpoint notes --resume --customer 'Søren'\\''s firm' --records 'my notes'"
        );
    }

    #[test]
    fn finished_notes_say_how_to_get_minutes_and_a_plan() {
        let text = what_comes_next(
            Path::new("meetings/2026-12-01-0900-notes.toml"),
            true,
            &options(None, None),
        );
        assert!(text.contains("resetpoint minutes meetings/2026-12-01-0900-notes.toml"));
        assert!(
            text.contains("resetpoint new --from meetings/2026-12-01-0900-notes.toml plan.toml")
        );
    }
}
