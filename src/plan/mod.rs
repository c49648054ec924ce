//! The plan file: its model, loading and checking, and what is derived from it.

pub mod dates;
pub mod derive;
pub mod diagnostics;
pub mod keys;
pub mod load;
pub mod model;
pub mod schema;
pub mod schema_parts;
pub mod section_kind;
pub mod sheets;
pub mod task_help;
pub mod validate;
pub mod warnings;

pub use diagnostics::{Diagnostic, Level, Source};
pub use load::{Checked, OpenError, load_bytes, load_bytes_to_run, load_file, load_file_to_run};
pub use model::Plan;
