//! Open actions across every live meeting of a plan, oldest first, as
//! Markdown, CSV (RFC 4180) or iCalendar (RFC 5545: a VTODO per action, the
//! due date as an all-day DUE, the owner as an ATTENDEE); the workbook is
//! in `workbook/`. Typed text is untrusted in every format: control
//! characters and bidi overrides are written as visible escapes, and no CSV
//! cell can become a spreadsheet formula.

use std::fmt::Write as _;
use std::path::Path;

use jiff::Timestamp;
use jiff::civil::Date;

use super::ical;
use super::markdown::{escape, escape_inline};
use crate::meeting::Capture;
use crate::meeting::capture::ActionStatus;
use crate::meeting::latest::{Latest, SaidOf};
use crate::plan::model::{Plan, Side};
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
    /// Whose side of the table it is on: the owner's, or the customer's for
    /// a customer task; None for a guest's.
    pub side: Option<Side>,
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
                        side,
                    } => Some((
                        ActionRow {
                            id: item.id.clone(),
                            title: title.clone(),
                            owner: None,
                            owner_id: None,
                            due: None,
                            moved_from: None,
                            status: *status,
                            side: *side,
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
            let first_owner = first.owner.clone();
            let now = first.after(
                said.of(&row.id, &row.meeting).iter().copied(),
                &row.id,
                &row.meeting,
            );
            row.status = now.status;
            row.due = now.due;
            row.moved_from = now.moved_from;
            row.owner = now.owner.as_deref().map(|o| plan.name_of(o).to_owned());
            row.side = side_now(plan, row.side, first_owner.as_deref(), now.owner.as_deref());
            row.owner_id = now.owner;
            row
        })
        .filter(|row| all || row.status == ActionStatus::Open)
        .collect();
    rows.sort_by_key(|r| r.created);
    rows
}

/// The side an action is on after its follow-ups: handed to someone else
/// of the plan, it is on their side; else on the side recorded when it was
/// said (a customer task is the customer's, whoever carries it out), or its
/// owner's when the record says none.
fn side_now(
    plan: &Plan,
    said: Option<Side>,
    first: Option<&str>,
    now: Option<&str>,
) -> Option<Side> {
    let side_of = |id: Option<&str>| id.and_then(|id| plan.person(id)).map(|p| p.side);
    match side_of(now) {
        Some(side) if first != now => Some(side),
        owner => said.or(owner),
    }
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

pub fn status_word(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Open => "open",
        ActionStatus::Done => "done",
        ActionStatus::Dropped => "dropped",
    }
}

/// The actions as Markdown; `all` when closed ones are listed too (the
/// title then says "Actions", not "Open actions").
pub fn markdown(rows: &[ActionRow], plan: &Plan, all: bool) -> String {
    markdown_of(rows, plan, all, None)
}

