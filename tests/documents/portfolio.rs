//! The portfolio from generated accounts whose answers are known: each
//! piece of advice and its boundary, the overdue counts, worst first, a
//! plan with errors listed (never skipped), folders that are not plans
//! skipped, and the JSON shape docs/commands.md documents.

use crate::common;

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use jiff::tz::TimeZone;
use resetpoint::export::portfolio::{
    Account, INVOLVE_SENIOR_MANAGEMENT, NO_CONTACT, Portfolio, RESET_POINT_DUE, portfolio, write,
};
use resetpoint::meeting::capture::ActionStatus;
use resetpoint::meeting::{Capture, Captured};
use resetpoint::plan::model::Rag;
use resetpoint::record::format::{Header, Mode, Record};

fn today() -> Date {
    "2026-12-01".parse().unwrap()
}

/// A day `n` days before today.
fn ago(n: i64) -> Date {
    today().checked_sub(jiff::Span::new().days(n)).unwrap()
}

/// One meeting of a generated history: days before today, agenda, the
/// customer's confidence scores, and actions (days before today they fall due).
struct Met {
    days_ago: i64,
    agenda: &'static str,
    pulse: &'static [u8],
    actions_due_days_ago: &'static [i64],
}

fn met(days_ago: i64, agenda: &'static str, pulse: &'static [u8]) -> Met {
    Met {
        days_ago,
        agenda,
        pulse,
        actions_due_days_ago: &[],
    }
}

/// Write an account: `plan.toml` (with `extra` TOML after its project)
/// in `dir`, and its meetings in `dir/meetings`.
fn account(dir: &Path, id: &str, extra: &str, history: &[Met]) {
    std::fs::create_dir_all(dir.join("meetings")).unwrap();
    std::fs::write(
        dir.join("plan.toml"),
        format!("[project]\nname = \"Project {id}\"\ncustomer = \"Customer {id}\"\nid = \"{id}\"\n{extra}"),
    )
    .unwrap();
    for (n, m) in history.iter().enumerate() {
        let day = ago(m.days_ago);
        let started = day
            .at(14, 0, 0, 0)
            .to_zoned(TimeZone::UTC)
            .unwrap()
            .timestamp();
        let header = Header {
            project: format!("Project {id}"),
            project_id: id.to_owned(),
            customer: format!("Customer {id}"),
            plan: "plan.toml".into(),
            plan_sha256: String::new(),
            plan_sha256_at_start: None,
            agenda: m.agenda.to_owned(),
            mode: Mode::Live,
            started,
            ended: Some(started),
            attendees: Vec::new(),
            current_section: 0,
            ids: Default::default(),
            last_seq: 0,
            presenting: None,
            next: None,
        };
        let mut record = Record::empty(header);
        let item = |id: String, what: Capture| Captured {
            id,
            order: 0,
            section: 0,
            at: started,
            what,
        };
        for (p, score) in m.pulse.iter().enumerate() {
            record.pulse.push(item(
                format!("C-{p}"),
                Capture::Pulse {
                    person: format!("person-{p}"),
                    confidence: *score,
                    comment: String::new(),
                },
            ));
        }
        for (a, due) in m.actions_due_days_ago.iter().enumerate() {
            record.actions.push(item(
                format!("A-{n}{a}"),
                Capture::Action {
                    title: "Send the plan".into(),
                    owner: None,
                    due: Some(ago(*due)),
                    side: None,
                    status: ActionStatus::Open,
                },
            ));
        }
        let stem = format!("{}-1400-{}", day, m.agenda);
        std::fs::write(
            dir.join("meetings").join(format!("{stem}.toml")),
            record.to_toml(),
        )
        .unwrap();
    }
}

/// A milestone whose promise broke `n` days ago (promised the day before).
fn broken_promise(n: i64) -> String {
    let promised = ago(n + 1);
    format!("[[milestones]]\nname = \"Go-live\"\nbaseline = {promised}\npromised = {promised}\n")
}

