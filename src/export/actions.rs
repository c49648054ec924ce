//! Open actions across every live meeting of a plan, oldest first, as
//! Markdown, CSV (RFC 4180) or iCalendar (RFC 5545: a VTODO per action, the
//! due date as an all-day DUE, the owner as an ATTENDEE); the workbook is
//! in `workbook/`. Typed text is untrusted in every format: control
//! characters and bidi overrides are written as visible escapes, and no CSV
//! cell can become a spreadsheet formula.

use super::ical;
use super::markdown::{escape, escape_inline};
use crate::meeting::capture::ActionStatus;
use crate::text::visible_lines;
use std::fmt::Write as _;

use crate::left_open::actions::ActionRow;
use crate::plan::model::{Plan, Side};

/// The words of `--side`.
pub fn side_word(side: Side) -> &'static str {
    match side {
        Side::Us => "us",
        Side::Customer => "customer",
    }
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
/// The side and the date an action was moved from come last, after the
/// columns a script written for the first ones reads by position. When it
/// was raised is given in `zone` to the minute (`2026-12-04 23:30`), as a
/// spreadsheet reads a date and time.
pub fn csv(rows: &[ActionRow], zone: &jiff::tz::TimeZone) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = writer.write_record([
        "id",
        "title",
        "owner",
        "due",
        "status",
        "meeting",
        "created",
        "side",
        "moved_from",
    ]);
    let day = |d: Option<jiff::civil::Date>| d.map_or_else(String::new, |d| d.to_string());
    for r in rows {
        let cells = [
            r.id.as_str(),
            r.title.as_str(),
            r.owner.as_deref().unwrap_or(""),
            &day(r.due),
            status_word(r.status),
            r.meeting.as_str(),
            &r.created
                .to_zoned(zone.clone())
                .strftime("%Y-%m-%d %H:%M")
                .to_string(),
            r.side.map_or("", side_word),
            &day(r.moved_from),
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
}
