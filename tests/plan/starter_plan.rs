//! `resetpoint new` writes a plan that passes `check` (no errors) but is
//! not ready: every example name and date left in it is a `placeholder`
//! warning, until the PM writes their own.

use crate::common;

use common::resetpoint;

#[test]
fn a_new_plan_passes_check_with_its_placeholders_named() {
    for agenda in ["status", "kickoff", "reset-point"] {
        let dir = tempfile::tempdir().unwrap();
        let made = resetpoint(dir.path(), &["new", "--agenda", agenda, "plan.toml"]);
        assert_eq!(made.status.code(), Some(0), "{agenda}");

        let json = resetpoint(dir.path(), &["check", "--format", "json", "plan.toml"]);
        assert_eq!(json.status.code(), Some(0), "no errors: it passes check");
        let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        assert_eq!(report["errors"].as_array().unwrap().len(), 0);
        let placeholders: Vec<&serde_json::Value> = report["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["code"] == "placeholder")
            .collect();
        let name = placeholders
            .iter()
            .find(|w| w["message"].as_str().unwrap().contains("\"Your project\""))
            .expect("the project name is named");
        assert_eq!(name["line"], 11, "it points at the line to change");
        assert!(
            placeholders
                .iter()
                .any(|w| w["message"].as_str().unwrap().contains("\"Your customer\""))
        );

        let human = resetpoint(dir.path(), &["check", "plan.toml"]);
        let text = String::from_utf8(human.stdout).unwrap();
        assert!(text.contains("warning[placeholder]"), "{text}");
        assert!(
            text.contains("the plan still holds the starter's examples"),
            "an untouched starter is not called ready:\n{text}"
        );
        assert!(!text.contains("the plan is ready"), "{text}");
    }
}

#[test]
fn once_the_examples_are_replaced_the_placeholder_warnings_go() {
    let dir = tempfile::tempdir().unwrap();
    let made = resetpoint(dir.path(), &["new"]);
    let mut plan = String::from_utf8(made.stdout).unwrap();
    for (from, to) in [
        ("Your project", "Claims Portal Rebuild"),
        ("Your customer", "Acme Insurance"),
        (
            "One sentence the customer would agree describes the project.",
            "Replace the claims portal.",
        ),
        (
            "What success looks like, in the customer's words",
            "Claims filed online in ten minutes",
        ),
        ("\"What we deliver\"", "\"Web portal\""),
        ("What we do not deliver", "Mobile app"),
        ("Lee Park", "Dana Wu"),
        ("Alex Morgan", "Sam Ortiz"),
        ("Robin Diaz", "Raj Patel"),
        (
            "One line: where the project stands and what happens next.",
            "Design is on track.",
        ),
        (
            "Something finished since the last meeting",
            "Claims API live",
        ),
        ("Design approved", "Design signed off"),
        ("An issue the customer should know about", "Defects growing"),
        ("A risk worth sharing early", "Rate limits"),
        ("What we do about it", "Batch overnight"),
    ] {
        assert!(plan.contains(from), "{from}");
        plan = plan.replace(from, to);
    }
    std::fs::write(dir.path().join("plan.toml"), plan).unwrap();
    let out = resetpoint(dir.path(), &["check", "plan.toml"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains("placeholder"), "{text}");
    assert!(text.contains("the plan is ready"), "{text}");
}

#[test]
fn a_new_plan_points_editors_at_its_schema_written_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let made = resetpoint(dir.path(), &["new", "plan.toml"]);
    assert_eq!(made.status.code(), Some(0));
    let plan = std::fs::read_to_string(dir.path().join("plan.toml")).unwrap();
    // Taplo and Even Better TOML read the directive from the top of the file.
    assert_eq!(
        plan.lines().next(),
        Some("#:schema ./resetpoint.schema.json")
    );
    let printed = resetpoint(dir.path(), &["schema"]);
    let beside = std::fs::read(dir.path().join("resetpoint.schema.json")).unwrap();
    assert_eq!(
        beside, printed.stdout,
        "the same schema `resetpoint schema` prints"
    );
    let said = String::from_utf8(made.stderr).unwrap();
    assert!(said.contains("resetpoint.schema.json"), "{said}");

    // A second plan in the folder shares it; an older one is kept but named.
    let again = resetpoint(dir.path(), &["new", "next.toml"]);
    assert_eq!(again.status.code(), Some(0));
    assert!(!String::from_utf8(again.stderr).unwrap().contains("note:"));
    std::fs::write(dir.path().join("resetpoint.schema.json"), "{}").unwrap();
    let older = resetpoint(dir.path(), &["new", "third.toml"]);
    assert_eq!(older.status.code(), Some(0));
    let said = String::from_utf8(older.stderr).unwrap();
    assert!(said.contains("from another version"), "{said}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("resetpoint.schema.json")).unwrap(),
        "{}",
        "never overwritten"
    );
}
