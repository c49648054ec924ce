//! Rehearsals are recorded but never counted: a rehearsal record beside
//! the live ones (in `meetings/` itself, or in `meetings/rehearsals/`
//! where `rehearse` writes them) changes nothing in `history`, `actions`
//! or the follow-ups of the next live meeting; `history --rehearsals`
//! lists them instead.

use crate::common;

use common::{Answers, demo_plan as plan, go_to, resetpoint, type_line};

use jiff::{SignedDuration, Timestamp, tz::TimeZone};
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Action, Clock, Meeting, Origin};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::Record;
use resetpoint::rehearsal::deck::Deck;
use resetpoint::session::{Session, SessionOptions, Unfinished};

/// A finished status meeting of the demo plan at `start`, with an open
/// action and a pulse.
fn meeting(start: &str, rehearsal: bool, action: &str) -> Record {
    let start: Timestamp = start.parse().unwrap();
    let mut m = Meeting::new(
        plan(),
        AgendaName::Status,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    m.origin = Origin {
        rehearsal,
        ..Origin::default()
    };
    if rehearsal {
        m.deck = Some(Deck::shuffled(Vec::new(), 1));
    }
    go_to(&mut m, SectionKind::Status);
    type_line(&mut m, Action::NewAction, action);
    go_to(&mut m, SectionKind::Pulse);
    type_line(&mut m, Action::Select, "2 worried");
    m.clock.tick(start + SignedDuration::from_secs(50 * 60));
    m.ended = Some(m.clock.now);
    Record::of(&m)
}

/// A plan folder with one live meeting, and (when `with_rehearsals`) a
/// rehearsal beside it and another in `meetings/rehearsals/`.
fn folder(with_rehearsals: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.toml"),
        include_str!("../../assets/demo.toml"),
    )
    .unwrap();
    let meetings = dir.path().join("meetings");
    std::fs::create_dir_all(meetings.join("rehearsals")).unwrap();
    let live = meeting(
        "2026-11-24T14:00:00Z",
        false,
        "Send the revised plan @sam due:2026-12-01",
    );
    std::fs::write(meetings.join("2026-11-24-1400-status.toml"), live.to_toml()).unwrap();
    if with_rehearsals {
        let beside = meeting(
            "2026-11-23T14:00:00Z",
            true,
            "Practise the apology @sam due:2026-11-25",
        );
        std::fs::write(
            meetings.join("2026-11-23-1400-status.toml"),
            beside.to_toml(),
        )
        .unwrap();
        let inside = meeting(
            "2026-11-25T09:00:00Z",
            true,
            "Rehearse the cost answer @sam due:2026-11-26",
        );
        std::fs::write(
            meetings.join("rehearsals/2026-11-25-0900-status.toml"),
            inside.to_toml(),
        )
        .unwrap();
    }
    dir
}

