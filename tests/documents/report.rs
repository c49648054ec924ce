//! The status report: the customer's holds nothing internal (checked
//! against a plan and a meeting whose internal items carry a marker), the
//! internal one marks them; both as Markdown and as one HTML page.

use crate::common;

use common::{go_to as to, type_line as typed};

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp, tz::TimeZone};
use resetpoint::agenda::SectionKind;
use resetpoint::export::minutes::Audience;
use resetpoint::export::report::{report, write};
use resetpoint::meeting::{Action, Clock, Meeting, update};
use resetpoint::plan::model::{AgendaName, Plan};
use resetpoint::record::format::Record;

/// What every internal item of the plan and the meeting carries.
const MARKER: &str = "SECRET-MARK";

/// The demo plan with every internal item marked, and one more internal
/// milestone whose promise is broken (so the internal colour has a reason
/// the customer's has not).
fn marked_plan() -> Plan {
    let text = include_str!("../../assets/demo.toml")
        .replace(
            "Two developers rotated off",
            &format!("{MARKER} Two developers rotated off"),
        )
        .replace(
            "Margin on this account",
            &format!("{MARKER} Margin on this account"),
        )
        .replace(
            "Key tech lead leaves",
            &format!("{MARKER} Key tech lead leaves"),
        )
        .replace(
            "Absorb the overrun",
            &format!("{MARKER} Absorb the overrun"),
        )
        + &format!(
            "\n[[milestones]]\nname = \"{MARKER} Internal load test\"\nbaseline = 2026-11-01\nforecast = 2026-11-25\npromised = 2026-11-10\nvisible = false\n"
        );
    let checked = resetpoint::plan::load_bytes("demo.toml", text.as_bytes());
    let report = checked.render();
    checked.plan.unwrap_or_else(|| panic!("{report}"))
}

