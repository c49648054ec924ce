//! No id sequence the customer sees tells of a hidden item: what the
//! customer may not see is numbered in a series of its own (a private note
//! PN-1, an internal risk IR-1), so public notes, risks and issues run on
//! without a gap; and `check` warns when the plan's own public ids skip an
//! internal one.

use crate::common;

use common::{go_to, type_line};
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::Action;
use resetpoint::plan::model::AgendaName;

#[test]
fn what_the_customer_may_not_see_has_a_series_of_its_own() {
    let mut m = common::agenda_meeting(AgendaName::Status);
    go_to(&mut m, SectionKind::Raid);
    type_line(&mut m, Action::PrivateNote, "They may walk");
    type_line(&mut m, Action::Note, "Weekly calls from now on");
    type_line(&mut m, Action::InternalRisk, "Margin thin @sam p:2 i:2");
    type_line(&mut m, Action::Risk, "Printers short @sam p:3 i:3");
    type_line(&mut m, Action::InternalIssue, "Two leads leave @sam");
    type_line(&mut m, Action::Issue, "Test data late @sam");
    let ids: Vec<(&str, bool)> = m
        .captures
        .iter()
        .map(|c| (c.id.as_str(), c.what.is_public()))
        .collect();
    // The demo plan's public risks end at R-6, its issues at I-4; its
    // internal ones are IR-1, IR-2 and II-1.
    assert_eq!(
        ids,
        [
            ("PN-1", false),
            ("N-1", true),
            ("IR-3", false),
            ("R-7", true),
            ("II-2", false),
            ("I-5", true),
        ]
    );
}

#[test]
fn check_warns_when_a_public_id_follows_an_internal_one() {
    let text = concat!(
        "[project]\nname = \"P\"\ncustomer = \"C\"\n",
        "[[people]]\nid = \"sam\"\nname = \"Sam\"\nside = \"us\"\n",
        "[[risks]]\nid = \"R-1\"\ntitle = \"A\"\nprobability = 2\nimpact = 2\nowner = \"sam\"\n",
        "[[risks]]\nid = \"R-2\"\ntitle = \"B\"\nprobability = 2\nimpact = 2\nowner = \"sam\"\nvisible = false\n",
        "[[risks]]\nid = \"R-3\"\ntitle = \"C\"\nprobability = 2\nimpact = 2\nowner = \"sam\"\n",
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), text).unwrap();
    let out = common::resetpoint(dir.path(), &["check", "plan.toml"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("risk R-3 is shown to the customer after the internal R-2"),
        "{said}"
    );
    assert!(said.contains("plan.toml:22:6"), "at R-3's id: {said}");
    let out = common::resetpoint(dir.path(), &["check", "plan.toml", "--format", "json"]);
    let json = String::from_utf8_lossy(&out.stdout);
    assert!(json.contains("\"hidden-id\""), "{json}");
    // The internal one numbered in a series of its own: nothing to say.
    let fixed = text
        .replace("id = \"R-2\"", "id = \"IR-1\"")
        .replace("id = \"R-3\"", "id = \"R-2\"");
    std::fs::write(dir.path().join("plan.toml"), fixed).unwrap();
    let out = common::resetpoint(dir.path(), &["check", "plan.toml"]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("hidden-id"));
}

#[test]
fn the_demo_plan_shows_the_customer_no_gap_it_could_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(common::DEMO_PLAN, dir.path().join("plan.toml")).unwrap();
    let out = common::resetpoint(dir.path(), &["check", "plan.toml"]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("hidden-id"));
}

#[test]
fn the_customer_minutes_number_notes_without_a_gap_or_the_pms_note() {
    use jiff::tz::TimeZone;
    use resetpoint::export::minutes::{Audience, markdown};
    use resetpoint::record::format::Record;
    let mut m = common::agenda_meeting(AgendaName::Status);
    go_to(&mut m, SectionKind::Raid);
    type_line(&mut m, Action::PrivateNote, "They may walk");
    type_line(&mut m, Action::Note, "Weekly calls from now on");
    type_line(&mut m, Action::InternalRisk, "Margin thin @sam p:2 i:2");
    type_line(&mut m, Action::Risk, "Printers short @sam p:3 i:3");
    common::quit(&mut m);
    let minutes = markdown(
        &Record::of(&m),
        Some(&m.plan),
        &[],
        Audience::Customer,
        &TimeZone::UTC,
    );
    for hidden in [
        "PN-",
        "IR-3",
        "They may walk",
        "Margin thin",
        "not yet in the plan",
    ] {
        assert!(
            !minutes.contains(hidden),
            "{hidden} in the customer's minutes:\n{minutes}"
        );
    }
    assert!(minutes.contains("Printers short"), "{minutes}");
}
