//! `resetpoint minutes RECORD`: the minutes of a meeting, as Markdown, HTML
//! or a draft email.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Outcome, exit, fail};
use crate::cli::MinutesFormat;
use crate::export::eml::eml;
use crate::export::minutes::{Audience, html, markdown};
use crate::left_open::actions::{meetings_before, still_open};
use crate::meeting::latest::{in_order, plan_after};
use crate::plan::diagnostics::{Diagnostic, Source};
use crate::plan::model::Plan;
use crate::record::format::Record;
use crate::record::store::write_atomically;

pub fn run(
    asked: &Path,
    meeting: Option<&str>,
    audience: Audience,
    format: MinutesFormat,
    output: Option<&Path>,
) -> Outcome {
    let record_path = match super::which_meeting::record_for(asked, meeting) {
        Ok(path) => path,
        Err(why) => return Err(fail(exit::BAD_INPUT, why)),
    };
    let record_path = record_path.as_path();
    let text = match crate::record::fs::read_plain(record_path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(fail(
                exit::BAD_INPUT,
                format!("there is no meeting record at {}", record_path.display()),
            ));
        }
        Err(e) => {
            return Err(fail(
                exit::IO,
                format!("cannot read {}: {e}", record_path.display()),
            ));
        }
    };
    let record: Record = match toml::from_str(&text) {
        Ok(record) => record,
        Err(e) => {
            let source = Source::new(record_path.display().to_string(), text);
            let diagnostic = Diagnostic::error(
                "bad-record",
                format!("not a meeting record: {}", e.message().trim()),
            )
            .at_opt(e.span())
            .hint("give the .toml file resetpoint wrote in the meetings folder");
            eprint!("{}", source.render(&diagnostic));
            return Ok(ExitCode::from(exit::BAD_INPUT));
        }
    };
    let plan = plan_of(&record, record_path);
    let zone = crate::meeting::clock::local_zone();
    // The actions followed up in this meeting come from the earlier ones
    // beside it, for their titles.
    // Customer tasks are as those meetings' follow-ups left them.
    // A bare file name's folder is the one we are in.
    let folder = record_path.parent().map(|p| {
        if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        }
    });
    let (earlier, plan) = match (&plan, folder) {
        (Some(plan), Some(dir)) => {
            let before = meetings_before(dir, plan, record.meeting.started);
            let followups: Vec<crate::meeting::Captured> =
                in_order(before.iter().flat_map(|(_, r)| &r.followups))
                    .into_iter()
                    .cloned()
                    .collect();
            (
                still_open(&before, plan),
                Some(plan_after(plan, &followups)),
            )
        }
        _ => (Vec::new(), plan),
    };
    let minutes = match format {
        MinutesFormat::Md => {
            markdown(&record, plan.as_ref(), &earlier, audience, &zone).into_bytes()
        }
        MinutesFormat::Html => html(&record, plan.as_ref(), &earlier, audience, &zone).into_bytes(),
        MinutesFormat::Eml => {
            let draft = eml(&record, plan.as_ref(), &earlier, audience, &zone);
            say_who_is_missing(plan.is_some(), &draft.without_email);
            draft.message
        }
    };
    match output {
        None => {
            let _ = std::io::stdout().write_all(&minutes);
            Ok(ExitCode::from(exit::OK))
        }
        Some(path) => match write_atomically(path, &minutes) {
            Ok(()) => {
                eprintln!(
                    "wrote the minutes to {}",
                    crate::text::visible(&path.display().to_string())
                );
                Ok(ExitCode::from(exit::OK))
            }
            Err(e) => Err(fail(
                exit::IO,
                format!("cannot write {}: {e}", path.display()),
            )),
        },
    }
}

/// The plan the meeting ran from, for names and customer tasks: where the
/// record says, else beside the records folder. Minutes still come out
/// without it, with ids for names.
fn plan_of(record: &Record, record_path: &Path) -> Option<Plan> {
    let named = PathBuf::from(&record.meeting.plan);
    let beside = record_path
        .parent()
        .and_then(Path::parent)
        .zip(named.file_name())
        .map(|(dir, name)| dir.join(name));
    [Some(named), beside]
        .into_iter()
        .flatten()
        .find_map(|path| crate::plan::load_file(&path).ok()?.plan)
}

/// The draft goes out with the addresses the plan gives; say on stderr who
/// it could not be addressed to, so the PM adds them before sending.
pub(super) fn say_who_is_missing(has_plan: bool, without_email: &[String]) {
    if !has_plan {
        eprintln!(
            "note: the plan of this meeting was not found, so the draft is addressed to nobody; add the recipients in your mail program"
        );
        return;
    }
    if without_email.is_empty() {
        return;
    }
    eprintln!(
        "note: the plan gives no email for {}; add email = \"…\" to their [[people]] entry, or add them in your mail program",
        crate::text::visible(&without_email.join(", "))
    );
}
