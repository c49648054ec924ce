//! `[financials] visible = false`: the money stays internal. No amount,
//! index or cost reason reaches a shared screen, the projector, the
//! customer report or the customer minutes; the internal ones keep it all.

use crate::common;

use common::{go_to, screen::render, screen::screen_text};
use jiff::civil::Date;
use jiff::{Timestamp, tz::TimeZone};
use resetpoint::agenda::SectionKind;
use resetpoint::export::minutes::{Audience, markdown};
use resetpoint::export::report::{report, write};
use resetpoint::meeting::{Clock, Meeting, Shared};
use resetpoint::plan::model::{AgendaName, Plan};
use resetpoint::record::format::Record;
use resetpoint::tui::background::Background;

/// Words only the money can put on a page: amounts and indices.
const MONEY: [&str; 6] = ["620,000", "298,000", "CPI", "GBP", "Variance", "CR-1"];

fn private_money_plan() -> Plan {
    let text = include_str!("../../assets/demo.toml").replace(
        "[financials]\ncurrency = \"GBP\"",
        "[financials]\nvisible = false\ncurrency = \"GBP\"",
    );
    assert!(text.contains("visible = false\ncurrency"));
    let checked = resetpoint::plan::load_bytes("demo.toml", text.as_bytes());
    let report = checked.render();
    checked.plan.unwrap_or_else(|| panic!("{report}"))
}

fn meeting(plan: &Plan, presenting: bool) -> Meeting {
    let start: Timestamp = "2026-11-24T14:00:00Z".parse().unwrap();
    Meeting::new(
        plan.clone(),
        AgendaName::ResetPoint,
        Clock::at(start, TimeZone::UTC),
        presenting,
    )
}

fn leaks(text: &str) -> Vec<&'static str> {
    MONEY.iter().copied().filter(|w| text.contains(w)).collect()
}

#[test]
fn the_plan_checks_and_the_internal_view_keeps_the_money() {
    let plan = private_money_plan();
    let mut m = meeting(&plan, false);
    go_to(&mut m, SectionKind::Financials);
    let screen = screen_text(&render(&m, 100, 30, Background::Dark));
    assert!(screen.contains("620,000"), "{screen}");
}

#[test]
fn no_shared_screen_shows_money_kept_internal() {
    let plan = private_money_plan();
    let mut m = meeting(&plan, true);
    for kind in [SectionKind::Financials, SectionKind::Status] {
        go_to(&mut m, kind);
        let screen = screen_text(&render(&m, 100, 30, Background::Dark));
        assert_eq!(leaks(&screen), Vec::<&str>::new(), "{kind:?}:\n{screen}");
        if kind == SectionKind::Financials {
            assert!(screen.contains("reviewed separately"), "{screen}");
        }
        // What the projector is sent is the same customer-safe projection.
        let follower = format!("{:?}", Shared::presenting(&m));
        assert!(
            !follower.contains("620000"),
            "the follower's copy holds the budget"
        );
        assert!(!follower.contains("cost: CPI"), "{kind:?}");
    }
}

#[test]
fn the_customer_documents_leave_the_money_out_and_the_internal_ones_keep_it() {
    let plan = private_money_plan();
    let mut m = meeting(&plan, false);
    common::quit(&mut m);
    let record = Record::of(&m);
    let customer = markdown(
        &record,
        Some(&plan),
        &[],
        Audience::Customer,
        &TimeZone::UTC,
    );
    assert_eq!(leaks(&customer), Vec::<&str>::new(), "{customer}");
    let internal = markdown(
        &record,
        Some(&plan),
        &[],
        Audience::Internal,
        &TimeZone::UTC,
    );
    assert!(internal.contains("CPI"), "{internal}");

    let today: Date = "2026-11-30".parse().unwrap();
    let meetings = [("2026-11-24-1400-reset-point".to_owned(), record)];
    let customer = write::markdown(&report(
        &plan,
        &meetings,
        Audience::Customer,
        today,
        &TimeZone::UTC,
    ));
    assert_eq!(leaks(&customer), Vec::<&str>::new(), "{customer}");
    let internal = write::markdown(&report(
        &plan,
        &meetings,
        Audience::Internal,
        today,
        &TimeZone::UTC,
    ));
    assert!(internal.contains("CPI"), "{internal}");
}

#[test]
fn check_for_the_customer_holds_no_money_figure() {
    let dir = tempfile::tempdir().unwrap();
    let text = include_str!("../../assets/demo.toml").replace(
        "[financials]\ncurrency = \"GBP\"",
        "[financials]\nvisible = false\ncurrency = \"GBP\"",
    );
    std::fs::write(dir.path().join("plan.toml"), text).unwrap();
    let out = common::resetpoint(
        dir.path(),
        &[
            "check",
            "plan.toml",
            "--format",
            "json",
            "--audience",
            "customer",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["derived"]["cpi"].is_null(), "{json}");
    assert!(json["derived"]["eac"].is_null(), "{json}");
    assert!(!json["derived"].to_string().contains("CPI"), "{json}");
    let out = common::resetpoint(
        dir.path(),
        &[
            "check",
            "plan.toml",
            "--format",
            "json",
            "--audience",
            "internal",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["derived"]["cpi"].is_number(), "{json}");
}
