//! The typed-line readers: quick capture, due dates, people, sign-off lines.

use jiff::civil::Date;

use super::{People, due_date, quick_capture, signoff_line};
use crate::meeting::capture::{SignoffDecision, Verdict};
use crate::plan::load_bytes;
use crate::plan::model::Plan;

fn plan() -> Plan {
    load_bytes(
        "demo.toml",
        include_str!("../../../assets/demo.toml").as_bytes(),
    )
    .plan
    .unwrap()
}

fn today() -> Date {
    // A Tuesday.
    jiff::civil::date(2026, 11, 24)
}

#[test]
fn quick_capture_reads_owner_and_due_date() {
    let q = quick_capture(
        "Send the revised plan @sam due:2026-12-01",
        People::of(&plan()),
        today(),
    );
    assert_eq!(q.text, "Send the revised plan");
    assert_eq!(q.owner, Some(("sam".to_owned(), Some("sam".to_owned()))));
    assert_eq!(q.due, Some(jiff::civil::date(2026, 12, 1)));
}

#[test]
fn due_dates_in_days_weeks_and_weekdays() {
    assert_eq!(
        due_date("+3d", today()),
        Some(jiff::civil::date(2026, 11, 27))
    );
    assert_eq!(
        due_date("+2w", today()),
        Some(jiff::civil::date(2026, 12, 8))
    );
    assert_eq!(
        due_date("fri", today()),
        Some(jiff::civil::date(2026, 11, 27))
    );
    assert_eq!(
        due_date("Tuesday", today()),
        Some(jiff::civil::date(2026, 12, 1)),
        "the next one, not today"
    );
    assert_eq!(due_date("soon", today()), None);
    assert_eq!(due_date("+d", today()), None);
    assert_eq!(due_date("+99999d", today()), None);
}

#[test]
fn people_are_found_by_id_full_name_or_first_name() {
    let plan = plan();
    assert_eq!(People::of(&plan).find("OLA"), Some("ola".to_owned()));
    assert_eq!(People::of(&plan).find("Priya"), Some("priya".to_owned()));
    let q = quick_capture("Book the room @bob", People::of(&plan), today());
    assert_eq!(
        q.owner,
        Some(("bob".to_owned(), None)),
        "an unknown name is kept, unmatched"
    );
}

#[test]
fn internal_marker_and_bad_due_are_reported() {
    let q = quick_capture(
        "Vendor may fold #internal due:someday",
        People::of(&plan()),
        today(),
    );
    assert!(q.internal);
    assert_eq!(q.bad_due.as_deref(), Some("someday"));
    assert_eq!(q.text, "Vendor may fold");
}

#[test]
fn sign_off_lines() {
    let plan = plan();
    let people = People::of(&plan);
    let read =
        |line| signoff_line(line, people).map(|s| (s.decision, s.by.and_then(|b| b.1), s.reason));
    assert_eq!(
        read("approved @ola"),
        Some((SignoffDecision::Approved, Some("ola".into()), String::new()))
    );
    assert_eq!(
        read("deferred by Marcus"),
        Some((
            SignoffDecision::Deferred,
            Some("marcus".into()),
            String::new()
        ))
    );
    assert_eq!(read("@ola"), None, "a decision is required");
    assert_eq!(
        read("deferred @Ola Nordmann until she has read the escalation path"),
        Some((
            SignoffDecision::Deferred,
            Some("ola".into()),
            "until she has read the escalation path".into()
        )),
        "a full name, and the reason kept"
    );
    assert_eq!(
        read("d @marcus: not approved until a review, no sooner"),
        Some((
            SignoffDecision::Deferred,
            Some("marcus".into()),
            "not approved until a review, no sooner".into()
        )),
        "decision words in the reason do not change the decision"
    );
}

#[test]
fn full_names_and_guests_are_one_person() {
    let plan = plan();
    let guests = ["Zoë Krüger".to_owned()];
    let people = People {
        plan: &plan,
        guests: &guests,
    };
    let q = quick_capture("Call back @Zoë Krüger due:fri", people, today());
    assert_eq!(q.text, "Call back");
    assert_eq!(
        q.owner,
        Some(("Zoë Krüger".to_owned(), Some("Zoë Krüger".to_owned())))
    );
    let q = quick_capture("Send it @zoë, today", people, today());
    assert_eq!(q.owner.and_then(|o| o.1).as_deref(), Some("Zoë Krüger"));
    assert_eq!(q.text, "Send it today");
    let q = quick_capture("Review @Priya Raman first", people, today());
    assert_eq!(
        (q.text.as_str(), q.owner.and_then(|o| o.1).as_deref()),
        ("Review first", Some("priya"))
    );
}

