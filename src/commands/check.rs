//! `resetpoint check PLAN`: the quick look, then every diagnostic.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use super::{Outcome, exit, fail};
use crate::cli::ReportFormat;
use crate::export::minutes::Audience;
use crate::export::quick_look::quick_look_for;
use crate::plan::derive::derive;
use crate::plan::diagnostics::SHOWN;
use crate::plan::{Checked, OpenError, load_file};

pub fn run(path: &Path, format: ReportFormat, strict: bool, audience: Audience) -> Outcome {
    let mut checked = match load_file(path) {
        Ok(checked) => checked,
        Err(e @ OpenError::NotFound(_)) => return Err(fail(exit::BAD_INPUT, e)),
        Err(e) => return Err(fail(exit::IO, e)),
    };
    if let Some(plan) = &checked.plan {
        // What earlier meetings left open is in the records beside the plan.
        let records = crate::record::open::records_dir(path, None);
        let earlier = crate::left_open::actions::meetings(&records, &plan.project.slug());
        let open = crate::left_open::tasks::open_after(&earlier, plan);
        let warning = crate::plan::warnings::no_followups(plan, &checked.source.text, open);
        checked.diagnostics.extend(warning);
    }
    let passed = passes(&checked, strict);
    let out = match format {
        ReportFormat::Json => json_report(&checked, passed, audience) + "\n",
        ReportFormat::Human => human_report(&checked, strict, audience),
    };
    // A closed pipe (`check plan.toml | head`) is not worth a panic.
    let _ = std::io::stdout().write_all(out.as_bytes());
    Ok(ExitCode::from(if passed {
        exit::OK
    } else {
        exit::BAD_INPUT
    }))
}

/// Whether the plan passes: no errors, and no warnings when `strict`.
pub fn passes(checked: &Checked, strict: bool) -> bool {
    checked.plan.is_some() && !(strict && checked.warnings().next().is_some())
}

pub fn human_report(checked: &Checked, strict: bool, audience: Audience) -> String {
    let mut out = String::new();
    if let Some(plan) = &checked.plan {
        out.push_str(&quick_look_for(plan, audience));
        out.push('\n');
    }
    out.push_str(&checked.render());
    let errors = checked.errors().count();
    let warnings = checked.warnings().count();
    let verdict = if checked.plan.is_none() {
        "the plan has errors; fix them and check again"
    } else if strict && warnings > 0 {
        "the plan has warnings, and --strict fails on them"
    } else if checked.warnings().any(|w| w.code == "placeholder") {
        "the plan still holds the starter's examples; write your own, then check again"
    } else {
        "the plan is ready"
    };
    out.push_str(&format!(
        "{}: {} {}, {} {}: {verdict}\n",
        crate::text::visible(&checked.source.name),
        errors,
        if errors == 1 { "error" } else { "errors" },
        warnings,
        if warnings == 1 { "warning" } else { "warnings" },
    ));
    out
}

/// The report as one JSON object. Like the human report it holds the first
/// fifty errors and warnings, and says how many more there are, so that a
/// file of ten thousand mistakes does not give a report a hundred times its
/// size. For the customer, the derived figures are worked out without the
/// internal items, as the human quick look's are.
pub fn json_report(checked: &Checked, ok: bool, audience: Audience) -> String {
    let pick = |errors: bool| -> (Vec<serde_json::Value>, usize) {
        let all: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error() == errors)
            .collect();
        let shown = all
            .iter()
            .take(SHOWN)
            .map(|d| checked.source.to_json(d))
            .collect();
        (shown, all.len().saturating_sub(SHOWN))
    };
    let (errors, errors_not_shown) = pick(true);
    let (warnings, warnings_not_shown) = pick(false);
    let derived = checked.plan.as_ref().map(|plan| match audience {
        Audience::Customer => derive(&crate::meeting::public_only(plan)),
        Audience::Internal | Audience::Management => derive(plan),
    });
    // The derived figures carry the plan's own text (milestone names, ids).
    crate::text::json(&serde_json::json!({
        "ok": ok,
        "errors": errors,
        "errors_not_shown": errors_not_shown,
        "warnings": warnings,
        "warnings_not_shown": warnings_not_shown,
        "derived": derived,
    }))
}