/// A live status meeting on 24 Nov: an action, a public issue, an internal
/// risk and a private note (both marked), a sign-off and a pulse.
fn last_meeting(plan: &Plan) -> (String, Record) {
    let start: Timestamp = "2026-11-24T14:00:00Z".parse().unwrap();
    let mut m = Meeting::new(
        plan.clone(),
        AgendaName::ResetPoint,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    to(&mut m, SectionKind::Status);
    typed(
        &mut m,
        Action::NewAction,
        "Send the revised plan @sam due:2026-11-27",
    );
    typed(
        &mut m,
        Action::PrivateNote,
        &format!("{MARKER} budget freeze"),
    );
    to(&mut m, SectionKind::Raid);
    typed(
        &mut m,
        Action::Risk,
        &format!("{MARKER} vendor may fold @priya #internal p:2 i:2"),
    );
    typed(&mut m, Action::Issue, "UAT data not ready @marcus");
    to(&mut m, SectionKind::Rules);
    typed(&mut m, Action::Signoff, "approved @ola");
    update(
        &mut m,
        Action::Tick(start + SignedDuration::from_secs(80 * 60)),
    );
    common::quit(&mut m);
    ("2026-11-24-1400-reset-point".to_owned(), Record::of(&m))
}

fn today() -> Date {
    "2026-11-30".parse().unwrap()
}

fn markdown_for(audience: Audience) -> String {
    let plan = marked_plan();
    let meetings = [last_meeting(&plan)];
    write::markdown(&report(&plan, &meetings, audience, today(), &TimeZone::UTC))
}

fn html_for(audience: Audience) -> String {
    let plan = marked_plan();
    let meetings = [last_meeting(&plan)];
    write::html(
        &report(&plan, &meetings, audience, today(), &TimeZone::UTC),
        &plan,
    )
}

#[test]
fn a_risk_raised_in_the_room_ranks_among_the_plans_by_its_score() {
    let plan = marked_plan();
    let (stem, mut record) = last_meeting(&plan);
    let mut m = Meeting::new(
        plan.clone(),
        AgendaName::Status,
        Clock::at(record.meeting.started, TimeZone::UTC),
        false,
    );
    to(&mut m, SectionKind::Raid);
    typed(
        &mut m,
        Action::Risk,
        "Depot strike halts the scanner roll-out @priya p:5 i:5",
    );
    record.risks.extend(Record::of(&m).risks);
    let meetings = [(stem, record)];
    for audience in [Audience::Customer, Audience::Internal] {
        let text = write::markdown(&report(&plan, &meetings, audience, today(), &TimeZone::UTC));
        let risks = text.split("## Top risks").nth(1).unwrap();
        let risks = risks.split("\n## ").next().unwrap();
        let first = risks.lines().find(|l| l.starts_with("- ")).unwrap();
        assert!(
            first.contains("Depot strike halts the scanner roll-out")
                && first.contains("score 25 of 25")
                && first.contains("raised on 24 Nov, not yet in the plan"),
            "{audience:?}: the highest score leads:\n{risks}"
        );
    }
}

#[test]
fn the_customers_report_holds_nothing_internal() {
    let html = html_for(Audience::Customer);
    // The page's CSS names the `internal` class whether or not it is used.
    let body = html.split("</style>").nth(1).unwrap_or_default().to_owned();
    for page in [markdown_for(Audience::Customer), body] {
        for internal in [MARKER, "internal", "Internal", "II-1", "IR-1", "IR-2"] {
            assert!(
                !page.contains(internal),
                "{internal:?} in the customer's report:\n{page}"
            );
        }
    }
    let md = markdown_for(Audience::Customer);
    // What the customer may read is all there.
    for public in [
        "**Overall: RED**",
        "Scanner integration complete",
        "CPI 0.88",
        "SPI 0.85",
        "**R-2** Depot staff not free for UAT",
        "**I-1** Scanner vendor's test feed",
        "**CT-2** Agree one list of depot exception codes",
        "**A-1** Send the revised plan — Sam Okafor",
        "UAT data not ready",
        "The communication plan: approved by Ola Nordmann",
        "No date is set for it yet",
    ] {
        assert!(md.contains(public), "{public:?} missing:\n{md}");
    }
    insta::assert_snapshot!("report_customer", md);
}

#[test]
fn the_internal_report_marks_internal_items() {
    let md = markdown_for(Audience::Internal);
    assert!(md.contains("Do not send it to the customer"), "{md}");
    for marked in [
        format!("**IR-1** {MARKER} Margin on this account"),
        format!("{MARKER} vendor may fold — Priya Raman *(internal)*"),
        format!("Issue II-1 \"{MARKER} Two developers"),
        format!("{MARKER} Internal load test"),
    ] {
        assert!(md.contains(&marked), "{marked:?} missing:\n{md}");
    }
    // A private note is never in a report, whoever it is for.
    assert!(!md.contains("budget freeze"), "{md}");
    insta::assert_snapshot!("report_internal", md);
}

#[test]
fn the_html_report_is_one_self_contained_page() {
    let page = html_for(Audience::Customer);
    for fetched in ["<script", "src=", "href=", "<link", "@import", "url("] {
        assert!(!page.contains(fetched), "{fetched:?} in the page");
    }
    assert!(page.contains("<span class=\"badge red\">RED</span>"));
    assert!(page.contains("<table class=\"milestones\">"));
    assert_eq!(page.matches("<svg").count(), 2, "heat map and burn chart");
    crate::common::assert_one_main(&page);
    // Written before the snapshot is checked, for scripts/report-screenshot.sh.
    let tmp = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    std::fs::write(tmp.join("report-sample.html"), &page).unwrap();
    let internal = html_for(Audience::Internal);
    std::fs::write(tmp.join("report-internal.html"), &internal).unwrap();
    insta::assert_snapshot!("report_customer_html", page);
    insta::assert_snapshot!("report_internal_html", internal);
}

#[test]
fn a_plan_with_no_meeting_says_so_honestly() {
    let plan = marked_plan();
    let md = write::markdown(&report(
        &plan,
        &[],
        Audience::Customer,
        today(),
        &TimeZone::UTC,
    ));
    assert!(md.contains("No meeting with you is on record yet."), "{md}");
    assert!(md.contains("No date is set for it yet."), "{md}");
    assert!(!md.contains("first item"), "{md}");
}

#[test]
fn report_writes_a_file_with_o_and_reads_the_records_beside_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = marked_plan();
    let (stem, record) = last_meeting(&plan);
    std::fs::create_dir(dir.path().join("meetings")).unwrap();
    std::fs::write(
        dir.path().join("meetings").join(format!("{stem}.toml")),
        record.to_toml(),
    )
    .unwrap();
    let text = include_str!("../../assets/demo.toml").replace(
        "Margin on this account",
        &format!("{MARKER} Margin on this account"),
    );
    std::fs::write(dir.path().join("plan.toml"), text).unwrap();
    let out = common::resetpoint(
        dir.path(),
        &[
            "report",
            "plan.toml",
            "--format",
            "html",
            "-o",
            "report.html",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    common::assert_terminal_safe(&out.stderr);
    let page = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(
        page.contains("Send the revised plan"),
        "the record was read"
    );
    assert!(!page.contains(MARKER));
    let out = common::resetpoint(dir.path(), &["report", "missing.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("there is no plan"));
}
