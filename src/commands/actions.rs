//! `resetpoint actions PLAN`: open actions across all live meetings of a plan.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use super::run::{plan_or_report, settings};
use super::{exit, fail};
use crate::cli::ActionsFormat;
use crate::export::actions::{csv, ics, markdown, meetings, rows};
use crate::plan::{OpenError, Plan, load_file};
use crate::record::format::Record;
use crate::record::open::records_dir;
use crate::record::store::write_atomically;

pub struct Options<'a> {
    pub records: Option<&'a Path>,
    pub format: ActionsFormat,
    pub all: bool,
    pub output: Option<&'a Path>,
    pub config: Option<&'a Path>,
}

pub fn run(plan_path: &Path, options: &Options) -> ExitCode {
    let (plan, found) = match plan_and_meetings(plan_path, options.records, options.config) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let rows = rows(&found, &plan, options.all);
    let document = match options.format {
        ActionsFormat::Md => markdown(&rows, &plan, options.all),
        ActionsFormat::Csv => csv(&rows),
        ActionsFormat::Ics => ics(&rows, &plan),
    };
    deliver(&document, options.output)
}

/// A checked plan and its live meeting records, or the exit code after
/// saying why not.
pub fn plan_and_meetings(
    plan_path: &Path,
    records: Option<&Path>,
    config: Option<&Path>,
) -> Result<(Plan, Vec<(String, Record)>), ExitCode> {
    let checked = match load_file(plan_path) {
        Ok(checked) => checked,
        Err(e @ OpenError::NotFound(_)) => return Err(fail(exit::BAD_INPUT, e)),
        Err(e) => return Err(fail(exit::IO, e)),
    };
    let plan = plan_or_report(checked)?;
    let config = settings(config)?;
    let dir = records_dir(plan_path, records.or(config.records_dir.as_deref()));
    let found = meetings(&dir, &plan.project.slug());
    Ok((plan, found))
}

/// Write a document to standard output, or atomically to `output`.
pub fn deliver(document: &str, output: Option<&Path>) -> ExitCode {
    match output {
        None => {
            let _ = std::io::stdout().write_all(document.as_bytes());
            ExitCode::from(exit::OK)
        }
        Some(path) => match write_atomically(path, document.as_bytes()) {
            Ok(()) => ExitCode::from(exit::OK),
            Err(e) => fail(exit::IO, format!("cannot write {}: {e}", path.display())),
        },
    }
}
