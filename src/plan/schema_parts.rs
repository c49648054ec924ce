//! Schemas for the loader's own types, saying what a PM writes: dates
//! written either way, and the section kinds of a plan's `[[agenda]]`.
//! The plan model names them; `schema` puts the whole schema together.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use crate::plan::section_kind::SectionKind;

/// A date in the plan: a TOML date (`2026-12-01`) or the same in quotes.
/// A date with a time of day is refused by the loader, and by `format`.
pub struct PlanDate;

impl JsonSchema for PlanDate {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "description": "A date as YYYY-MM-DD, like 2026-12-01 (no time of day).",
            "examples": ["2026-12-01"]
        })
    }
}

/// The kind of a section in the plan's own `[[agenda]]`.
pub struct SectionKey;

impl JsonSchema for SectionKey {
    fn schema_name() -> Cow<'static, str> {
        "SectionKind".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let kinds: Vec<Value> = SectionKind::ALL
            .iter()
            .map(|kind| {
                serde_json::json!({
                    "const": kind.key(),
                    "description": kind.default_title(),
                })
            })
            .collect();
        json_schema!({
            "type": "string",
            "oneOf": kinds
        })
    }
}
