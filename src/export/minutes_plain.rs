//! The minutes as plain text: the part of the mail draft a reader's mail
//! program shows as it is, so every word reads as it was typed, with no
//! Markdown escapes (`\<UAT>`, `http\://`). Control characters and bidi
//! overrides are still written as visible escapes, as in every export.

use std::fmt::Write as _;

use jiff::tz::TimeZone;

use super::minutes::{Audience, minutes};
use super::section_text::{Plain, write_section};
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
        write_section(&mut out, section, &Plain);
    }
    visible_lines(&out)
}
