//! Open actions across every live meeting of a plan, oldest first, as
//! Markdown, CSV (RFC 4180) or iCalendar (RFC 5545: a VTODO per action, the
//! due date as an all-day DUE). Typed text is untrusted in every format:
//! control characters and bidi overrides are written as visible escapes,
//! and no CSV cell can become a spreadsheet formula.

use std::fmt::Write as _;
use std::path::Path;

use jiff::Timestamp;
use jiff::civil::Date;

use super::markdown::{escape, escape_inline};
use crate::meeting::Capture;
use crate::meeting::capture::ActionStatus;
use crate::meeting::latest::{Latest, SaidOf};
use crate::plan::model::Plan;
use crate::record::folder::Folder;
use crate::record::format::Record;
use crate::record::open::OpenError;
use crate::text::visible_lines;

/// One action, with the meeting it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionRow {
    pub id: String,
    pub title: String,
    /// The owner's name (or the id of a guest).
    pub owner: Option<String>,
    /// The owner's person id (or a guest's name), as recorded.
    pub owner_id: Option<String>,
    pub due: Option<Date>,
    /// The date it had before a follow-up moved it.
    pub moved_from: Option<Date>,
    pub status: ActionStatus,
    /// The meeting's record file name, without `.toml`.
    pub meeting: String,
    pub created: Timestamp,
}

/// Every live meeting record of the project in `dir` (rehearsals and other
/// projects left out), with its file stem; a file that is not a record it
/// can read is named on stderr, never silently skipped.
pub fn meetings(dir: &Path, project_id: &str) -> Vec<(String, Record)> {
    let (found, unreadable) = meetings_and_unreadable(dir, project_id);
    for problem in unreadable {
        eprintln!("warning: {problem}; it is left out");
    }
    found
}

/// The meetings, and the records that could not be read.
pub fn meetings_and_unreadable(
    dir: &Path,
    project_id: &str,
) -> (Vec<(String, Record)>, Vec<OpenError>) {
    let (found, unreadable) = Folder::read(dir, project_id).into_live();
    (found, unreadable.into_iter().map(|u| u.error).collect())
}

/// The actions of these meetings, oldest first, with what later meetings'
/// follow-ups said of them; open ones only unless `all`.
pub fn rows(meetings: &[(String, Record)], plan: &Plan, all: bool) -> Vec<ActionRow> {
    // Grouped once by item: each action then reads only what was said of it.
    let said = SaidOf::new(meetings.iter().flat_map(|(_, r)| &r.followups));
    let mut rows: Vec<ActionRow> = meetings
        .iter()
        .flat_map(|(stem, record)| {
            record
                .actions
                .iter()
                .filter_map(move |item| match &item.what {
                    Capture::Action {
                        title,
                        owner,
                        due,
                        status,
                        ..
                    } => Some((
                        ActionRow {
                            id: item.id.clone(),
                            title: title.clone(),
                            owner: None,
                            owner_id: None,
                            due: None,
                            moved_from: None,
                            status: *status,
                            meeting: stem.clone(),
                            created: item.at,
                        },
                        Latest::new(*status, *due, owner.clone()),
                    )),
                    _ => None,
                })
        })
        .map(|(mut row, first)| {
            // The latest word of every follow-up stands over what was first said.
            let now = first.after(
                said.of(&row.id, &row.meeting).iter().copied(),
                &row.id,
                &row.meeting,
            );
            row.status = now.status;
            row.due = now.due;
            row.moved_from = now.moved_from;
            row.owner = now.owner.as_deref().map(|o| plan.name_of(o).to_owned());
            row.owner_id = now.owner;
            row
        })
        .filter(|row| all || row.status == ActionStatus::Open)
        .collect();
    rows.sort_by_key(|r| r.created);
    rows
}

/// The live meetings of the plan that started before `before`, oldest first.
pub fn meetings_before(dir: &Path, plan: &Plan, before: Timestamp) -> Vec<(String, Record)> {
    // The run has already named any unreadable record.
    Folder::read(dir, &plan.project.slug()).live_before(before)
}

/// The actions still open after these meetings, for the next one's follow-ups.
pub fn still_open(
    earlier: &[(String, Record)],
    plan: &Plan,
) -> Vec<crate::meeting::capture::Earlier> {
    rows(earlier, plan, false)
        .into_iter()
        .map(|row| crate::meeting::capture::Earlier {
            id: row.id,
            meeting: row.meeting,
            title: row.title,
            owner: row.owner_id,
            due: row.due,
            moved_from: row.moved_from,
        })
        .collect()
}

fn status_word(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Open => "open",
        ActionStatus::Done => "done",
        ActionStatus::Dropped => "dropped",
    }
}

