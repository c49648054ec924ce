//! The help we offer with a customer's task: said beside the task in the
//! report and the customer's minutes, followed up like an action of ours
//! (listed by `actions --side us`, closed by a follow-up) and counted in
//! the history as a promise when its date passes.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use resetpoint::agenda::SectionKind;
use resetpoint::export::audience::Audience;
use resetpoint::left_open::actions::{rows, still_open};
use resetpoint::left_open::history::history;
use resetpoint::meeting::capture::{ActionStatus, OUR_HELP};
use resetpoint::meeting::{Action, Clock, Meeting};
use resetpoint::plan::model::{AgendaName, Plan, Side};
use resetpoint::record::format::Record;

use crate::common::{self, go_to, quit, type_line};

const HELP: &str = "a two-hour scenario workshop";
const SAID: &str = " · we help: a two-hour scenario workshop (Priya Raman, by 3 Dec)";

/// The demo plan's text with our help offered on CT-1 (a testing task).
fn helped_text() -> String {
    include_str!("../../assets/demo.toml").replacen(
        "kind = \"testing\"\n",
        &format!(
            "kind = \"testing\"\nhelp = \"{HELP}\"\nhelp_owner = \"priya\"\nhelp_by = 2026-12-03\n"
        ),
        1,
    )
}

fn helped_plan() -> Plan {
    let checked = resetpoint::plan::load_bytes("demo.toml", helped_text().as_bytes());
    let report = checked.render();
    checked.plan.unwrap_or_else(|| panic!("{report}"))
}

/// A status meeting at `at` with what is open before it.
fn meeting_at(plan: &Plan, at: &str, earlier: &[(String, Record)]) -> Meeting {
    let mut m = Meeting::new(
        plan.clone(),
        AgendaName::Status,
        Clock::at(at.parse().unwrap(), TimeZone::UTC),
        false,
    );
    m.earlier = still_open(earlier, plan);
    m
}

#[test]
fn the_help_is_said_beside_the_task_in_the_report_and_the_minutes() {
    let plan = helped_plan();
    let report = resetpoint::export::report::write::markdown(&resetpoint::export::report::report(
        &plan,
        &[],
        Audience::Customer,
        "2026-11-30".parse().unwrap(),
        &TimeZone::UTC,
    ));
    let ct1 = report
        .lines()
        .find(|l| l.starts_with("- **CT-1**"))
        .unwrap_or_else(|| panic!("CT-1 in the report:\n{report}"));
    assert!(ct1.ends_with(SAID), "{ct1}");

    let mut m = meeting_at(&plan, "2026-11-24T14:00:00Z", &[]);
    quit(&mut m);
    let minutes = resetpoint::export::minutes::markdown(
        &Record::of(&m),
        Some(&plan),
        &[],
        Audience::Customer,
        &TimeZone::UTC,
    );
    let ct1 = minutes
        .lines()
        .find(|l| l.starts_with("- **CT-1** Prepare acceptance"))
        .unwrap_or_else(|| panic!("CT-1 in the minutes:\n{minutes}"));
    assert!(ct1.ends_with(SAID), "{ct1}");
}

#[test]
fn our_help_is_followed_up_like_our_own_action_until_it_is_given() {
    let plan = helped_plan();
    let open = rows(&[], &plan, false);
    let help = open
        .iter()
        .find(|r| r.meeting == OUR_HELP)
        .expect("the help is an open action of ours before any meeting");
    assert_eq!(help.id, "CT-1");
    assert_eq!(help.title, format!("Our help with CT-1: {HELP}"));
    assert_eq!(help.owner.as_deref(), Some("Priya Raman"));
    assert_eq!(help.due, Some(Date::new(2026, 12, 3).unwrap()));
    assert_eq!(help.side, Some(Side::Us));

    // The first meeting follows it up first of all; "done" closes it.
    let mut first = meeting_at(&plan, "2026-11-24T14:00:00Z", &[]);
    go_to(&mut first, SectionKind::Followups);
    type_line(&mut first, Action::Select, "done");
    quit(&mut first);
    let meetings = [("2026-11-24-1400-status".to_owned(), Record::of(&first))];
    let after = rows(&meetings, &plan, true);
    let help = after.iter().find(|r| r.meeting == OUR_HELP).unwrap();
    assert_eq!(help.status, ActionStatus::Done);
    assert!(
        still_open(&meetings, &plan)
            .iter()
            .all(|e| e.meeting != OUR_HELP),
        "the next meeting no longer follows it up"
    );
}

#[test]
fn actions_side_us_lists_the_help_and_the_customers_side_does_not() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), helped_text()).unwrap();
    let us = common::resetpoint(dir.path(), &["actions", "plan.toml", "--side", "us"]);
    let us = String::from_utf8_lossy(&us.stdout);
    assert!(us.contains(&format!("Our help with CT-1: {HELP}")), "{us}");
    let theirs = common::resetpoint(dir.path(), &["actions", "plan.toml", "--side", "customer"]);
    let theirs = String::from_utf8_lossy(&theirs.stdout);
    assert!(!theirs.contains("Our help"), "{theirs}");
}

#[test]
fn help_not_given_by_its_date_is_a_broken_promise_in_the_history() {
    let (helped, plain) = (helped_plan(), common::demo_plan());
    // A meeting after the help's date, with the help not given.
    let mut late = meeting_at(&helped, "2026-12-08T14:00:00Z", &[]);
    quit(&mut late);
    let meetings = [("2026-12-08-1400-status".to_owned(), Record::of(&late))];
    let with = &history(&meetings, &helped, &TimeZone::UTC)[0];
    let without = &history(&meetings, &plain, &TimeZone::UTC)[0];
    assert_eq!(with.promises_due, without.promises_due + 1);
    assert_eq!(with.promises_broken, without.promises_broken + 1);

    // Given on time (said done in a meeting before its date), it is kept.
    let mut on_time = meeting_at(&helped, "2026-12-01T14:00:00Z", &[]);
    go_to(&mut on_time, SectionKind::Followups);
    type_line(&mut on_time, Action::Select, "done");
    quit(&mut on_time);
    let earlier = [("2026-12-01-1400-status".to_owned(), Record::of(&on_time))];
    let mut next = meeting_at(&helped, "2026-12-08T14:00:00Z", &earlier);
    quit(&mut next);
    let meetings = [
        earlier[0].clone(),
        ("2026-12-08-1400-status".to_owned(), Record::of(&next)),
    ];
    let with = &history(&meetings, &helped, &TimeZone::UTC)[1];
    let without = &history(&meetings, &plain, &TimeZone::UTC)[1];
    assert_eq!(with.promises_kept, without.promises_kept + 1);
    assert_eq!(with.promises_broken, without.promises_broken);
}
