//! `resetpoint new`: a commented starter plan that passes `check`, its
//! examples named by `placeholder` warnings until the PM replaces them.
//! Its first line, `#:schema ./resetpoint.schema.json`, points editors at
//! the plan's schema, which `new PATH` writes beside the plan when none is
//! there yet, so completion works from the first keystroke. With `--from
//! RECORD` the plan is made from a meeting record instead (`commands/from_record.rs`).

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use super::from_record::{FromRecord, starter_plan};
use super::{Failed, Outcome, exit, fail};
use crate::plan::model::AgendaName;
use crate::plan::schema::{FILE_NAME, plan_schema_text};

const STARTER: &str = include_str!("../../assets/starter.toml");

/// The starter plan, with its default agenda set to `agenda`.
pub fn starter(agenda: Option<AgendaName>) -> String {
    let agenda = agenda.unwrap_or(AgendaName::Status);
    STARTER.replace(
        "agenda = \"status\"",
        &format!("agenda = \"{}\"", agenda.as_str()),
    )
}

pub fn run(agenda: Option<AgendaName>, from: Option<&Path>, path: Option<&Path>) -> Outcome {
    let text = match from {
        None => starter(agenda),
        Some(record) => from_record(record, agenda)?,
    };
    let Some(path) = path else {
        let _ = std::io::stdout().write_all(text.as_bytes());
        return Ok(ExitCode::from(exit::OK));
    };
    match write_new(path, &text) {
        Ok(()) => {
            eprintln!(
                "wrote a starter plan to {}; edit it, then run `resetpoint check {}`",
                path.display(),
                path.display()
            );
            schema_beside(path);
            Ok(ExitCode::from(exit::OK))
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(fail(
            exit::BAD_INPUT,
            format!(
                "{} already exists; resetpoint never overwrites a plan. Give another path.",
                path.display()
            ),
        )),
        Err(e) => Err(fail(
            exit::IO,
            format!("cannot write {}: {e}", path.display()),
        )),
    }
}

/// A starter plan from the meeting record at `path`, or the exit code
/// after saying why it cannot be read. The plan the meeting ran from, when
/// it can still be read, gives its people's names, sides and roles. A plan
/// made from a conversation starts a reset unless another agenda is named.
fn from_record(path: &Path, agenda: Option<AgendaName>) -> Result<String, Failed> {
    let shown = crate::text::visible(&path.display().to_string());
    let record = match crate::record::fs::read_plain_text(path) {
        Ok(text) => {
            crate::record::open::parse_record(path, &text).map_err(|e| fail(exit::BAD_INPUT, e))?
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(fail(
                exit::BAD_INPUT,
                format!("there is no meeting record at {shown}"),
            ));
        }
        Err(e) => return Err(fail(exit::IO, format!("cannot read {shown}: {e}"))),
    };
    let plan = (!record.meeting.plan.is_empty())
        .then(|| {
            crate::plan::load_file(Path::new(&record.meeting.plan))
                .ok()?
                .plan
        })
        .flatten();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let today = jiff::Zoned::now()
        .with_time_zone(crate::meeting::clock::local_zone())
        .date();
    Ok(starter_plan(&FromRecord {
        record: &record,
        stem: &stem,
        shown: &path.display().to_string(),
        plan: plan.as_ref(),
        agenda: agenda.unwrap_or(AgendaName::ResetPoint),
        today,
    }))
}

/// Create `path` (never replacing a file) and sync it to disk.
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

/// Write the schema the plan's `#:schema` line points at, unless a file of
/// that name is already there (it is never replaced; an older one is named).
fn schema_beside(plan: &Path) {
    let schema = plan.parent().map_or_else(
        || Path::new(FILE_NAME).to_owned(),
        |dir| dir.join(FILE_NAME),
    );
    let shown = crate::text::visible(&schema.display().to_string());
    let text = plan_schema_text();
    match write_new(&schema, &text) {
        Ok(()) => {
            eprintln!("wrote {shown}, the schema your editor reads to complete and check the plan")
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            if std::fs::read_to_string(&schema).ok().as_deref() != Some(text.as_str()) {
                eprintln!(
                    "note: {shown} is from another version of resetpoint; refresh it with `resetpoint schema > {shown}`"
                );
            }
        }
        Err(e) => eprintln!(
            "note: cannot write {shown} ({e}); editors will not complete the plan until you run `resetpoint schema > {shown}`"
        ),
    }
}
