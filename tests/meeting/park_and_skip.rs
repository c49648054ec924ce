//! The parking lot and sections skipped on purpose: a point parked with
//! `l` is in the minutes and comes back in the next meetings' follow-ups
//! (and the agenda sent ahead) until a follow-up closes it; a section
//! skipped with `S` (asked, with an optional reason) moves the meeting on,
//! is said in the minutes and left out of a rehearsal's pacing, and one
//! that needs the customer's word is named again at the end.

use crate::common;

use common::{demo_plan as plan, go_to, type_line};

use crossterm::event::{KeyCode, KeyEvent};
use jiff::{Timestamp, tz::TimeZone};
use resetpoint::agenda::SectionKind;
use resetpoint::export::agenda_ahead::agenda_ahead;
use resetpoint::export::minutes::{Audience, markdown};
use resetpoint::export::rehearsal::pacing::Pacing;
use resetpoint::left_open::actions::{meetings_before, still_open};
use resetpoint::meeting::{Action, Capture, Clock, Meeting, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::Record;

/// A meeting of `agenda` at `at`, with what is open from before it.
fn meeting_of(agenda: AgendaName, dir: &std::path::Path, at: &str) -> Meeting {
    let start: Timestamp = at.parse().unwrap();
    let mut m = Meeting::new(plan(), agenda, Clock::at(start, TimeZone::UTC), false);
    m.earlier = still_open(&meetings_before(dir, &m.plan, start), &m.plan);
    m
}

/// A reset-point meeting: it has proposals for the customer's word.
fn meeting(dir: &std::path::Path, at: &str) -> Meeting {
    meeting_of(AgendaName::ResetPoint, dir, at)
}

/// A status meeting: its agenda follows up what is open.
fn status(dir: &std::path::Path, at: &str) -> Meeting {
    meeting_of(AgendaName::Status, dir, at)
}

fn save(dir: &std::path::Path, stem: &str, m: &Meeting) -> Record {
    let record = Record::of(m);
    std::fs::write(dir.join(format!("{stem}.toml")), record.to_toml()).unwrap();
    record
}

fn minutes(record: &Record) -> String {
    markdown(
        record,
        Some(&plan()),
        &[],
        Audience::Customer,
        &TimeZone::UTC,
    )
}

fn key(code: KeyCode) -> Action {
    Action::Type(KeyEvent::from(code))
}

#[test]
fn a_parked_point_is_in_the_minutes_and_followed_up_until_it_is_closed() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let mut first = status(dir, "2026-11-24T14:00:00Z");
    go_to(&mut first, SectionKind::Status);
    type_line(
        &mut first,
        Action::Park,
        "Data migration of 2019 parcels @ola",
    );
    let parked = first.captures.last().expect("parked");
    assert_eq!(parked.id, "L-1");
    assert_eq!(
        parked.what,
        Capture::Parked {
            text: "Data migration of 2019 parcels".into(),
            owner: Some("ola".into()),
        }
    );
    // A parked point has no due date: the field asks instead of dropping it.
    type_line(&mut first, Action::Park, "Depot Wi-Fi due:fri");
    assert!(
        first
            .notice
            .as_deref()
            .unwrap_or("")
            .contains("no due date"),
        "{:?}",
        first.notice
    );
    update(&mut first, key(KeyCode::Esc));
    let record = save(dir, "2026-11-24-1400-status", &first);
    let text = minutes(&record);
    let section = text.find("## Parked for later").expect("a parked section");
    assert!(
        text[section..].contains("**L-1** Data migration of 2019 parcels — Ola Nordmann"),
        "{text}"
    );

    // The next meeting follows it up; the agenda sent ahead brings it back.
    let meetings = meetings_before(dir, &plan(), "2026-12-01T14:00:00Z".parse().unwrap());
    let ahead = agenda_ahead(
        &plan(),
        AgendaName::Status,
        &meetings,
        "2026-11-30".parse().unwrap(),
    );
    let ahead = ahead.markdown();
    assert!(
        ahead.contains(
            "## Parked for later\n\n- **L-1** Data migration of 2019 parcels — Ola Nordmann"
        ),
        "{ahead}"
    );
    let mut second = status(dir, "2026-12-01T14:00:00Z");
    let rows = second.followup_rows();
    let row = rows
        .iter()
        .position(|r| r.item == "L-1")
        .expect("followed up");
    assert_eq!(rows[row].title, "Parked: Data migration of 2019 parcels");
    assert_eq!(rows[row].owner.as_deref(), Some("ola"));
    go_to(&mut second, SectionKind::Followups);
    for _ in 0..row {
        update(&mut second, Action::Down);
    }
    type_line(&mut second, Action::Select, "done");
    save(dir, "2026-12-01-1400-status", &second);

    // Closed, it is gone from the third meeting, and from the agenda.
    let meetings = meetings_before(dir, &plan(), "2026-12-08T14:00:00Z".parse().unwrap());
    let ahead = agenda_ahead(
        &plan(),
        AgendaName::Status,
        &meetings,
        "2026-12-07".parse().unwrap(),
    );
    assert!(!ahead.markdown().contains("Parked"), "{}", ahead.markdown());
    let third = status(dir, "2026-12-08T14:00:00Z");
    assert!(
        third.followup_rows().iter().all(|r| r.item != "L-1"),
        "closed, yet followed up again"
    );
}

