//! The minutes as plain text: the part of the mail draft a reader's mail
//! program shows as it is, so every word reads as it was typed, with no
//! Markdown escapes (`\<UAT>`, `http\://`). Control characters and bidi
//! overrides are still written as visible escapes, as in every export.

use std::fmt::Write as _;

use jiff::tz::TimeZone;

use super::minutes::{Audience, Section, minutes};
use crate::export::quick_look::rag_word;
use crate::meeting::capture::Earlier;
use crate::plan::model::Plan;
use crate::record::format::Record;
use crate::text::visible_lines;

/// The minutes as plain text, with times in `zone`.
pub fn plain(
    record: &Record,
    plan: Option<&Plan>,
    earlier: &[Earlier],
    audience: Audience,
    zone: &TimeZone,
) -> String {
    let minutes = minutes(record, plan, earlier, audience);
    let mut out = format!(
        "Minutes: {}\n\nCustomer: {}\nMeeting: {}\nAgenda: {}\n",
        minutes.project,
        minutes.customer,
        minutes.when(zone),
        minutes.agenda
    );
    if let Some(warning) = audience.warning() {
        let _ = writeln!(out, "\n{warning}");
    }
    for section in &minutes.sections {
        plain_section(&mut out, section);
    }
    visible_lines(&out)
}

/// One section: its heading underlined, then its lines as a list.
fn plain_section(out: &mut String, section: &Section) {
    let rule = "-".repeat(section.title.chars().count());
    let _ = write!(out, "\n{}\n{rule}\n", section.title);
    if let Some((rag, as_of)) = &section.overall {
        let as_of = if as_of.is_empty() {
            String::new()
        } else {
            format!(", {as_of}")
        };
        let _ = writeln!(out, "Overall: {}{as_of}", rag_word(*rag));
    }
    for group in &section.groups {
        if let Some(heading) = &group.heading {
            let _ = writeln!(out, "{heading}");
        }
        if group.items.is_empty() && !section.empty.is_empty() {
            let _ = writeln!(out, "{}", section.empty);
        }
        for item in &group.items {
            let lead = item
                .lead
                .as_deref()
                .map_or_else(String::new, |l| format!("{l} "));
            let mark = item
                .mark
                .as_deref()
                .map_or_else(String::new, |m| format!(" ({m})"));
            let text = item.text.replace('\n', "\n  ");
            let _ = writeln!(out, "- {lead}{text}{mark}");
        }
    }
    if !section.milestones.is_empty() {
        out.push_str("Milestones\n");
        for m in &section.milestones {
            let mark = if m.internal { " (internal)" } else { "" };
            let _ = writeln!(out, "- {}{mark}", m.line());
        }
    }
    if let Some(after) = &section.after {
        let _ = writeln!(out, "{after}");
    }
}
