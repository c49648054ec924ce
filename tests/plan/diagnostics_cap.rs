//! A plan with thousands of mistakes gets a report proportional to it: the
//! first fifty diagnostics, a count of the rest, and long lines shown as a
//! window around the caret (a 20 KB plan once gave 303 MB of report).

use crate::common;

use common::{assert_terminal_safe, resetpoint};

/// A 20 KB plan whose one line holds 10,000 invalid escapes.
fn escapes_plan(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("escapes.toml");
    std::fs::write(&path, format!("x = \"{}\"\n", "\\q".repeat(10_000))).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() > 20_000);
    path
}

#[test]
fn ten_thousand_bad_escapes_give_a_short_report() {
    let dir = tempfile::tempdir().unwrap();
    let plan = escapes_plan(dir.path());
    let out = resetpoint(dir.path(), &["check", plan.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_terminal_safe(&out.stdout);
    assert!(
        out.stdout.len() < 32 * 1024,
        "{} bytes of report for a 20 KB plan",
        out.stdout.len()
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("error[syntax]").count(), 50);
    assert!(text.contains("… and 9950 more errors not shown"), "{text}");
    assert!(text.contains("10000 errors, 0 warnings"), "{text}");
    for line in text.lines() {
        assert!(
            line.chars().count() < 160,
            "a line of {} characters",
            line.len()
        );
    }
}

#[test]
fn the_json_report_is_capped_too() {
    let dir = tempfile::tempdir().unwrap();
    let plan = escapes_plan(dir.path());
    let out = resetpoint(
        dir.path(),
        &["check", "--format", "json", plan.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stdout.len() < 32 * 1024,
        "{} bytes of JSON for a 20 KB plan",
        out.stdout.len()
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["errors"].as_array().unwrap().len(), 50);
    assert_eq!(report["errors_not_shown"], 9950);
    assert_eq!(report["warnings_not_shown"], 0);
}

#[test]
fn a_run_of_a_bad_plan_reports_it_capped_before_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let plan = escapes_plan(dir.path());
    let out = resetpoint(dir.path(), &["run", plan.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stderr.len() < 32 * 1024, "{} bytes", out.stderr.len());
    assert_terminal_safe(&out.stderr);
}
