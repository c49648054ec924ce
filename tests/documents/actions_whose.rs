//! "What did we promise Søren?": `actions --owner` and `--side` in every
//! format, and the owner of each iCalendar to-do as an ATTENDEE, read back
//! with a real parser.

use crate::common;
use crate::meetings;

use std::path::Path;

use icalendar::{Calendar, CalendarComponent, Component};
use meetings::{FORMULA, project};
use resetpoint::export::actions::ics;
use resetpoint::export::whose::Whose;
use resetpoint::left_open::actions::{meetings as records, rows};
use resetpoint::plan::model::Side;

/// `actions` on the project with `args`; its exit code, stdout and stderr.
fn actions(dir: &Path, plan: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["actions", plan.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = common::resetpoint(dir, &all);
    common::assert_terminal_safe(&out.stderr);
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The titles of the open actions `filter` keeps.
fn titles(dir: &Path, filter: Whose) -> Vec<String> {
    let found = records(&dir.join("meetings"), "shipment-tracking");
    filter
        .filter_rows(rows(&found, &meetings::plan(), false))
        .into_iter()
        .map(|r| r.title)
        .collect()
}

#[test]
fn an_owner_is_found_by_id_full_name_first_name_or_family_name() {
    let (dir, _) = project();
    let plan = meetings::plan();
    let found = records(&dir.path().join("meetings"), "shipment-tracking");
    let all = rows(&found, &plan, false);
    let soren = [FORMULA];
    for name in [
        "ola",
        "OLA",
        "Søren Kjærgaard",
        "søren",
        "SØREN",
        "Kjærgaard",
        " søren ",
    ] {
        let whose = Whose::of(&plan, &all, Some(name), None).unwrap();
        assert_eq!(titles(dir.path(), whose), soren, "--owner {name:?}");
    }
    let whose = Whose::of(&plan, &all, Some("李梅"), None).unwrap();
    assert_eq!(titles(dir.path(), whose), ["Confirm the scanner count"]);
    let whose = Whose::of(&plan, &all, Some("kim"), None).unwrap();
    assert_eq!(
        titles(dir.path(), whose),
        ["Book UAT rooms"],
        "a guest who owns an action is found by the name they were added with"
    );
}

#[test]
fn a_name_that_is_nobody_is_refused_with_the_nearest_name() {
    let (dir, plan_path) = project();
    let (code, out, err) = actions(dir.path(), &plan_path, &["--owner", "soren"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(out.is_empty(), "nothing is written: {out}");
    assert!(
        err.contains("--owner soren: nobody of that name")
            && err.contains("did you mean Søren Kjærgaard?"),
        "{err}"
    );
    let (code, _, err) = actions(dir.path(), &plan_path, &["--owner", "x\u{1b}]0;t\u{7}"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("x\\u{1b}]0;t\\u{7}"), "{err}");
}

#[test]
fn a_side_keeps_its_own_and_a_customer_task_is_the_customers() {
    let (dir, plan_path) = project();
    let plan = meetings::plan();
    let found = records(&dir.path().join("meetings"), "shipment-tracking");
    let all = rows(&found, &plan, false);
    let customer = Whose::of(&plan, &all, None, Some(Side::Customer)).unwrap();
    assert_eq!(
        titles(dir.path(), customer),
        [
            FORMULA,
            "Sign the change request",
            "Confirm the scanner count",
            meetings::EXCEL_ESCAPE,
        ]
    );
    let us = Whose::of(&plan, &all, None, Some(Side::Us)).unwrap();
    assert_eq!(
        titles(dir.path(), us),
        ["Send the revised plan"],
        "a guest's action is on neither side, and Sam's customer task is the customer's"
    );
    let both = Whose::of(&plan, &all, Some("ola"), Some(Side::Us)).unwrap();
    assert!(titles(dir.path(), both).is_empty());
    // The same through the binary.
    let (code, out, _) = actions(dir.path(), &plan_path, &["--side", "us", "--format", "md"]);
    assert_eq!(code, Some(0));
    assert!(out.starts_with("# Open actions on our side: "), "{out}");
    assert!(out.contains("Send the revised plan"), "{out}");
    assert!(!out.contains("Book UAT rooms"), "{out}");
    let (code, _, err) = actions(dir.path(), &plan_path, &["--side", "them"]);
    assert_eq!(
        code,
        Some(2),
        "a side that is not one is a usage error: {err}"
    );
}

#[test]
fn owner_and_side_filter_every_format() {
    let (dir, plan_path) = project();
    let dir = dir.path();
    let owner = ["--owner", "Søren"];
    let (_, md, _) = actions(dir, &plan_path, &[&owner[..], &["--format", "md"]].concat());
    assert!(
        md.starts_with("# Open actions of Søren Kjærgaard: Shipment Tracking Rebuild\n"),
        "the title says whose they are: {md}"
    );
    assert!(md.contains("Click for details"), "{md}");
    assert!(!md.contains("Send the revised plan"), "{md}");

    let (_, text, _) = actions(
        dir,
        &plan_path,
        &[&owner[..], &["--format", "csv"]].concat(),
    );
    let mut reader = ::csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let owners: Vec<String> = reader.records().map(|r| r.unwrap()[2].to_owned()).collect();
    assert_eq!(owners, ["Søren Kjærgaard"]);

    let (_, text, _) = actions(
        dir,
        &plan_path,
        &[&owner[..], &["--format", "ics"]].concat(),
    );
    let calendar: Calendar = text.parse().unwrap();
    assert_eq!(todos(&calendar).len(), 1);

    let book = dir.join("soren.xlsx");
    let (code, _, err) = actions(
        dir,
        &plan_path,
        &[
            &owner[..],
            &[
                "--side",
                "customer",
                "--format",
                "xlsx",
                "-o",
                book.to_str().unwrap(),
            ],
        ]
        .concat(),
    );
    assert_eq!(code, Some(0), "{err}");
    use calamine::{Reader, Xlsx, open_workbook};
    let mut workbook: Xlsx<_> = open_workbook(&book).unwrap();
    let sheet = workbook.worksheet_range("Open actions").unwrap();
    let owners: Vec<String> = sheet.rows().skip(1).map(|r| r[2].to_string()).collect();
    assert_eq!(owners, ["Søren Kjærgaard"]);
}

fn todos(calendar: &Calendar) -> Vec<&icalendar::Todo> {
    calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Todo(todo) => Some(todo),
            _ => None,
        })
        .collect()
}

#[test]
fn each_owner_is_an_attendee_with_their_email_when_the_plan_gives_it() {
    let (dir, _) = project();
    let plan = meetings::plan();
    let found = records(&dir.path().join("meetings"), "shipment-tracking");
    let text = ics(&rows(&found, &plan, false), &plan);
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "a line over 75 octets: {line:?}");
    }
    let calendar: Calendar = text.parse().unwrap();
    let attendees: Vec<(String, String)> = todos(&calendar)
        .iter()
        .map(|todo| {
            let attendees = &todo.multi_properties()["ATTENDEE"];
            assert_eq!(attendees.len(), 1, "one owner: {todo:?}");
            let attendee = &attendees[0];
            let name = attendee
                .params()
                .get("CN")
                .map(|cn| rfc6868(cn.value()))
                .unwrap_or_default();
            (name, attendee.value().to_owned())
        })
        .collect();
    assert_eq!(
        attendees,
        [
            (
                "Søren Kjærgaard".into(),
                "mailto:soren@northwind.example".into()
            ),
            (
                "Sam Okafor".into(),
                "mailto:sam.okafor@ourfirm.example".into()
            ),
            ("kim".into(), "invalid:nomail".into()),
            (
                "Sam Okafor".into(),
                "mailto:sam.okafor@ourfirm.example".into()
            ),
            ("李梅".into(), "invalid:nomail".into()),
            ("Marcus \"Mac\" Bell^2".into(), "invalid:nomail".into()),
        ]
    );
    // The name is still in the text, for calendars that show no attendees.
    assert!(
        text.contains("DESCRIPTION:Owner: Søren Kjærgaard"),
        "{text}"
    );
}

/// A parameter value with RFC 6868's carets read: `^'` a quote, `^^` a
/// caret, `^n` a line break.
fn rfc6868(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('^', Some('\'')) => out.push('"'),
            ('^', Some('^')) => out.push('^'),
            ('^', Some('n')) => out.push('\n'),
            _ => {
                out.push(c);
                continue;
            }
        }
        chars.next();
    }
    out
}

#[test]
fn a_quote_in_a_name_cannot_end_the_attendee_or_start_a_parameter() {
    let (dir, _) = project();
    let plan = meetings::plan();
    let found = records(&dir.path().join("meetings"), "shipment-tracking");
    let text = ics(&rows(&found, &plan, false), &plan).replace("\r\n ", "");
    let line = text
        .lines()
        .find(|l| l.starts_with("ATTENDEE") && l.contains("Mac"))
        .unwrap();
    assert_eq!(
        line.trim_end(),
        "ATTENDEE;CN=\"Marcus ^'Mac^' Bell^^2\":invalid:nomail",
        "RFC 6868 carets stand for the quote and the caret"
    );
}
