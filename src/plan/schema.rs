//! The plan file's JSON Schema, for editors (Taplo, Even Better TOML): made
//! from the same serde types the loader reads, so it cannot drift from it.
//! The loader's own types (dates written either way, the section kinds)
//! get their schemas in `schema_parts`.

use schemars::Schema;
use schemars::generate::SchemaSettings;
use schemars::transform::{RecursiveTransform, Transform as _};
use serde_json::Value;

use super::model::Plan;

/// The name `resetpoint new` points its `#:schema` line at, beside the plan.
pub const FILE_NAME: &str = "resetpoint.schema.json";

/// The plan file's JSON Schema (draft 2020-12).
pub fn plan_schema() -> Schema {
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.root_schema_for::<Plan>();
    RecursiveTransform(no_unknown_keys).transform(&mut schema);
    RecursiveTransform(no_null).transform(&mut schema);
    RecursiveTransform(no_machine_formats).transform(&mut schema);
    schema
}

/// The schema as the text `resetpoint schema` prints.
pub fn plan_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&plan_schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// Unknown keys are errors in the loader, so an editor flags them too
/// (the glossary, a table of any terms, has no fixed keys and is left open).
fn no_unknown_keys(schema: &mut Schema) {
    if let Some(object) = schema.as_object_mut()
        && object.contains_key("properties")
    {
        object.insert("additionalProperties".into(), Value::Bool(false));
    }
}

/// TOML has no null: an optional key is one left out, so an editor should
/// never offer `null` as a value.
fn no_null(schema: &mut Schema) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    match object.get_mut("default") {
        Some(Value::Null) => {
            object.remove("default");
        }
        Some(Value::Object(fields)) => fields.retain(|_, v| !v.is_null()),
        _ => {}
    }
    if let Some(Value::Array(types)) = object.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            object.insert("type".into(), only);
        }
    }
    let Some(Value::Array(options)) = object.get_mut("anyOf") else {
        return;
    };
    options.retain(|o| o.get("type").and_then(Value::as_str) != Some("null"));
    if options.len() == 1
        && let Some(Value::Object(only)) = options.pop()
    {
        object.remove("anyOf");
        for (key, value) in only {
            object.entry(key).or_insert(value);
        }
    }
}

/// Number formats like `int64` and `double` say how Rust stores a value,
/// not what a PM writes; only the date format is kept.
fn no_machine_formats(schema: &mut Schema) {
    if let Some(object) = schema.as_object_mut()
        && object.get("format").is_some_and(|f| f != "date")
    {
        object.remove("format");
    }
}
