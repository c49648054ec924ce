//! `resetpoint schema`: the plan file's JSON Schema on standard output, for
//! the `#:schema` line that `resetpoint new` writes.

use std::io::Write as _;
use std::process::ExitCode;

use super::exit;
use crate::plan::schema::plan_schema_text;

pub fn run() -> ExitCode {
    let _ = std::io::stdout().write_all(plan_schema_text().as_bytes());
    ExitCode::from(exit::OK)
}
