//! `resetpoint schema`: the plan file's JSON Schema on standard output, for
//! the `#:schema` line that `resetpoint new` writes.

use std::io::Write as _;
use std::process::ExitCode;

use super::{Outcome, exit};
use crate::plan::schema::plan_schema_text;

pub fn run() -> Outcome {
    let _ = std::io::stdout().write_all(plan_schema_text().as_bytes());
    Ok(ExitCode::from(exit::OK))
}
