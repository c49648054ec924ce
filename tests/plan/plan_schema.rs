//! `resetpoint schema` describes the plan the loader reads: every valid
//! fixture plan passes it in a real JSON Schema validator, and every
//! invalid one with an unknown key or a value of the wrong type fails it,
//! so an editor flags what `check` would.

use crate::common;

use std::path::Path;

use common::{fixtures, resetpoint};
use serde_json::Value;

/// A TOML document as the JSON an editor validates (Taplo does the same:
/// dates become their text).
fn as_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(as_json).collect()),
        toml::Value::Table(table) => {
            Value::Object(table.into_iter().map(|(k, v)| (k, as_json(v))).collect())
        }
    }
}

fn schema() -> Value {
    let out = resetpoint(fixtures(), &["schema"]);
    assert_eq!(out.status.code(), Some(0));
    serde_json::from_slice(&out.stdout).expect("the schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema())
        .expect("the schema is a valid JSON Schema")
}

/// The schema's complaints about a fixture, or None when it is not TOML
/// at all (an editor's TOML parser reports that, not the schema).
fn complaints(validator: &jsonschema::Validator, path: &Path) -> Option<Vec<String>> {
    let text = String::from_utf8(std::fs::read(path).unwrap()).ok()?;
    let document: toml::Value = toml::from_str(&text).ok()?;
    let json = as_json(document);
    Some(
        validator
            .iter_errors(&json)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect(),
    )
}

fn plans(dir: &str) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(fixtures().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    found.sort();
    found
}

#[test]
fn the_schema_is_a_draft_2020_12_schema_with_every_key_described() {
    let schema = schema();
    assert!(jsonschema::meta::is_valid(&schema));
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    // Hover help: every key of every table says what it is.
    let mut tables = vec![&schema];
    tables.extend(schema["$defs"].as_object().unwrap().values());
    let mut keys = 0;
    for table in tables {
        let Some(properties) = table.get("properties").and_then(Value::as_object) else {
            continue;
        };
        for (key, property) in properties {
            keys += 1;
            let about = property["description"].as_str().unwrap_or("");
            assert!(!about.trim().is_empty(), "`{key}` has no description");
        }
    }
    assert!(keys > 60, "only {keys} keys described");
    let person = &schema["$defs"]["Person"]["properties"];
    assert!(
        person["email"]["description"]
            .as_str()
            .unwrap()
            .contains("email")
    );
    // A date says what to write, and TOML has no null to offer.
    let date = &schema["$defs"]["Date"];
    assert_eq!(date["format"], "date");
    assert!(date["description"].as_str().unwrap().contains("YYYY-MM-DD"));
    let text = serde_json::to_string(&schema).unwrap();
    assert!(!text.contains("null"), "no null anywhere: {text}");
}

#[test]
fn every_valid_fixture_plan_passes_the_schema() {
    let validator = validator();
    let valid = plans("valid");
    assert!(valid.len() >= 5);
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo.toml");
    for path in valid.iter().chain([&bundled]) {
        let found = complaints(&validator, path).expect("a valid plan is TOML");
        assert!(found.is_empty(), "{}: {found:#?}", path.display());
    }
}

/// What the schema says of each invalid fixture. Every one is named, so a
/// new fixture makes this test say which it is.
enum Expect {
    /// An unknown key, a wrong type, a choice or range it knows: rejected.
    Rejected(&'static str),
    /// Not TOML: the editor's TOML parser says so before any schema.
    NotToml,
    /// Only `check` can see it (people across tables, duplicates, a sum
    /// of two keys); the schema passes it.
    OnlyCheck,
}

#[test]
fn invalid_plans_with_an_unknown_key_or_a_wrong_type_fail_the_schema() {
    use Expect::*;
    let expected = [
        ("bad_date.toml", NotToml),
        ("bad_email.toml", Rejected("/people/1/email")),
        ("date_with_time.toml", Rejected("/status/as_of")),
        ("duplicate_id.toml", OnlyCheck),
        ("empty.toml", Rejected("project")),
        ("escape_bytes.toml", NotToml),
        ("escape_bytes_syntax.toml", NotToml),
        (
            "escape_sequences_in_text.toml",
            Rejected("/risks/0/probability"),
        ),
        // Its bad month is caught; earned_value with percent_complete is for check.
        (
            "financial_conflict.toml",
            Rejected("/financials/periods/0/month"),
        ),
        ("key_after_table_header.toml", Rejected("customer")),
        ("key_typo.toml", Rejected("probabilty")),
        ("many_errors.toml", Rejected("sponser")),
        ("missing_key.toml", Rejected("title")),
        ("missing_project.toml", Rejected("project")),
        ("not_utf8.toml", NotToml),
        ("out_of_range.toml", Rejected("/risks/0/probability")),
        ("people_as_table.toml", Rejected("/people")),
        ("quoted_bad_date.toml", Rejected("/milestones/0/baseline")),
        ("schema_and_check_agree.toml", Rejected("/meeting/agenda")),
        ("syntax_error.toml", NotToml),
        ("unknown_choice.toml", Rejected("/issues/0/severity")),
        ("unknown_person.toml", OnlyCheck),
        ("unknown_section.toml", Rejected("risk")),
        ("wrong_type.toml", Rejected("/financials/budget")),
    ];
    let validator = validator();
    let invalid = plans("invalid");
    let names: Vec<String> = invalid
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let listed: Vec<&str> = expected.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, listed, "every invalid fixture is listed, in order");
    for (path, (name, expect)) in invalid.iter().zip(&expected) {
        let found = complaints(&validator, path);
        match expect {
            NotToml => assert!(found.is_none(), "{name} parsed as TOML"),
            OnlyCheck => assert_eq!(found, Some(Vec::new()), "{name}"),
            Rejected(what) => {
                let found = found.unwrap_or_else(|| panic!("{name} is TOML"));
                assert!(
                    found.iter().any(|c| c.contains(what)),
                    "{name}: nothing about {what:?} in {found:#?}"
                );
            }
        }
    }
}

#[test]
fn the_schema_refuses_each_thing_check_refuses_in_one_plan() {
    let path = fixtures().join("invalid/schema_and_check_agree.toml");
    let found = complaints(&validator(), &path).expect("it is TOML");
    for what in [
        "/meeting/agenda",
        "/people/0/id",
        "/financials/periods/0/month",
    ] {
        assert!(
            found.iter().any(|c| c.ends_with(what)),
            "the schema lets {what} through: {found:#?}"
        );
    }
    let out = resetpoint(
        fixtures(),
        &["check", "invalid/schema_and_check_agree.toml"],
    );
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    for what in [
        "`notes` is not an agenda",
        "empty id",
        "`2026-13` is not a month",
    ] {
        assert!(said.contains(what), "check lets {what:?} through:\n{said}");
    }
}

#[test]
fn the_schema_and_check_agree_on_which_emails_are_addresses() {
    let validator = validator();
    for email in [
        "",
        "robin@acme.example",
        "søren.kjærgaard+pm@eksempel.dk",
        "robin.diaz@acme",
        "robin@@acme.example",
        "@acme.example",
        "robin @acme.example",
        "ola@acme.example, marcus@acme.example",
        "Robin <robin@acme.example>",
        "robin@acme..example",
        "robin@.acme.example",
        "robin@acme.example.",
        "\"robin\"@acme.example",
    ] {
        let plan = serde_json::json!({
            "project": {"name": "Portal", "customer": "Acme"},
            "people": [{"id": "robin", "name": "Robin", "side": "customer", "email": email}],
        });
        // `email = ""` is "not known yet" for the loader, as if left out.
        let by_check = email.is_empty() || resetpoint::plan::validate::check_email(email).is_ok();
        assert_eq!(validator.is_valid(&plan), by_check, "{email:?}");
    }
}
