//! `resetpoint check` on the fixture plans: every bad plan is refused with
//! the message a PM should see, every good one passes with its figures.

use crate::common;

use common::{assert_terminal_safe, fixtures, resetpoint};

fn relative(path: &std::path::Path) -> String {
    path.strip_prefix(fixtures()).unwrap().display().to_string()
}

#[test]
fn invalid_plans_are_refused_with_a_clear_message() {
    insta::glob!("../fixtures/invalid", "*.toml", |path| {
        let out = resetpoint(fixtures(), &["check", &relative(path)]);
        assert_eq!(out.status.code(), Some(1), "{}", relative(path));
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_terminal_safe(&out.stdout);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("error["), "{text}");
        assert!(
            text.contains("help: "),
            "every error says how to fix it:\n{text}"
        );
        insta::assert_snapshot!(text);
    });
}

#[test]
fn invalid_plans_in_json_name_line_and_column() {
    insta::glob!("../fixtures/invalid", "*.toml", |path| {
        let out = resetpoint(fixtures(), &["check", "--format", "json", &relative(path)]);
        assert_eq!(out.status.code(), Some(1));
        assert_terminal_safe(&out.stdout);
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["ok"], false);
        assert!(report["derived"].is_null());
        let errors = report["errors"].as_array().unwrap();
        assert!(!errors.is_empty());
        for error in errors {
            assert_eq!(error["severity"], "error");
            assert!(error["line"].as_u64().unwrap() >= 1, "{error}");
            assert!(error["column"].as_u64().unwrap() >= 1, "{error}");
            assert!(error["hint"].is_string(), "{error}");
        }
    });
}