/// A folder of accounts with known answers.
fn generated() -> (tempfile::TempDir, Portfolio) {
    let root = tempfile::tempdir().unwrap();
    let r = root.path();
    // Pulse fell in two meetings in a row (4.0 → 3.5 → 3.0): senior management.
    account(
        &r.join("falling"),
        "falling",
        "",
        &[
            met(30, "status", &[4]),
            met(20, "status", &[3, 4]),
            met(5, "status", &[3]),
        ],
    );
    // Fell once, then rose: no advice.
    account(
        &r.join("recovering"),
        "recovering",
        "",
        &[
            met(30, "status", &[4]),
            met(20, "status", &[3]),
            met(5, "status", &[4]),
        ],
    );
    // Below 2.5 in its last meeting: senior management.
    account(&r.join("low"), "low", "", &[met(3, "status", &[2, 2])]);
    // Exactly 2.5 is not below it.
    account(&r.join("edge"), "edge", "", &[met(3, "status", &[2, 3])]);
    // A promise broke 10 days ago; only a status meeting since.
    account(
        &r.join("broken"),
        "broken",
        &broken_promise(10),
        &[met(4, "status", &[4])],
    );
    // A promise broke 10 days ago and a reset-point meeting followed it.
    account(
        &r.join("reset"),
        "reset",
        &broken_promise(10),
        &[met(4, "reset-point", &[4])],
    );
    // Last met 22 days ago: no contact in 3 weeks; 21 days ago is still within.
    account(&r.join("silent"), "silent", "", &[met(22, "status", &[4])]);
    account(&r.join("just"), "just", "", &[met(21, "status", &[4])]);
    // Two open actions overdue, one due today; a customer task overdue.
    account(
        &r.join("overdue"),
        "overdue",
        &format!(
            "[[people]]\nid = \"kim\"\nname = \"Kim\"\nside = \"customer\"\n[[customer_tasks]]\nid = \"CT-1\"\ntitle = \"Review\"\nowner = \"kim\"\ndue = {}\n[[customer_tasks]]\nid = \"CT-2\"\ntitle = \"Test\"\nowner = \"kim\"\ndue = {}\n",
            ago(1),
            ago(-5)
        ),
        &[Met {
            days_ago: 7,
            agenda: "status",
            pulse: &[4],
            actions_due_days_ago: &[2, 1, 0],
        }],
    );
    // A plan with an error, and files that are not plans of any account.
    std::fs::create_dir_all(r.join("bad")).unwrap();
    std::fs::write(
        r.join("bad/plan.toml"),
        "[project]\nname = \"Bad\"\ncustomer = \"C\"\n[[risks]]\nid = \"R-1\"\ntitle = \"T\"\nimpact = 3\nprobability = 9\n",
    )
    .unwrap();
    std::fs::create_dir_all(r.join("target/debug")).unwrap();
    std::fs::write(r.join("target/debug/x.toml"), "not a plan").unwrap();
    std::fs::create_dir_all(r.join(".git")).unwrap();
    std::fs::write(r.join(".git/config.toml"), "not a plan").unwrap();
    let found = portfolio(&[r.to_path_buf()], today(), &TimeZone::UTC, 2);
    (root, found)
}

fn find<'p>(p: &'p Portfolio, id: &str) -> &'p Account {
    p.accounts
        .iter()
        .find(|a| a.customer == format!("Customer {id}"))
        .unwrap_or_else(|| panic!("no account {id}"))
}

#[test]
fn advice_follows_the_practice() {
    let (_root, p) = generated();
    let advice = |id: &str| find(&p, id).advice.clone();
    assert_eq!(advice("falling"), [INVOLVE_SENIOR_MANAGEMENT]);
    assert_eq!(advice("recovering"), Vec::<&str>::new());
    assert_eq!(advice("low"), [INVOLVE_SENIOR_MANAGEMENT]);
    assert_eq!(advice("edge"), Vec::<&str>::new());
    assert_eq!(advice("broken"), [RESET_POINT_DUE]);
    assert_eq!(advice("reset"), Vec::<&str>::new());
    assert_eq!(advice("silent"), [NO_CONTACT]);
    assert_eq!(advice("just"), Vec::<&str>::new());
}

#[test]
fn rows_hold_the_known_figures() {
    let (_root, p) = generated();
    let falling = find(&p, "falling");
    assert_eq!(falling.pulse_trend, [4.0, 3.5, 3.0]);
    assert_eq!(falling.days_since_last_meeting, Some(5));
    assert_eq!(falling.last_meeting, Some(ago(5)));
    let broken = find(&p, "broken");
    assert_eq!((broken.promises_broken, broken.promises_at_risk), (1, 0));
    assert_eq!(broken.overall_internal, Rag::Red);
    let overdue = find(&p, "overdue");
    assert_eq!(overdue.overdue_actions, 2, "due today is not overdue");
    assert_eq!(overdue.overdue_customer_tasks, 1);
    assert_eq!(write::trend(&falling.pulse_trend), "4.0 → 3.5 → 3.0 ↓");
}

