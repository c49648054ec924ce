//! The plan file: loading, checking, diagnostics, the schema, the starter plan, fuzz finds.
//!
//! One test binary of a few: each file below was once a binary of its own,
//! and linking the crate once per group keeps the cold test build short.

#[path = "../common/mod.rs"]
mod common;

mod check_audience;
mod check_fixtures;
mod check_hostile;
mod diagnostics_cap;
mod fuzz_finds;
mod loader_props;
mod plan_schema;
mod sheet_sources;
mod starter_plan;
