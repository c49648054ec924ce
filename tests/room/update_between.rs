//! `update` between meetings, through the binary: what became of an action
//! or a customer task, in the follow-ups' words, written as a small record
//! of its own (0600, no journal or lock left) that `actions`, `history`,
//! the report, the agenda and the next meeting's follow-ups read like
//! anything said in a meeting, and that is never taken for a meeting held.

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::{Command, Output};

use jiff::tz::TimeZone;
use resetpoint::left_open::actions::meetings;
use resetpoint::left_open::earlier::carry_over;
use resetpoint::meeting::{Clock, Meeting};
use resetpoint::plan::model::AgendaName;

use super::agenda_ahead::project;

fn resetpoint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resetpoint"))
        .args(args)
        .current_dir(dir)
        .env("TZ", "UTC")
        .output()
        .expect("the resetpoint binary runs")
}

fn said(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "{}", said(out));
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The files of the records folder, by name.
fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("meetings"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_action_done_between_meetings_is_closed_everywhere_and_is_no_meeting() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), true);
    let open = stdout(&resetpoint(dir.path(), &["actions", "plan.toml"]));
    assert!(open.contains("A-1"), "open before:\n{open}");

    let out = resetpoint(dir.path(), &["update", "plan.toml", "a-1", "done"]);
    assert!(out.status.success(), "{}", said(&out));
    assert!(
        said(&out).starts_with("A-1 done: written to "),
        "{}",
        said(&out)
    );
    let names = files(dir.path());
    let update = names
        .iter()
        .find(|n| n.ends_with("-update.toml"))
        .unwrap_or_else(|| panic!("an update record: {names:?}"));
    assert_eq!(names.len(), 2, "the meeting and the update only: {names:?}");
    let mode = std::fs::metadata(dir.path().join("meetings").join(update))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);

    // `actions` no longer lists it; with --all it is done.
    let open = stdout(&resetpoint(dir.path(), &["actions", "plan.toml"]));
    assert!(!open.contains("A-1"), "still open after:\n{open}");
    let all = stdout(&resetpoint(
        dir.path(),
        &["actions", "plan.toml", "--all", "--format", "csv"],
    ));
    let row = all.lines().find(|l| l.contains("A-1")).expect("A-1 listed");
    assert!(row.contains("done"), "{row}");
    // The agenda sent ahead has nothing open from last time.
    let agenda = stdout(&resetpoint(dir.path(), &["agenda", "plan.toml"]));
    assert!(
        agenda.contains("Nothing is open from earlier meetings."),
        "{agenda}"
    );
    // It is no meeting: history has one row, the minutes are the meeting's,
    // and the agenda still carries the day the meeting agreed.
    let history = stdout(&resetpoint(
        dir.path(),
        &["history", "plan.toml", "--format", "json"],
    ));
    let history: serde_json::Value = serde_json::from_str(&history).unwrap();
    let rows = history["meetings"].as_array().expect("a list of meetings");
    assert_eq!(rows.len(), 1, "{history}");
    // The action the meeting opened counts as closed, and on time.
    assert_eq!(rows[0]["closed_on_time"], 1, "{history}");
    let minutes = stdout(&resetpoint(dir.path(), &["minutes", "plan.toml"]));
    assert!(minutes.contains("Send the revised plan"), "{minutes}");
    let report = stdout(&resetpoint(dir.path(), &["report", "plan.toml"]));
    let since = report
        .find("## Since our last meeting")
        .expect("the last meeting");
    assert!(
        report[since..].contains("Send the revised plan"),
        "the meeting, not the update, is the last one:\n{report}"
    );
    assert!(agenda.contains("Reset-point meeting, "), "{agenda}");
}

#[test]
fn a_task_moved_between_meetings_comes_to_the_next_meeting_as_moved() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), true);
    let out = resetpoint(
        dir.path(),
        &[
            "update",
            "plan.toml",
            "CT-1",
            "now",
            "with",
            "@marcus",
            "due:2027-01-15",
        ],
    );
    assert!(out.status.success(), "{}", said(&out));
    assert!(
        said(&out).starts_with("CT-1 still open, now due Fri 15 Jan, now with Marcus Bell"),
        "{}",
        said(&out)
    );
    // The next meeting's follow-ups, as `run` would open them.
    let plan = resetpoint::plan::load_file(&dir.path().join("plan.toml"))
        .unwrap()
        .plan
        .unwrap();
    let earlier = meetings(&dir.path().join("meetings"), &plan.project.slug());
    let mut next = Meeting::new(
        plan,
        AgendaName::ResetPoint,
        Clock::at(jiff::Timestamp::now(), TimeZone::UTC),
        false,
    );
    carry_over(&mut next, &earlier);
    let row = next
        .followup_rows()
        .into_iter()
        .find(|r| r.item == "CT-1")
        .expect("CT-1 followed up");
    assert_eq!(row.owner.as_deref(), Some("marcus"));
    assert_eq!(row.due, Some("2027-01-15".parse().unwrap()));
    assert!(row.moved_from.is_some(), "the earlier date is kept");
}

#[test]
fn an_unknown_id_or_word_is_a_clear_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), true);
    let before = files(dir.path());
    for (args, error) in [
        (
            vec!["A-9", "done"],
            "error: A-9 is not an open action or task of this plan (open now: A-1, ",
        ),
        (
            vec!["A-1", "soonish"],
            "error: A-1 soonish: `soonish`: say done, dropped, or open with due:",
        ),
        (
            vec!["A-1", "done", "@nobodyx"],
            "error: @nobodyx is nobody in the plan",
        ),
        (
            vec!["A-1", "open", "due:someday"],
            "error: A-1 open due:someday: due:someday is not a date",
        ),
    ] {
        let mut all = vec!["update", "plan.toml"];
        all.extend(args);
        let out = resetpoint(dir.path(), &all);
        assert_eq!(out.status.code(), Some(1), "{all:?}");
        assert!(said(&out).starts_with(error), "{all:?}: {}", said(&out));
        assert_eq!(files(dir.path()), before, "{all:?} wrote something");
    }
}

#[test]
fn a_task_and_the_help_we_promised_with_it_are_updated_apart() {
    let dir = tempfile::tempdir().unwrap();
    let plan = include_str!("../../assets/demo.toml").replace(
        "id = \"CT-1\"\n",
        "id = \"CT-1\"\nhelp = \"a two-hour scenario workshop\"\nhelp_owner = \"priya\"\nhelp_by = 2027-01-08\n",
    );
    std::fs::write(dir.path().join("plan.toml"), plan).unwrap();
    let ours = || {
        stdout(&resetpoint(
            dir.path(),
            &["actions", "plan.toml", "--side", "us"],
        ))
    };
    assert!(ours().contains("Our help with CT-1"), "{}", ours());

    // The id alone is the customer's task: our help stays open.
    let out = resetpoint(dir.path(), &["update", "plan.toml", "CT-1", "done"]);
    assert!(out.status.success(), "{}", said(&out));
    assert!(said(&out).starts_with("CT-1 done"), "{}", said(&out));
    assert!(ours().contains("Our help with CT-1"), "{}", ours());
    // `help:CT-1` is our help.
    let out = resetpoint(dir.path(), &["update", "plan.toml", "help:CT-1", "done"]);
    assert!(out.status.success(), "{}", said(&out));
    assert!(!ours().contains("Our help with CT-1"), "{}", ours());
    // Both closed, neither is open to update.
    let out = resetpoint(dir.path(), &["update", "plan.toml", "help:CT-1", "done"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!said(&out).contains("help:CT-1,"), "{}", said(&out));
}
