//! The pacing report worked out from a known rehearsal: time against each
//! timebox, the projected total and overrun, what was left out, the cards
//! and the jargon in typed answers; as Markdown and as printed lines.

use crate::common;

use common::{demo_plan, go_to, type_line};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::{SignedDuration, tz::TimeZone};
use resetpoint::agenda::SectionKind;
use resetpoint::export::rehearsal::pacing::Pacing;
use resetpoint::export::rehearsal::since_last::{SinceLast, previous};
use resetpoint::meeting::{Action, Clock, Meeting, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::Record;
use resetpoint::rehearsal::Mark;
use resetpoint::rehearsal::deck::Deck;

fn enter() -> Action {
    Action::Type(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
}

fn minutes_on(m: &mut Meeting, minutes: i64) {
    let now = m.clock.now + SignedDuration::from_secs(minutes * 60);
    update(m, Action::Tick(now));
}

/// A reset-point rehearsal of the demo plan (85 minutes planned): 3
/// minutes of welcome, 75 of listening with one question answered, then
/// straight to proposals for 4 minutes, one buy-in; one card dealt by
/// itself and answered aloud (handled), one answered with jargon (needs
/// work); left there, unfinished.
/// A rehearsal of the reset-point agenda from `start`, the demo plan's
/// pushback dealt in one known order.
fn rehearsal_from(start: jiff::Timestamp) -> Meeting {
    let mut m = Meeting::new(
        demo_plan(),
        AgendaName::ResetPoint,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    m.origin.rehearsal = true;
    m.deck = Some(Deck::shuffled(
        m.plan
            .pushback
            .iter()
            .map(|p| resetpoint::rehearsal::Card {
                says: p.says.clone(),
                answer: p.answer.clone(),
            })
            .collect(),
        1,
    ));
    m
}

fn known_rehearsal() -> Record {
    let mut m = rehearsal_from(common::meeting_start());
    minutes_on(&mut m, 3);
    go_to(&mut m, SectionKind::Listen);
    type_line(&mut m, Action::Select, "It is late and nobody tells us why");
    minutes_on(&mut m, 75);
    // Half the timebox went long ago: the clock dealt a card by itself.
    assert!(m.dealt.as_ref().is_some_and(|d| d.by_itself));
    update(&mut m, enter());
    update(&mut m, Action::CardHandled);
    go_to(&mut m, SectionKind::Proposals);
    type_line(&mut m, Action::Select, "1");
    type_line(
        &mut m,
        Action::DealCard,
        "The UAT slipped, so the sprint moved",
    );
    update(&mut m, Action::CardNeedsWork);
    minutes_on(&mut m, 4);
    update(&mut m, Action::Quit);
    Record::of(&m)
}

/// The same rehearsal a week later: 3 minutes of welcome, 18 of
/// listening with two questions answered and the card the clock deals
/// answered aloud (handled), 9 on the proposals; left there.
fn a_week_later() -> Record {
    let start = common::meeting_start() + SignedDuration::from_hours(7 * 24);
    let mut m = rehearsal_from(start);
    minutes_on(&mut m, 3);
    go_to(&mut m, SectionKind::Listen);
    type_line(&mut m, Action::Select, "It is late and nobody tells us why");
    update(&mut m, Action::Down);
    type_line(
        &mut m,
        Action::Select,
        "The weekly call works; the reports do not",
    );
    minutes_on(&mut m, 18);
    assert!(m.dealt.as_ref().is_some_and(|d| d.by_itself));
    update(&mut m, enter());
    update(&mut m, Action::CardHandled);
    go_to(&mut m, SectionKind::Proposals);
    type_line(&mut m, Action::Select, "1");
    minutes_on(&mut m, 9);
    update(&mut m, Action::Quit);
    Record::of(&m)
}

#[test]
fn a_second_rehearsal_is_set_beside_the_one_before_it() {
    let plan = demo_plan();
    let (first, second) = (known_rehearsal(), a_week_later());
    let both = [
        ("first".to_owned(), first.clone()),
        ("second".to_owned(), second.clone()),
    ];
    assert_eq!(previous(&both, &second), Some(&first));
    assert_eq!(previous(&both, &first), None, "nothing before the first");

    let then = Pacing::of(previous(&both, &second).unwrap(), &plan);
    let since = SinceLast::of(&then, &Pacing::of(&second, &plan), "Tue 24 Nov 2026".into());
    let times: Vec<(&str, Option<i64>, Option<i64>)> = since
        .sections
        .iter()
        .map(|s| (s.title.as_str(), s.then, s.now))
        .collect();
    assert_eq!(
        times.len(),
        3,
        "the sections rehearsed either time: {times:?}"
    );
    assert_eq!((times[0].1, times[0].2), (Some(180), Some(180)), "welcome");
    assert_eq!(
        (times[1].1, times[1].2),
        (Some(4500), Some(1080)),
        "listening"
    );
    assert_eq!(
        (times[2].1, times[2].2),
        (Some(240), Some(540)),
        "proposals"
    );
    assert_eq!(since.projected.0, (82 + 52) * 60);
    assert_eq!(since.needs_work.0.len(), 1);
    assert!(
        since.needs_work.1.is_empty(),
        "no card needed work this time"
    );
    assert_eq!(
        since.unasked.1.len() + 1,
        since.unasked.0.len(),
        "one more question asked"
    );

    let text = since.text();
    assert!(
        text.contains("Since the rehearsal of Tue 24 Nov 2026:"),
        "{text}"
    );
    assert!(
        text.contains("Your view first  then 75:00, now 18:00"),
        "{text}"
    );
    assert!(
        text.contains("Cards needing work: then 1, now 0."),
        "{text}"
    );
    assert!(text.contains("still not asked: “"), "{text}");
    let markdown = since.markdown();
    assert!(
        markdown.contains("## Since the rehearsal of Tue 24 Nov 2026\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("- Cards needing work: then 1, now 0."),
        "{markdown}"
    );
}

#[test]
fn the_known_rehearsal_s_figures() {
    let record = known_rehearsal();
    let plan = demo_plan();
    let pacing = Pacing::of(&record, &plan);
    let spent: Vec<i64> = pacing.sections.iter().map(|s| s.seconds).collect();
    assert_eq!(spent, [180, 4500, 0, 0, 0, 0, 0, 240, 0, 0, 0]);
    assert_eq!(pacing.planned_seconds, 85 * 60);
    let rehearsed: Vec<bool> = pacing.sections.iter().map(|s| s.rehearsed).collect();
    assert_eq!(
        rehearsed,
        [
            true, true, false, false, false, false, false, true, false, false, false
        ],
        "jumped over or never reached, a section is not rehearsed"
    );
    // 3 + 75 + 4 spent, and the 5 + 8 + 8 + 10 + 8 + 5 + 5 + 3 minutes
    // planned for the sections not rehearsed.
    assert_eq!(pacing.projected_seconds, (82 + 52) * 60);
    assert_eq!(pacing.overrun_seconds, 49 * 60);
    assert_eq!(pacing.sections[1].over_seconds(), 55 * 60);
    let questions = resetpoint::agenda::sections(&plan, AgendaName::ResetPoint)
        .into_iter()
        .find(|s| s.kind == SectionKind::Listen)
        .unwrap()
        .questions;
    assert!(questions.len() > 1);
    assert_eq!(pacing.unasked, questions[1..].to_vec(), "all but the first");
    assert_eq!(
        pacing.signoffs_missing,
        [
            "the communication plan",
            "acceptance of CT-1: Prepare acceptance test scenarios for the tracking page",
            "acceptance of CT-2: Agree one list of depot exception codes",
            "acceptance of CT-3: Review and sign off the data migration rules",
        ]
    );
    assert_eq!(
        pacing.without_buy_in,
        [
            "A written status report every Thursday, with the same five headings",
            "Move go-live to 1 March, promise 15 March",
        ]
    );
    assert_eq!(pacing.handled.len(), 1);
    assert_eq!(pacing.handled[0].typed, "", "answered aloud");
    assert!(pacing.handled[0].by_itself);
    assert_eq!(pacing.needs_work.len(), 1);
    assert_eq!(pacing.needs_work[0].mark, Mark::NeedsWork);
    assert_eq!(
        pacing.needs_work[0].typed,
        "The UAT slipped, so the sprint moved"
    );
    let terms: Vec<(&str, &str, usize)> = pacing
        .jargon
        .iter()
        .map(|j| (j.term.as_str(), j.plain.as_str(), j.answers))
        .collect();
    assert_eq!(
        terms,
        [
            ("UAT", "your team's acceptance testing", 1),
            ("sprint", "two-week work cycle", 1)
        ]
    );
}

#[test]
fn the_report_reads_as_markdown_and_as_printed_lines() {
    let pacing = Pacing::of(&known_rehearsal(), &demo_plan());
    let md = pacing.markdown("Shipment tracking");
    for want in [
        "# Rehearsal pacing: Shipment tracking",
        "## Time",
        "- Your view first  75:00 of 20:00, 55:00 over",
        "Projected 134:00 against 85:00 planned: 49:00 over.",
        "## Questions not asked",
        "## Sign-offs not obtained",
        "- the communication plan",
        "## Proposals without buy-in",
        "Cards: 1 handled, 1 needs work.",
        "## Say it plainly",
        "- “UAT” in 1 answer: say “your team's acceptance testing”",
    ] {
        assert!(md.contains(want), "{want:?} in:\n{md}");
    }
    assert!(
        md.contains("- What we heard  not rehearsed (5:00 planned)"),
        "sections not rehearsed say so:\n{md}"
    );
    let text = pacing.text("Shipment tracking");
    assert!(text.contains("Projected 134:00 against 85:00 planned: 49:00 over."));
    assert!(text.contains("needs work: “"));
    for card in demo_plan().pushback {
        assert!(
            !md.contains(&card.answer),
            "no prepared answer in the report"
        );
    }
}

#[test]
fn a_rehearsal_that_ends_on_time_says_so() {
    let mut m = Meeting::new(
        demo_plan(),
        AgendaName::Status,
        Clock::at(common::meeting_start(), TimeZone::UTC),
        false,
    );
    m.origin.rehearsal = true;
    let last = m.sections.len() - 1;
    update(&mut m, Action::JumpTo(last));
    update(&mut m, Action::Quit);
    update(&mut m, Action::Select);
    let record = Record::of(&m);
    assert!(record.meeting.ended.is_some());
    let pacing = Pacing::of(&record, &demo_plan());
    assert_eq!(pacing.overrun_seconds, 0);
    assert!(pacing.total_line().ends_with("on time."));
    assert_eq!(pacing.cards_line(), "Cards: none answered.");
}

#[test]
fn a_section_flicked_past_is_skimmed_and_the_meeting_not_called_on_time() {
    let mut m = Meeting::new(
        demo_plan(),
        AgendaName::Status,
        Clock::at(common::meeting_start(), TimeZone::UTC),
        false,
    );
    m.origin.rehearsal = true;
    // Every section visited for 20 seconds: each under 30 s and under a
    // fifth of its timebox.
    let mut now = common::meeting_start();
    for n in 0..m.sections.len() {
        update(&mut m, Action::JumpTo(n));
        now += jiff::SignedDuration::from_secs(20);
        update(&mut m, Action::Tick(now));
    }
    update(&mut m, Action::Quit);
    update(&mut m, Action::Select);
    let pacing = Pacing::of(&Record::of(&m), &demo_plan());
    assert!(
        pacing.sections.iter().all(|s| s.skimmed),
        "{:?}",
        pacing.sections
    );
    assert_eq!(
        pacing.projected_seconds, pacing.planned_seconds,
        "projected at their timeboxes"
    );
    let total = pacing.total_line();
    assert!(!total.contains("on time."), "{total}");
    assert!(total.contains("skimmed — not rehearsed"), "{total}");
    let md = pacing.markdown("Shipment tracking");
    assert!(md.contains("0:20 of 5:00, skimmed — not rehearsed"), "{md}");
}