/// The actions as Markdown, the title saying whose they are when only
/// some are listed ("Open actions of Søren Kjærgaard: …"), so a list sent
/// on is never read as everything that is open.
pub fn markdown_of(rows: &[ActionRow], plan: &Plan, all: bool, whose: Option<&str>) -> String {
    let title = if all { "Actions" } else { "Open actions" };
    let whose = whose.map_or_else(String::new, |w| format!(" {}", escape(w)));
    let mut out = format!("# {title}{whose}: {}\n\n", escape(&plan.project.name));
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

/// The owner as an ATTENDEE, so a calendar can tell whose to-do it is: the
/// name as CN, and the plan's `email` as a `mailto:` address; without one,
/// Outlook's own `invalid:nomail`, which calendars show as the name alone.
fn ics_attendee(plan: &Plan, row: &ActionRow) -> Option<String> {
    let id = row.owner_id.as_deref()?;
    let name = row.owner.as_deref().unwrap_or(id);
    let email = plan
        .person(id)
        .and_then(|p| p.email.as_ref())
        .map(|email| email.get_ref().trim())
        .filter(|email| !email.is_empty());
    let address = email.map_or_else(|| "invalid:nomail".to_owned(), ical::mailto);
    Some(format!("ATTENDEE;CN=\"{}\":{address}", ical::param(name)))
}

pub fn ics(rows: &[ActionRow], plan: &Plan) -> String {
    let mut out = String::new();
    let project = plan.project.slug();
    ical::line(&mut out, "BEGIN:VCALENDAR");
    ical::line(&mut out, "VERSION:2.0");
    ical::line(&mut out, "PRODID:-//resetpoint//open actions//EN");
    for r in rows {
        ical::line(&mut out, "BEGIN:VTODO");
        ical::line(
            &mut out,
            &format!(
                "UID:{}-{}-{}@resetpoint",
                ical::text(&project),
                ical::text(&r.meeting),
                ical::text(&r.id)
            ),
        );
        ical::line(
            &mut out,
            &format!("DTSTAMP:{}", r.created.strftime("%Y%m%dT%H%M%SZ")),
        );
        ical::line(
            &mut out,
            &format!("SUMMARY:{}", ical::text(&format!("{} {}", r.id, r.title))),
        );
        if let Some(due) = r.due {
            ical::line(
                &mut out,
                &format!("DUE;VALUE=DATE:{}", due.strftime("%Y%m%d")),
            );
        }
        let status = match r.status {
            ActionStatus::Open => "NEEDS-ACTION",
            ActionStatus::Done => "COMPLETED",
            ActionStatus::Dropped => "CANCELLED",
        };
        ical::line(&mut out, &format!("STATUS:{status}"));
        if let Some(attendee) = ics_attendee(plan, r) {
            ical::line(&mut out, &attendee);
        }
        let owner = r.owner.as_deref().unwrap_or("no owner yet");
        ical::line(
            &mut out,
            &format!(
                "DESCRIPTION:{}",
                ical::text(&format!("Owner: {owner}\nFrom the meeting {}", r.meeting))
            ),
        );
        ical::line(&mut out, "END:VTODO");
    }
    ical::line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let text = concat!(
            "[project]\nname = \"P\"\ncustomer = \"C\"\n",
            "[[people]]\nid = \"sam\"\nname = \"Sam\"\nside = \"us\"\n",
            "[[people]]\nid = \"ola\"\nname = \"Ola\"\nside = \"customer\"\n",
        );
        crate::plan::load_bytes("p.toml", text.as_bytes())
            .plan
            .expect("a valid plan")
    }

    #[test]
    fn an_address_with_letters_beyond_ascii_is_percent_encoded() {
        assert_eq!(
            ical::mailto("søren@kjærgaard.example"),
            "mailto:s%C3%B8ren@kj%C3%A6rgaard.example"
        );
        assert_eq!(ical::mailto("a.b+c@x.example"), "mailto:a.b+c@x.example");
    }

    #[test]
    fn a_control_character_in_a_name_is_visible_in_the_attendee() {
        assert_eq!(
            ical::param("Ana\u{1b}[2J \"A\" ^"),
            "Ana\\u{1b}[2J ^'A^' ^^"
        );
    }

    #[test]
    fn an_action_handed_to_someone_else_is_on_their_side() {
        let p = plan();
        let (us, customer) = (Some(Side::Us), Some(Side::Customer));
        assert_eq!(side_now(&p, us, Some("sam"), Some("ola")), customer);
        assert_eq!(side_now(&p, customer, Some("ola"), Some("sam")), us);
    }

    #[test]
    fn a_customer_task_stays_the_customers_whoever_carries_it_out() {
        let p = plan();
        let customer = Some(Side::Customer);
        assert_eq!(side_now(&p, customer, Some("sam"), Some("sam")), customer);
        assert_eq!(side_now(&p, None, Some("ola"), Some("ola")), customer);
        assert_eq!(
            side_now(&p, None, Some("kim"), Some("kim")),
            None,
            "a guest's side is not known"
        );
    }
}
