//! Carry-over into every agenda: when earlier live meetings left actions
//! or customer tasks open, the kickoff and reset-point agendas review them
//! after the welcome; a plan's own agenda is used as written, and `check`
//! says when it reviews nothing while something is open.

use crate::common;

use common::{demo_plan as plan, go_to, type_line};

use jiff::{Timestamp, tz::TimeZone};
use resetpoint::agenda::{SectionKind, sections_carrying_over};
use resetpoint::left_open::actions::meetings_before;
use resetpoint::left_open::tasks::open_after;
use resetpoint::meeting::{Action, Clock, Meeting, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::Record;

fn status_meeting(dir: &std::path::Path, at: &str) -> Meeting {
    let start: Timestamp = at.parse().unwrap();
    let mut m = Meeting::new(
        plan(),
        AgendaName::Status,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    m.earlier =
        resetpoint::left_open::actions::still_open(&meetings_before(dir, &m.plan, start), &m.plan);
    m
}

fn save(dir: &std::path::Path, stem: &str, m: &Meeting) {
    std::fs::write(dir.join(format!("{stem}.toml")), Record::of(m).to_toml()).unwrap();
}

fn open_before(dir: &std::path::Path, at: &str) -> usize {
    open_after(&meetings_before(dir, &plan(), at.parse().unwrap()), &plan())
}

fn kinds(carry_over: bool) -> Vec<SectionKind> {
    sections_carrying_over(&plan(), AgendaName::ResetPoint, carry_over)
        .iter()
        .map(|s| s.kind)
        .collect()
}

#[test]
fn a_first_meeting_has_nothing_to_follow_up() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        open_before(dir.path(), "2026-11-24T14:00:00Z"),
        0,
        "the plan's open tasks alone are no follow-up: nothing was said of them yet"
    );
}

#[test]
fn open_actions_and_tasks_from_a_status_meeting_are_reviewed_in_the_reset_point() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let mut first = status_meeting(dir, "2026-11-24T14:00:00Z");
    go_to(&mut first, SectionKind::Status);
    for line in [
        "Send the revised plan @sam due:2026-12-01",
        "Book the UAT rooms @priya",
        "Call the scanner vendor @priya",
    ] {
        type_line(&mut first, Action::NewAction, line);
    }
    save(dir, "2026-11-24-1400-status", &first);

    // Three actions, and the plan's three customer tasks.
    assert_eq!(open_before(dir, "2026-12-01T14:00:00Z"), 6);
    let reset = kinds(true);
    assert_eq!(reset[0], SectionKind::Welcome);
    assert_eq!(reset[1], SectionKind::Followups, "{reset:?}");

    // A second meeting closes everything: nothing is carried into a third.
    let mut second = status_meeting(dir, "2026-12-01T14:00:00Z");
    go_to(&mut second, SectionKind::Followups);
    let rows = second.followup_rows().len();
    assert_eq!(rows, 6);
    for n in 0..rows {
        type_line(
            &mut second,
            Action::Select,
            if n % 2 == 0 { "done" } else { "dropped" },
        );
        update(&mut second, Action::Down);
    }
    save(dir, "2026-12-01-1400-status", &second);
    assert_eq!(open_before(dir, "2026-12-08T14:00:00Z"), 0);

    // One left open with a new date is still open.
    let mut third = status_meeting(dir, "2026-12-08T14:00:00Z");
    go_to(&mut third, SectionKind::Status);
    type_line(&mut third, Action::NewAction, "Share the risk log @sam");
    save(dir, "2026-12-08-1400-status", &third);
    let mut fourth = status_meeting(dir, "2026-12-15T14:00:00Z");
    go_to(&mut fourth, SectionKind::Followups);
    type_line(&mut fourth, Action::Select, "open due:2026-12-20");
    save(dir, "2026-12-15-1400-status", &fourth);
    assert_eq!(open_before(dir, "2026-12-22T14:00:00Z"), 1);
}

/// A folder with the demo plan given its own agenda, and `meetings/` beside it.
fn plan_with_own_agenda(agenda: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text = include_str!("../../assets/demo.toml").to_owned() + agenda;
    std::fs::write(dir.path().join("plan.toml"), text).unwrap();
    std::fs::create_dir(dir.path().join("meetings")).unwrap();
    dir
}

fn check_warnings(dir: &std::path::Path) -> Vec<serde_json::Value> {
    let out = common::resetpoint(dir, &["check", "--format", "json", "plan.toml"]);
    assert_eq!(out.status.code(), Some(0), "a warning is no error");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    report["warnings"].as_array().unwrap().clone()
}

const OWN_AGENDA: &str =
    "\n[[agenda]]\nkind = \"welcome\"\nminutes = 3\n\n[[agenda]]\nkind = \"raid\"\nminutes = 10\n";

#[test]
fn check_warns_when_the_plans_own_agenda_reviews_nothing_while_something_is_open() {
    let dir = plan_with_own_agenda(OWN_AGENDA);
    let no_followups = |dir: &std::path::Path| {
        check_warnings(dir)
            .into_iter()
            .find(|w| w["code"] == "no-followups")
    };
    assert!(no_followups(dir.path()).is_none(), "no meeting yet");

    let mut first = status_meeting(dir.path(), "2026-11-24T14:00:00Z");
    go_to(&mut first, SectionKind::Status);
    type_line(&mut first, Action::NewAction, "Send the revised plan @sam");
    save(
        &dir.path().join("meetings"),
        "2026-11-24-1400-status",
        &first,
    );

    let warned = no_followups(dir.path()).expect("a no-followups warning");
    let message = warned["message"].as_str().unwrap();
    assert!(
        message.contains("4 items are still open from earlier meetings"),
        "one action and three customer tasks: {message}"
    );
    let line = include_str!("../../assets/demo.toml").lines().count() + 2;
    assert_eq!(warned["line"], line, "at the first [[agenda]]");

    // The same plan with a follow-ups section is quiet.
    let reviewed = plan_with_own_agenda(
        "\n[[agenda]]\nkind = \"welcome\"\n\n[[agenda]]\nkind = \"followups\"\n",
    );
    save(
        &reviewed.path().join("meetings"),
        "2026-11-24-1400-status",
        &first,
    );
    assert!(
        check_warnings(reviewed.path())
            .iter()
            .all(|w| w["code"] != "no-followups")
    );
}
