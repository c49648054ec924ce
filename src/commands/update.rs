//! `resetpoint update PLAN ID WORDS…`: what became of an action or a
//! customer task between meetings (`done`, `dropped`, `open due:+1w`,
//! `now with @søren`), in the words of the follow-ups screen. It is
//! written as a small record of its own in the records folder, by the same
//! store as a meeting (journal first, the record written aside, synced and
//! renamed, 0600), so `actions`, `history`, the report and the next
//! meeting's follow-ups read it like anything said in a meeting.

use std::path::Path;
use std::process::ExitCode;

use super::actions::{PlanRecords, plan_and_records};
use super::{Failed, Outcome, exit, fail};
use crate::left_open::earlier::carry_over;
use crate::meeting::capture::{Capture, Captured, OUR_HELP};
use crate::meeting::section_rows::FollowupRow;
use crate::meeting::typed::read_followup;
use crate::meeting::{Clock, Meeting};
use crate::plan::model::AgendaName;
use crate::record::format::{Record, UPDATE};
use crate::record::open::create;
use crate::record::store::{Finished, Message, Store};
use crate::text::visible;

pub fn run(
    plan_path: &Path,
    records: Option<&Path>,
    id: &str,
    words: &[String],
    config: Option<&Path>,
) -> Outcome {
    let PlanRecords {
        plan,
        dir,
        meetings: found,
    } = plan_and_records(plan_path, records, config)?;
    let zone = crate::meeting::clock::local_zone();
    let now = jiff::Timestamp::now();
    // What the next meeting would follow up, as it would open now.
    let mut meeting = Meeting::new(
        plan,
        AgendaName::Status,
        Clock::at(now, zone.clone()),
        false,
    );
    meeting.origin = super::run::origin_of(plan_path, false);
    carry_over(&mut meeting, &found);
    let row = open_row(&meeting.followup_rows(), id)?;
    let what = followup(&meeting, &row, &words.join(" "))?;
    let said = Captured {
        id: meeting.ids.take(what.prefix()),
        order: 1,
        section: 0,
        at: now,
        what,
    };
    // "A-3 done, now due 18 Dec": as the follow-ups screen says it.
    let told = said.in_one_line(&meeting.plan);
    meeting.captures.push(said);
    let mut record = Record::of(&meeting);
    record.meeting.agenda = UPDATE.to_owned();
    record.meeting.ended = Some(now);
    record.meeting.attendees.clear();
    record.sections.clear();
    let stem = Record::file_stem(&now.to_zoned(zone), UPDATE);
    write(&dir, &stem, record, &told)
}

/// The row of the follow-ups `id` names. A task and the help we promised
/// with it share the task's id: the id alone is the task, `help:CT-1` our
/// help.
fn open_row(rows: &[FollowupRow], id: &str) -> Result<FollowupRow, Failed> {
    let (wanted, help) = match id.trim().split_once(':') {
        Some((word, task)) if word.eq_ignore_ascii_case(OUR_HELP) => (task.trim(), true),
        _ => (id.trim(), false),
    };
    if let Some(row) = rows
        .iter()
        .find(|r| r.item.eq_ignore_ascii_case(wanted) && (r.meeting == OUR_HELP) == help)
    {
        return Ok(row.clone());
    }
    let open: Vec<String> = rows
        .iter()
        .map(|r| {
            if r.meeting == OUR_HELP {
                format!("{OUR_HELP}:{}", r.item)
            } else {
                r.item.clone()
            }
        })
        .collect();
    let hint = if open.is_empty() {
        "nothing is open to follow up".to_owned()
    } else {
        format!("open now: {}", open.join(", "))
    };
    Err(fail(
        exit::BAD_INPUT,
        format!(
            "{} is not an open action or task of this plan ({hint})",
            visible(id)
        ),
    ))
}

/// What `line` says became of `row`, read as the follow-ups screen reads
/// it; an `@name` must be someone in the plan (there is nobody to ask).
fn followup(meeting: &Meeting, row: &FollowupRow, line: &str) -> Result<Capture, Failed> {
    let said = read_followup(line, &meeting.plan, &[], meeting.clock.today()).map_err(|why| {
        fail(
            exit::BAD_INPUT,
            format!("{} {}: {why}", row.item, visible(line)),
        )
    })?;
    let owner = match said.owner {
        None => None,
        Some((_, Some(person))) => Some(person),
        Some((name, None)) => {
            return Err(fail(
                exit::BAD_INPUT,
                format!(
                    "@{} is nobody in the plan: use a person's id or name from [[people]]",
                    visible(&name)
                ),
            ));
        }
    };
    Ok(Capture::Followup {
        item: row.item.clone(),
        meeting: row.meeting.clone(),
        status: said.status,
        due: said.due,
        owner,
    })
}

/// Write the update's record under `dir` by the meeting's own store, and
/// say what was written where.
fn write(dir: &Path, stem: &str, record: Record, told: &str) -> Outcome {
    let (paths, lock) = create(dir, stem).map_err(|e| fail(exit::IO, e))?;
    let path = paths.record.clone();
    let store = Store::start(paths, lock, |_| {});
    store.send(Message::Snapshot(Box::new(record)));
    match store.finish() {
        Finished::Saved { .. } => {
            eprintln!(
                "{}: written to {}",
                visible(told),
                visible(&path.display().to_string())
            );
            Ok(ExitCode::from(exit::OK))
        }
        Finished::SavedElsewhere(other) => Err(fail(
            exit::IO,
            format!(
                "{} could not be written; the update is in {} instead",
                visible(&path.display().to_string()),
                visible(&other.display().to_string())
            ),
        )),
        Finished::Lost { why, .. } => Err(fail(
            exit::IO,
            format!("the update could not be written: {why}"),
        )),
    }
}