#[test]
fn a_slip_of_the_keys_offers_the_nearest_person() {
    let plan = plan();
    let people = People::of(&plan);
    assert_eq!(people.nearest("Pryia").as_deref(), Some("Priya Raman"));
    assert_eq!(people.nearest("marcu").as_deref(), Some("Marcus Bell"));
    assert_eq!(people.nearest("bob"), None, "nobody near: no guess");
    assert_eq!(
        people.nearest("pri").as_deref(),
        Some("Priya Raman"),
        "the start of a name"
    );
}

#[test]
fn a_unit_after_any_character_is_no_date() {
    for bad in ["+3é", "+1日", "+3w🎉", "+🎉", "+", "日"] {
        assert_eq!(due_date(bad, today()), None, "{bad}");
    }
}

#[test]
fn a_risk_score_as_typed_reads_back_as_the_same_score() {
    use crate::meeting::capture_words::RiskScore;
    for (probability, impact) in [(1, 1), (4, 3), (5, 5)] {
        let score = RiskScore {
            probability,
            impact,
        };
        let line = format!("Vendor may fold {}", score.as_typed());
        assert_eq!(
            super::take_score(&line),
            Ok((
                "Vendor may fold".to_owned(),
                Some(probability),
                Some(impact)
            ))
        );
    }
}

#[test]
fn verdicts_are_chosen_never_cycled() {
    assert_eq!(super::chosen_verdict("1"), Some(Verdict::Agreed));
    assert_eq!(super::chosen_verdict("2"), Some(Verdict::AgreedWithChanges));
    assert_eq!(super::chosen_verdict("3"), Some(Verdict::NotAgreed));
    assert_eq!(super::chosen_verdict("Not"), Some(Verdict::NotAgreed));
    assert_eq!(super::chosen_verdict("4"), None);
    assert_eq!(super::chosen_verdict(""), None);
}

#[test]
fn today_tomorrow_and_weekdays_written_out_or_short() {
    let day = jiff::civil::date;
    assert_eq!(due_date("today", today()), Some(day(2026, 11, 24)));
    assert_eq!(due_date("Tomorrow", today()), Some(day(2026, 11, 25)));
    assert_eq!(due_date("thurs", today()), Some(day(2026, 11, 26)));
    assert_eq!(due_date("sat", today()), Some(day(2026, 11, 28)));
    assert_eq!(due_date("frisbee", today()), None, "not a weekday");
    assert_eq!(due_date("fr", today()), None, "too short to tell");
}

#[test]
fn an_at_that_is_no_name_stays_in_the_text_and_nothing_is_dropped() {
    let plan = plan();
    let q = quick_capture("@SUM(1+1) then @sam", People::of(&plan), today());
    assert_eq!(q.text, "@SUM(1+1) then");
    assert_eq!(q.owner, Some(("sam".to_owned(), Some("sam".to_owned()))));
    assert_eq!(q.second_owner, None);
    // Two names: the second is kept to be asked about, never dropped.
    let q = quick_capture("Call the vendor @sam @priya", People::of(&plan), today());
    assert_eq!(q.text, "Call the vendor");
    assert_eq!(q.owner.map(|o| o.0), Some("sam".to_owned()));
    assert_eq!(q.second_owner, Some("priya".to_owned()));
    // Names keep their marks.
    let q = quick_capture("Ask @O'Brien, today", People::of(&plan), today());
    assert_eq!(q.owner.map(|o| o.0), Some("O'Brien".to_owned()));
}

#[test]
fn a_second_due_date_is_kept_to_be_asked_about() {
    let q = quick_capture(
        "Send the plan @sam due:fri due:mon",
        People::of(&plan()),
        today(),
    );
    assert_eq!(q.text, "Send the plan");
    assert_eq!(q.due, Some(jiff::civil::date(2026, 11, 27)), "the first");
    assert_eq!(q.second_due.as_deref(), Some("mon"));
}

#[test]
fn a_signoff_keeps_an_at_that_is_no_name_in_its_reason() {
    let line = signoff_line(
        "deferred @ola until @SUM(1+1) is checked",
        People::of(&plan()),
    )
    .unwrap();
    assert_eq!(line.by, Some(("ola".to_owned(), Some("ola".to_owned()))));
    assert_eq!(line.reason, "until @SUM(1+1) is checked");
    let line = signoff_line("deferred @SUM(1+1) first", People::of(&plan())).unwrap();
    assert_eq!(line.by, None, "no name, so nobody");
    assert_eq!(line.reason, "@SUM(1+1) first");
}