fn stdout_of(dir: &std::path::Path, args: &[&str]) -> String {
    let out = resetpoint(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn history_is_the_same_with_rehearsals_on_record() {
    let without = folder(false);
    let with = folder(true);
    for format in ["human", "json"] {
        let args = ["history", "plan.toml", "--format", format];
        let before = stdout_of(without.path(), &args);
        assert!(before.contains("2026-11-24"), "{before}");
        assert_eq!(stdout_of(with.path(), &args), before, "{format}");
    }
}

#[test]
fn actions_are_the_same_with_rehearsals_on_record() {
    let without = folder(false);
    let with = folder(true);
    for format in ["md", "csv"] {
        let args = ["actions", "plan.toml", "--format", format, "--all"];
        let before = stdout_of(without.path(), &args);
        assert!(before.contains("Send the revised plan"), "{before}");
        let after = stdout_of(with.path(), &args);
        assert_eq!(after, before, "{format}");
        assert!(!after.contains("Practise the apology"));
    }
}

fn next_live_meeting(dir: &std::path::Path) -> Meeting {
    let options = SessionOptions {
        origin: Origin::default(),
        agenda: AgendaName::ResetPoint,
        presenting: false,
        records_dir: dir.join("meetings"),
        unfinished: Unfinished::Ask,
    };
    Session::open(plan(), options, &mut Answers(false))
        .unwrap_or_else(|e| panic!("{e}"))
        .whole()
        .meeting
}

#[test]
fn the_next_live_meeting_follows_up_only_live_meetings() {
    let without = next_live_meeting(folder(false).path());
    let with = next_live_meeting(folder(true).path());
    let titles =
        |m: &Meeting| -> Vec<String> { m.earlier.iter().map(|e| e.title.clone()).collect() };
    assert_eq!(titles(&without), ["Send the revised plan"]);
    assert_eq!(titles(&with), titles(&without));
    assert_eq!(with.pulse_trend, without.pulse_trend, "the pulse trend too");
    assert_eq!(
        with.sections.iter().map(|s| s.kind).collect::<Vec<_>>(),
        without.sections.iter().map(|s| s.kind).collect::<Vec<_>>(),
        "the same follow-ups section"
    );
    assert_eq!(
        with.ids.clone().take("A"),
        without.ids.clone().take("A"),
        "ids go on from live meetings"
    );
}

#[test]
fn a_rehearsal_follows_up_the_live_meetings_as_the_real_meeting_will() {
    let dir = folder(true);
    let options = SessionOptions {
        origin: Origin {
            rehearsal: true,
            ..Origin::default()
        },
        agenda: AgendaName::ResetPoint,
        presenting: false,
        records_dir: dir.path().join("meetings/rehearsals"),
        unfinished: Unfinished::Ask,
    };
    let session = Session::open(plan(), options, &mut Answers(false))
        .unwrap_or_else(|e| panic!("{e}"))
        .whole();
    let live = next_live_meeting(dir.path());
    let titles =
        |m: &Meeting| -> Vec<String> { m.earlier.iter().map(|e| e.title.clone()).collect() };
    assert_eq!(titles(&session.meeting), ["Send the revised plan"]);
    assert_eq!(titles(&session.meeting), titles(&live));
    assert_eq!(
        session
            .meeting
            .sections
            .iter()
            .map(|s| s.kind)
            .collect::<Vec<_>>(),
        live.sections.iter().map(|s| s.kind).collect::<Vec<_>>(),
        "the same agenda, follow-ups included"
    );
    assert!(
        session
            .paths
            .record
            .starts_with(dir.path().join("meetings/rehearsals")),
        "recorded among the rehearsals"
    );
}

#[test]
fn history_rehearsals_lists_the_rehearsals_in_their_folder() {
    let dir = folder(true);
    let text = stdout_of(dir.path(), &["history", "plan.toml", "--rehearsals"]);
    assert!(
        text.starts_with("Rehearsals: Shipment Tracking Rebuild"),
        "{text}"
    );
    assert!(
        text.contains("2026-11-25"),
        "the rehearsal in rehearsals/: {text}"
    );
    assert!(!text.contains("2026-11-24"), "no live meeting: {text}");
    let json = stdout_of(
        dir.path(),
        &["history", "plan.toml", "--rehearsals", "--format", "json"],
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = value["rehearsals"].as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["record"], "2026-11-25-0900-status");
    assert_eq!(rows[0]["ended"], true);
    assert!(rows[0]["overrun_seconds"].is_i64());

    let none = folder(false);
    let text = stdout_of(none.path(), &["history", "plan.toml", "--rehearsals"]);
    assert!(text.contains("No rehearsals on record yet"), "{text}");
}

#[test]
fn a_card_handled_in_the_last_rehearsal_of_the_agenda_comes_later() {
    use resetpoint::export::rehearsal::progress::handled_last_time;
    use resetpoint::rehearsal::{CardResult, Mark};
    let at: Timestamp = "2026-11-20T10:00:00Z".parse().unwrap();
    let result = |says: &str, mark| CardResult {
        says: says.into(),
        answer: String::new(),
        typed: String::new(),
        mark,
        section: 1,
        by_itself: false,
        at,
    };
    let rehearsal = |start: &str, agenda: &str, cards: Vec<CardResult>| {
        let mut record = meeting(start, true, "Practise");
        record.meeting.agenda = agenda.into();
        record.cards = cards;
        (start.to_owned(), record)
    };
    let found = [
        rehearsal(
            "2026-11-18T10:00:00Z",
            "reset-point",
            vec![result("Old", Mark::Handled)],
        ),
        rehearsal(
            "2026-11-20T10:00:00Z",
            "reset-point",
            vec![
                result("Handled", Mark::Handled),
                result("Work", Mark::NeedsWork),
            ],
        ),
        rehearsal(
            "2026-11-21T10:00:00Z",
            "status",
            vec![result("Status", Mark::Handled)],
        ),
    ];
    let now: Timestamp = "2026-11-24T10:00:00Z".parse().unwrap();
    assert_eq!(handled_last_time(&found, "reset-point", now), ["Handled"]);
    assert!(handled_last_time(&found, "kickoff", now).is_empty());
    // The deck deals what needed work, and what was never dealt, first.
    let cards = ["Handled", "Work", "New"].map(|s| resetpoint::rehearsal::Card {
        says: s.into(),
        answer: String::new(),
    });
    let deck = Deck::shuffled(cards.to_vec(), 3).handled_last(&handled_last_time(
        &found,
        "reset-point",
        now,
    ));
    assert_eq!(deck.cards().last().unwrap().says, "Handled");
}
