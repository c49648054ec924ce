//! `resetpoint new`: a commented starter plan that passes `check`, its
//! examples named by `placeholder` warnings until the PM replaces them.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use super::{exit, fail};
use crate::plan::model::AgendaName;

const STARTER: &str = include_str!("../../assets/starter.toml");

/// The starter plan, with its default agenda set to `agenda`.
pub fn starter(agenda: Option<AgendaName>) -> String {
    let agenda = agenda.unwrap_or(AgendaName::Status);
    STARTER.replace(
        "agenda = \"status\"",
        &format!("agenda = \"{}\"", agenda.as_str()),
    )
}

pub fn run(agenda: Option<AgendaName>, path: Option<&Path>) -> ExitCode {
    let text = starter(agenda);
    let Some(path) = path else {
        let _ = std::io::stdout().write_all(text.as_bytes());
        return ExitCode::from(exit::OK);
    };
    match write_new(path, &text) {
        Ok(()) => {
            eprintln!(
                "wrote a starter plan to {}; edit it, then run `resetpoint check {}`",
                path.display(),
                path.display()
            );
            ExitCode::from(exit::OK)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => fail(
            exit::BAD_INPUT,
            format!(
                "{} already exists; resetpoint never overwrites a plan. Give another path.",
                path.display()
            ),
        ),
        Err(e) => fail(exit::IO, format!("cannot write {}: {e}", path.display())),
    }
}

/// Create `path` (never replacing a file) and sync it to disk.
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}