#[test]
fn worst_first_and_errors_listed_never_skipped() {
    let (_root, p) = generated();
    assert_eq!(p.accounts.len(), 9, "target/ and .git are not searched");
    assert_eq!(p.accounts[0].customer, "Customer broken", "red first");
    assert_eq!(p.accounts[1].customer, "Customer reset", "red, no advice");
    // Worse colours first; within a colour, more advice first.
    let order: Vec<(Rag, usize)> = p
        .accounts
        .iter()
        .map(|a| (a.overall_internal, a.advice.len()))
        .collect();
    assert!(order.windows(2).all(|w| w[0] >= w[1]), "{order:?}");
    assert_eq!(p.accounts[2].advice.len(), 1, "{order:?}");
    assert!(p.accounts.last().unwrap().advice.is_empty());
    assert_eq!(p.errors.len(), 1);
    let error = &p.errors[0];
    assert!(error.plan.ends_with("bad/plan.toml"), "{error:?}");
    assert!(error.error.contains("probability"), "{error:?}");
    assert_eq!(error.line, Some(8));
    let human = write::human(&p);
    assert!(human.contains("Plans with errors"), "{human}");
    assert!(human.contains("bad/plan.toml:8:"), "{human}");
    assert!(human.contains("advice: reset-point meeting due"), "{human}");
}

#[test]
fn the_json_shape_is_the_documented_one() {
    let (_root, p) = generated();
    let value: serde_json::Value = serde_json::from_str(&write::json(&p)).unwrap();
    assert_eq!(value["today"], "2026-12-01");
    let account = &value["accounts"][0];
    let mut keys: Vec<&str> = account
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "advice",
            "cpi",
            "customer",
            "days_since_last_meeting",
            "last_meeting",
            "overall_customer",
            "overall_internal",
            "overdue_actions",
            "overdue_customer_tasks",
            "plan",
            "project",
            "promises_at_risk",
            "promises_broken",
            "pulse_trend",
            "spi",
            "unreadable_records",
        ]
    );
    assert_eq!(account["overall_internal"], "red");
    assert_eq!(account["advice"][0], "reset-point meeting due");
    let error = &value["errors"][0];
    let mut keys: Vec<&str> = error
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["column", "error", "line", "plan"]);
}

#[test]
fn the_customer_colour_leaves_internal_items_out() {
    let root = tempfile::tempdir().unwrap();
    account(
        root.path(),
        "hidden",
        "[[issues]]\nid = \"I-1\"\ntitle = \"T\"\nseverity = \"critical\"\nvisible = false\n",
        &[met(2, "status", &[4])],
    );
    let p = portfolio(&[root.path().to_path_buf()], today(), &TimeZone::UTC, 1);
    let a = &p.accounts[0];
    assert_eq!(
        (a.overall_customer, a.overall_internal),
        (Rag::Green, Rag::Red)
    );
}

#[test]
fn the_binary_lists_every_format_and_refuses_a_missing_folder() {
    let (root, _) = generated();
    let dir: PathBuf = root.path().to_path_buf();
    for format in ["human", "json", "html"] {
        let out = common::resetpoint(&dir, &["portfolio", ".", "--format", format]);
        assert!(out.status.success(), "{format}: {out:?}");
        common::assert_terminal_safe(&out.stdout);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Customer broken"), "{format}: {text}");
        if format == "html" {
            common::assert_one_main(&text);
        }
        assert!(
            text.contains("bad"),
            "{format}: the plan with errors is listed"
        );
    }
    let out = common::resetpoint(
        &dir,
        &["portfolio", ".", "--format", "html", "-o", "all.html"],
    );
    assert!(out.status.success(), "{out:?}");
    assert!(
        out.stdout.is_empty(),
        "written to the file, not the terminal"
    );
    let written = std::fs::read_to_string(dir.join("all.html")).unwrap();
    assert!(written.contains("Customer broken"), "{written}");
    common::assert_one_main(&written);
    let out = common::resetpoint(&dir, &["portfolio", "nowhere"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("there is no folder at nowhere"));
}
