//! `resetpoint agenda PLAN`: the agenda of the next meeting, to send ahead
//! (the plan's meeting rules ask for it a day before), as Markdown, a mail
//! draft or a calendar event.

use std::path::Path;

use super::actions::{deliver_and_say, plan_and_meetings};
use super::minutes::say_who_is_missing;
use super::{Outcome, exit, fail};
use crate::cli::AgendaFormat;
use crate::export::agenda_ahead::agenda_ahead;
use crate::plan::model::AgendaName;

pub struct Options<'a> {
    pub agenda: Option<AgendaName>,
    pub records: Option<&'a Path>,
    pub format: AgendaFormat,
    pub output: Option<&'a Path>,
    pub config: Option<&'a Path>,
}

pub fn run(plan_path: &Path, options: &Options) -> Outcome {
    let (plan, found) = plan_and_meetings(plan_path, options.records, options.config)?;
    let zone = crate::meeting::clock::local_zone();
    let now = jiff::Timestamp::now();
    let today = now.to_zoned(zone.clone()).date();
    let name = options
        .agenda
        .unwrap_or_else(|| crate::agenda::default_agenda(&plan));
    let agenda = agenda_ahead(&plan, name, &found, today);
    let document = match options.format {
        AgendaFormat::Md => agenda.markdown().into_bytes(),
        AgendaFormat::Eml => {
            let draft = agenda.eml(&plan);
            say_who_is_missing(true, &draft.without_email);
            draft.message
        }
        AgendaFormat::Ics => agenda
            .ics(&plan, now, &zone)
            .ok_or_else(|| {
                fail(
                    exit::BAD_INPUT,
                    "no day is agreed for the next meeting, so there is no event to write: \
                 agree one at the end of a meeting (its last field), or send the agenda \
                 with --format md or eml",
                )
            })?
            .into_bytes(),
    };
    deliver_and_say("the agenda", &document, options.output)
}