#[test]
fn valid_plans_pass_with_their_quick_look() {
    insta::glob!("../fixtures/valid", "*.toml", |path| {
        let out = resetpoint(fixtures(), &["check", &relative(path)]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert_terminal_safe(&out.stdout);
        insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
    });
}

#[test]
fn valid_plans_in_json_carry_the_derived_figures() {
    insta::glob!("../fixtures/valid", "*.toml", |path| {
        let out = resetpoint(fixtures(), &["check", "--format", "json", &relative(path)]);
        assert_eq!(out.status.code(), Some(0));
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        insta::assert_json_snapshot!(report);
    });
}

#[test]
fn strict_fails_on_warnings_only() {
    let dir = fixtures();
    let lenient = resetpoint(dir, &["check", "valid/manual_colour.toml"]);
    assert_eq!(lenient.status.code(), Some(0));
    let strict = resetpoint(dir, &["check", "--strict", "valid/manual_colour.toml"]);
    assert_eq!(strict.status.code(), Some(1));
    let clean = resetpoint(dir, &["check", "--strict", "valid/minimal.toml"]);
    assert_eq!(clean.status.code(), Some(0));
    // The starter still holds its examples: it passes, but not strictly.
    let starter = resetpoint(dir, &["check", "--strict", "valid/starter.toml"]);
    assert_eq!(starter.status.code(), Some(1));
}

#[test]
fn a_missing_plan_is_wrong_input_and_a_bad_flag_is_usage() {
    let missing = resetpoint(fixtures(), &["check", "no/such/plan.toml"]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&missing.stderr),
        "error: there is no plan at no/such/plan.toml\n"
    );
    let usage = resetpoint(
        fixtures(),
        &["check", "--format", "yaml", "valid/minimal.toml"],
    );
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn an_oversize_plan_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let head = "[project]\nname = \"Big\"\ncustomer = \"Acme\"\n";
    let cap = resetpoint::plan::load::MAX_PLAN_BYTES as usize;
    let at_cap = format!("{head}#{}\n", "x".repeat(cap - head.len() - 2));
    assert_eq!(at_cap.len(), cap);
    std::fs::write(dir.path().join("at_cap.toml"), &at_cap).unwrap();
    std::fs::write(dir.path().join("over.toml"), format!("{at_cap}#")).unwrap();
    let ok = resetpoint(dir.path(), &["check", "at_cap.toml"]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    let over = resetpoint(dir.path(), &["check", "over.toml"]);
    assert_eq!(over.status.code(), Some(1));
    let text = String::from_utf8(over.stdout).unwrap();
    assert!(
        text.contains("error[too-large]: the plan is larger than 8 MiB"),
        "{text}"
    );
}

#[test]
fn the_demo_plan_passes_with_at_least_two_warnings() {
    let demo = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.toml"));
    let out = resetpoint(
        fixtures(),
        &["check", "--format", "json", demo.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["warnings"].as_array().unwrap().len() >= 2);
    assert_eq!(report["derived"]["overall"], "red");
}

#[test]
fn a_bad_config_is_reported_before_the_meeting_starts() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[keys]\nnext = [\"Right\"]\n").unwrap();
    let plan = fixtures().join("valid/minimal.toml");
    let out = resetpoint(
        dir.path(),
        &[
            "--config",
            config.to_str().unwrap(),
            "run",
            plan.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(
        text.contains("error[config]: unknown action `next`"),
        "{text}"
    );
    assert!(text.contains("config.toml:2:1"), "{text}");
    assert!(text.contains("did you mean `next_section`?"), "{text}");
}

#[test]
fn run_refuses_a_bad_plan_with_its_diagnostics_on_stderr() {
    let out = resetpoint(fixtures(), &["run", "invalid/unknown_person.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "nothing is drawn");
    assert_terminal_safe(&out.stderr);
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(text.contains("error[unknown-person]"), "{text}");
}

#[test]
fn the_quick_look_marks_internal_items_for_the_team_and_drops_them_for_the_customer() {
    let plan = "valid/promise_broken.toml";
    let team = resetpoint(fixtures(), &["check", plan]);
    let team = String::from_utf8(team.stdout).unwrap();
    for line in ["Margin below the floor", "Two developers moved"] {
        let marked = team
            .lines()
            .filter(|l| l.contains(line))
            .collect::<Vec<_>>();
        assert!(!marked.is_empty(), "{line:?} missing:\n{team}");
        assert!(
            marked.iter().all(|l| l.ends_with("[internal]")),
            "{marked:?}"
        );
    }
    let customer = resetpoint(fixtures(), &["check", "--audience", "customer", plan]);
    assert_eq!(customer.status.code(), Some(0));
    let customer = String::from_utf8(customer.stdout).unwrap();
    let quick_look = customer.split("warning[").next().unwrap();
    for internal in [
        "Margin below the floor",
        "Two developers",
        "[internal]",
        "R-2",
    ] {
        assert!(
            !quick_look.contains(internal),
            "{internal:?} in the customer's quick look:\n{quick_look}"
        );
    }
    assert!(
        quick_look.contains("promise broken on 1 Nov 2026"),
        "{quick_look}"
    );
    assert!(
        quick_look.contains("R-1 Scanner firmware recall"),
        "{quick_look}"
    );
}

#[test]
fn a_broken_promise_is_red_and_a_past_forecast_is_stale() {
    let out = resetpoint(
        fixtures(),
        &["check", "--format", "json", "valid/promise_broken.toml"],
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rags: Vec<&str> = report["derived"]["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["rag"].as_str().unwrap())
        .collect();
    assert_eq!(rags, ["red", "amber", "green"]);
    let stale: Vec<&str> = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "stale-forecast")
        .map(|w| w["message"].as_str().unwrap())
        .collect();
    assert_eq!(stale.len(), 2, "{stale:?}");
    assert!(stale[0].contains("Pilot depot live"), "{stale:?}");
}

#[test]
fn the_piped_demo_marks_its_internal_items() {
    let out = resetpoint(fixtures(), &["demo"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let quick_look = text.split("warning[").next().unwrap();
    for internal in [
        "Margin on this account falls below the floor",
        "Two developers rotated off",
    ] {
        let lines: Vec<&str> = quick_look
            .lines()
            .filter(|l| l.contains(internal))
            .collect();
        assert!(!lines.is_empty(), "{internal:?}:\n{quick_look}");
        assert!(lines.iter().all(|l| l.ends_with("[internal]")), "{lines:?}");
    }
    assert!(
        quick_look
            .lines()
            .filter(|l| l.contains("Scanner vendor"))
            .all(|l| !l.contains("[internal]")),
        "customer-visible items stay unmarked:\n{quick_look}"
    );
}