/// The actions as Markdown; `all` when closed ones are listed too (the
/// title then says "Actions", not "Open actions").
pub fn markdown(rows: &[ActionRow], plan: &Plan, all: bool) -> String {
    let title = if all { "Actions" } else { "Open actions" };
    let mut out = format!("# {title}: {}\n\n", escape(&plan.project.name));
    if rows.is_empty() {
        out.push_str("- None.\n");
    }
    for r in rows {
        let owner = r
            .owner
            .as_deref()
            .map_or_else(|| "no owner yet".to_owned(), escape);
        let due = r
            .due
            .map_or_else(|| "no due date".to_owned(), |d| format!("due {d}"));
        let due = match r.moved_from {
            Some(first) => format!("{due}, moved from {first}"),
            None => due,
        };
        let _ = writeln!(
            out,
            "- **{}** {} — {owner}, {due} ({}; from {})",
            escape(&r.id),
            escape_inline(&r.title),
            status_word(r.status),
            escape_inline(&r.meeting)
        );
    }
    out
}

/// The byte-order mark that makes Excel read the file as UTF-8 (without it,
/// `Søren` opens as `SÃ¸ren`); RFC 4180 readers skip it.
const BOM: &str = "\u{feff}";

/// The actions as CSV: a header row, CRLF line ends, a UTF-8 byte-order mark.
pub fn csv(rows: &[ActionRow]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = writer.write_record([
        "id", "title", "owner", "due", "status", "meeting", "created",
    ]);
    for r in rows {
        let cells = [
            r.id.as_str(),
            r.title.as_str(),
            r.owner.as_deref().unwrap_or(""),
            &r.due.map_or_else(String::new, |d| d.to_string()),
            status_word(r.status),
            r.meeting.as_str(),
            &r.created.to_string(),
        ];
        let _ = writer.write_record(cells.map(csv_cell));
    }
    let body = String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default();
    format!("{BOM}{body}")
}

/// A cell as a spreadsheet should show it: control characters and bidi
/// overrides visible (an OSC 52 in a title would otherwise reach the
/// terminal of whoever runs `cat`), and a leading `'` on a cell that a
/// spreadsheet would run as a formula (OWASP's advice against CSV
/// injection: `=HYPERLINK(…)` would become a live link that leaks data).
/// A leading line break counts too: a spreadsheet may skip it, like the
/// tab and carriage return OWASP names, and find the formula after it.
fn csv_cell(text: &str) -> String {
    let text = visible_lines(text);
    if text.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) {
        format!("'{text}")
    } else {
        text
    }
}

/// RFC 5545 TEXT: backslash, semicolon, comma and newline escaped, and
/// control characters and bidi overrides written as visible escapes (TEXT
/// has no escape of its own for them, and a calendar would show U+202E as
/// a reversal of the rest of the line).
fn ics_text(text: &str) -> String {
    let text = visible_lines(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (never inside a character), CRLF ended.
fn ics_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

pub fn ics(rows: &[ActionRow], plan: &Plan) -> String {
    let mut out = String::new();
    let project = plan.project.slug();
    ics_line(&mut out, "BEGIN:VCALENDAR");
    ics_line(&mut out, "VERSION:2.0");
    ics_line(&mut out, "PRODID:-//resetpoint//open actions//EN");
    for r in rows {
        ics_line(&mut out, "BEGIN:VTODO");
        ics_line(
            &mut out,
            &format!(
                "UID:{}-{}-{}@resetpoint",
                ics_text(&project),
                ics_text(&r.meeting),
                ics_text(&r.id)
            ),
        );
        ics_line(
            &mut out,
            &format!("DTSTAMP:{}", r.created.strftime("%Y%m%dT%H%M%SZ")),
        );
        ics_line(
            &mut out,
            &format!("SUMMARY:{}", ics_text(&format!("{} {}", r.id, r.title))),
        );
        if let Some(due) = r.due {
            ics_line(
                &mut out,
                &format!("DUE;VALUE=DATE:{}", due.strftime("%Y%m%d")),
            );
        }
        let status = match r.status {
            ActionStatus::Open => "NEEDS-ACTION",
            ActionStatus::Done => "COMPLETED",
            ActionStatus::Dropped => "CANCELLED",
        };
        ics_line(&mut out, &format!("STATUS:{status}"));
        let owner = r.owner.as_deref().unwrap_or("no owner yet");
        ics_line(
            &mut out,
            &format!(
                "DESCRIPTION:{}",
                ics_text(&format!("Owner: {owner}\nFrom the meeting {}", r.meeting))
            ),
        );
        ics_line(&mut out, "END:VTODO");
    }
    ics_line(&mut out, "END:VCALENDAR");
    out
}
