//! `resetpoint report PLAN`: the one-page status report, for the customer
//! unless told otherwise.

use std::path::Path;

use super::Outcome;
use super::actions::{deliver_and_say, plan_and_meetings};
use crate::cli::PageFormat;
use crate::export::minutes::Audience;
use crate::export::report::{report, write};

pub struct Options<'a> {
    pub records: Option<&'a Path>,
    pub audience: Audience,
    pub format: PageFormat,
    pub output: Option<&'a Path>,
    pub config: Option<&'a Path>,
}

pub fn run(plan_path: &Path, options: &Options) -> Outcome {
    let (plan, found) = plan_and_meetings(plan_path, options.records, options.config)?;
    let zone = crate::meeting::clock::local_zone();
    let today = jiff::Timestamp::now().to_zoned(zone.clone()).date();
    let report = report(&plan, &found, options.audience, today, &zone);
    let document = match options.format {
        PageFormat::Md => write::markdown(&report),
        PageFormat::Html => write::html(&report, &plan),
    };
    deliver_and_say("the report", &document, options.output)
}
