//! `resetpoint actions PLAN`: open actions across all live meetings of a plan.

use std::io::{IsTerminal as _, Write as _};
use std::path::Path;
use std::process::ExitCode;

use super::run::{plan_or_report, settings};
use super::{Failed, Outcome, exit, fail};
use crate::cli::ActionsFormat;
use crate::export::actions::{csv, ics, markdown_of};
use crate::export::whose::Whose;
use crate::export::workbook::actions::actions_workbook;
use crate::left_open::actions::{meetings, rows};
use crate::plan::model::Side;
use crate::plan::{OpenError, Plan, load_file};
use crate::record::format::Record;
use crate::record::open::records_dir;
use crate::record::store::write_atomically;

pub struct Options<'a> {
    pub records: Option<&'a Path>,
    pub format: ActionsFormat,
    pub all: bool,
    /// Only this person's actions (`--owner`).
    pub owner: Option<&'a str>,
    /// Only the actions on this side of the table (`--side`).
    pub side: Option<Side>,
    pub output: Option<&'a Path>,
    pub config: Option<&'a Path>,
}

pub fn run(plan_path: &Path, options: &Options) -> Outcome {
    if options.format == ActionsFormat::Xlsx {
        workbook_has_somewhere_to_go(options.output, "actions.xlsx")?;
    }
    let (plan, found) = plan_and_meetings(plan_path, options.records, options.config)?;
    let rows = rows(&found, &plan, options.all);
    let whose = match Whose::of(&plan, &rows, options.owner, options.side) {
        Ok(whose) => whose,
        Err(nobody) => return Err(fail(exit::BAD_INPUT, nobody)),
    };
    let rows = whose.filter_rows(rows);
    let document = match options.format {
        ActionsFormat::Md => {
            markdown_of(&rows, &plan, options.all, whose.described(&plan).as_deref()).into_bytes()
        }
        ActionsFormat::Csv => csv(&rows, &crate::meeting::clock::local_zone()).into_bytes(),
        ActionsFormat::Ics => ics(&rows, &plan).into_bytes(),
        ActionsFormat::Xlsx => {
            let zone = crate::meeting::clock::local_zone();
            match actions_workbook(&rows, &plan, options.all, &zone) {
                Ok(bytes) => bytes,
                Err(e) => return Err(fail(exit::IO, e)),
            }
        }
    };
    deliver(&document, options.output)
}

/// A workbook is binary: written to a terminal it would be noise, and
/// could move the cursor or change the terminal's title. It needs a file
/// or a pipe; `example` names the file in the message.
pub fn workbook_has_somewhere_to_go(output: Option<&Path>, example: &str) -> Result<(), Failed> {
    if output.is_none() && std::io::stdout().is_terminal() {
        return Err(fail(
            exit::USAGE,
            format!(
                "a workbook is not for the terminal: write it to a file with -o {example}, or pipe it (> {example})"
            ),
        ));
    }
    Ok(())
}

/// A checked plan and its live meeting records, or the exit code after
/// saying why not.
pub fn plan_and_meetings(
    plan_path: &Path,
    records: Option<&Path>,
    config: Option<&Path>,
) -> Result<(Plan, Vec<(String, Record)>), Failed> {
    plan_and_records(plan_path, records, config).map(|found| (found.plan, found.meetings))
}

/// A checked plan, the folder of its records, and its live meeting records.
pub struct PlanRecords {
    pub plan: Plan,
    pub dir: std::path::PathBuf,
    pub meetings: Vec<(String, Record)>,
}

/// The same as [`plan_and_meetings`], with the records folder.
pub fn plan_and_records(
    plan_path: &Path,
    records: Option<&Path>,
    config: Option<&Path>,
) -> Result<PlanRecords, Failed> {
    let checked = match load_file(plan_path) {
        Ok(checked) => checked,
        Err(e @ OpenError::NotFound(_)) => return Err(fail(exit::BAD_INPUT, e)),
        Err(e) => return Err(fail(exit::IO, e)),
    };
    let plan = plan_or_report(checked)?;
    let config = settings(config)?;
    let dir = records_dir(plan_path, records.or(config.records_dir.as_deref()));
    let meetings = meetings(&dir, &plan.project.slug());
    Ok(PlanRecords {
        plan,
        dir,
        meetings,
    })
}

/// [`deliver`], saying on stderr where `what` ("the report") was written
/// when it went to a file.
pub fn deliver_and_say(what: &str, document: impl AsRef<[u8]>, output: Option<&Path>) -> Outcome {
    let code = deliver(document, output)?;
    if let Some(path) = output {
        eprintln!(
            "wrote {what} to {}",
            crate::text::visible(&path.display().to_string())
        );
    }
    Ok(code)
}

/// Write a document to standard output, or atomically to `output`.
pub fn deliver(document: impl AsRef<[u8]>, output: Option<&Path>) -> Outcome {
    let document = document.as_ref();
    match output {
        None => {
            let _ = std::io::stdout().write_all(document);
            Ok(ExitCode::from(exit::OK))
        }
        Some(path) => match write_atomically(path, document) {
            Ok(()) => Ok(ExitCode::from(exit::OK)),
            Err(e) => Err(fail(
                exit::IO,
                format!("cannot write {}: {e}", path.display()),
            )),
        },
    }
}