#[test]
fn a_skipped_section_moves_on_and_the_minutes_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = meeting(dir.path(), "2026-11-24T14:00:00Z");
    go_to(&mut m, SectionKind::Financials);
    let financials = m.current;
    // Esc on the question keeps the section, and nothing is recorded.
    update(&mut m, Action::SkipSection);
    update(&mut m, key(KeyCode::Char('x')));
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.current, financials);
    assert!(
        m.captures
            .iter()
            .all(|c| !matches!(c.what, Capture::Skipped { .. }))
    );

    type_line(&mut m, Action::SkipSection, "Covered by email on Friday");
    assert_eq!(m.current, financials + 1, "on to the next section");
    assert_eq!(m.notice.as_deref(), Some("Skipped: Budget and spend."));
    // The proposals skipped with no reason: they still need the customer's word.
    go_to(&mut m, SectionKind::Proposals);
    type_line(&mut m, Action::SkipSection, "");
    let last = m.sections.len() - 1;
    update(&mut m, Action::JumpTo(last));
    update(&mut m, Action::Quit);
    let notice = m.notice.clone().unwrap_or_default();
    assert!(
        notice.starts_with("Skipped, still needs their word: The new course of action. Ending:"),
        "{notice}"
    );
    update(&mut m, key(KeyCode::Enter));
    let record = Record::of(&m);
    assert_eq!(record.skipped.len(), 2);
    let text = minutes(&record);
    assert!(
        text.contains("## Skipped on purpose\n\n- Skipped: Budget and spend (Covered by email on Friday)\n- Skipped: The new course of action\n"),
        "{text}"
    );
}

#[test]
fn a_section_skipped_again_keeps_one_skip_with_the_later_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = meeting(dir.path(), "2026-11-24T14:00:00Z");
    go_to(&mut m, SectionKind::Financials);
    let financials = m.current;
    type_line(&mut m, Action::SkipSection, "Covered by email");
    // Another section's skip is its own.
    type_line(&mut m, Action::SkipSection, "Next time");
    update(&mut m, Action::JumpTo(financials));
    type_line(&mut m, Action::SkipSection, "Finance joins on Friday");
    let skips: Vec<(usize, &str)> = m
        .captures
        .iter()
        .filter_map(|c| match &c.what {
            Capture::Skipped { reason } => Some((c.section, reason.as_str())),
            _ => None,
        })
        .collect();
    // Replaced where it stood: the first skip said in the meeting.
    assert_eq!(
        skips,
        [
            (financials, "Finance joins on Friday"),
            (financials + 1, "Next time")
        ]
    );
}

#[test]
fn a_rehearsal_does_not_count_a_skipped_section_as_held() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = meeting(dir.path(), "2026-11-24T14:00:00Z");
    m.origin.rehearsal = true;
    go_to(&mut m, SectionKind::Financials);
    let financials = m.current;
    update(
        &mut m,
        Action::Tick("2026-11-24T14:05:00Z".parse().unwrap()),
    );
    type_line(&mut m, Action::SkipSection, "");
    update(
        &mut m,
        Action::Tick("2026-11-24T14:06:00Z".parse().unwrap()),
    );
    let record = Record::of(&m);
    let pacing = Pacing::of(&record, &plan());
    let skipped = &pacing.sections[financials];
    assert!(skipped.skipped && !skipped.rehearsed, "{skipped:?}");
    let planned: i64 = pacing
        .sections
        .iter()
        .filter(|s| !s.skipped)
        .map(|s| s.planned_seconds)
        .sum();
    assert_eq!(
        pacing.planned_seconds, planned,
        "its timebox is not planned"
    );
    assert!(pacing.planned_seconds < pacing.sections.iter().map(|s| s.planned_seconds).sum());
}
