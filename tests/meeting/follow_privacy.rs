//! What a `follow` screen is sent holds nothing private: the serialised
//! message for every kind of capture, with the PM's own screen presenting
//! or in private view, and every byte the facilitator writes to the socket
//! during a scripted meeting full of private and internal captures.

use crate::common;

use std::io::Read as _;
use std::os::unix::net::UnixStream;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use resetpoint::agenda::{DEFAULT_QUESTIONS, SectionKind};
use resetpoint::meeting::capture::{ActionStatus, Earlier, Raised, SignoffDecision, Verdict};
use resetpoint::meeting::{Action, Capture, Captured, Meeting, Shared, update};
use resetpoint::plan::load_bytes;
use resetpoint::share::protocol::{self, Incoming};
use resetpoint::share::publisher::Publisher;

const DEMO: &str = include_str!("../../assets/demo.toml");

/// What the PM means to say, for every kind of section: theirs alone.
const SPEAKER_NOTES: &str = "
[speaker_notes]
welcome = \"ZQ thank them for coming at short notice\"
listen = \"ZQ let Søren finish; do not defend October\"
status = \"ZQ the red milestone first\"
financials = \"ZQ do not volunteer the margin\"
raid = \"ZQ name the owner of each\"
proposals = \"ZQ ask for buy-in, then stop talking\"
review = \"ZQ read every action aloud\"
pulse = \"ZQ thank them\"
";

/// Only in private and internal things; two letters found together nowhere else.
const MARK: &str = "ZQ";
/// In every public thing, to show the message is not simply empty.
const SEEN: &str = "PUBLIC";

/// The demo plan's internal (`visible = false`) risks and issue.
const INTERNAL_PLAN_ITEMS: [&str; 3] = [
    "Two developers rotated off",
    "Margin on this account",
    "Key tech lead leaves",
];

fn start() -> Timestamp {
    "2026-11-24T14:00:00Z".parse().unwrap()
}

/// The demo plan with speaker notes in every kind of its sections.
fn meeting(presenting: bool) -> Meeting {
    let text = format!("{DEMO}{SPEAKER_NOTES}");
    common::every_section_meeting(
        load_bytes("demo.toml", text.as_bytes()).plan.unwrap(),
        presenting,
    )
}

fn captured(n: usize, what: Capture) -> Captured {
    Captured {
        id: format!("X-{n}"),
        order: n as u64,
        section: n % 5,
        at: start(),
        what,
    }
}

/// One capture of every kind said in the room, and every private kind.
fn every_kind() -> (Vec<Capture>, Vec<Capture>) {
    let seen = |what: &str| format!("{SEEN} {what}");
    let public = vec![
        Capture::Answer {
            question: DEFAULT_QUESTIONS[0].to_owned(),
            text: seen("answer"),
            sensitive: false,
        },
        Capture::Note {
            text: seen("note"),
            private: false,
            unsent: false,
        },
        Capture::Action {
            title: seen("action"),
            owner: Some("dana".into()),
            due: None,
            side: None,
            status: ActionStatus::Open,
        },
        Capture::Decision {
            text: seen("decision"),
        },
        Capture::Risk {
            title: seen("risk"),
            owner: None,
            probability: None,
            impact: None,
            visible: true,
        },
        Capture::Issue {
            title: seen("issue"),
            owner: None,
            visible: true,
        },
        Capture::Signoff {
            what: "communication plan".into(),
            by: Some("dana".into()),
            decision: SignoffDecision::Deferred,
            reason: seen("sign-off"),
        },
        Capture::BuyIn {
            proposal: "P-1".into(),
            verdict: Verdict::AgreedWithChanges,
            changes: seen("buy-in"),
            by: Some(seen("buy-in giver")),
        },
        Capture::Attendance {
            person: seen("guest"),
            present: true,
            guest: true,
        },
        Capture::Playback {
            confirmed: false,
            correction: seen("playback"),
        },
        Capture::Pulse {
            person: "dana".into(),
            confidence: 3,
            comment: seen("pulse"),
        },
        Capture::Recommend { score: 7 },
        Capture::Followup {
            item: "A-1".into(),
            meeting: seen("follow-up"),
            status: ActionStatus::Done,
            due: None,
            owner: None,
        },
    ];
    let private = vec![
        Capture::Answer {
            question: DEFAULT_QUESTIONS[1].to_owned(),
            text: format!("{MARK} sensitive answer"),
            sensitive: true,
        },
        Capture::Note {
            text: format!("{MARK} private note"),
            private: true,
            unsent: false,
        },
        Capture::Note {
            text: format!("{MARK} unsent draft"),
            private: true,
            unsent: true,
        },
        Capture::Risk {
            title: format!("{MARK} internal risk"),
            owner: Some(format!("{MARK}owner")),
            probability: Some(4),
            impact: Some(3),
            visible: false,
        },
        Capture::Issue {
            title: format!("{MARK} internal issue"),
            owner: None,
            visible: false,
        },
    ];
    (public, private)
}

/// A meeting holding every kind of capture, internal risks and issues
/// raised in an earlier meeting, and an earlier open action.
fn full_meeting(presenting: bool) -> Meeting {
    let mut m = meeting(presenting);
    let (public, private) = every_kind();
    for (n, what) in public.into_iter().chain(private).enumerate() {
        m.captures.push(captured(n, what));
    }
    for (n, title, visible) in [
        (90, format!("{MARK} earlier internal risk"), false),
        (91, format!("{SEEN} earlier risk"), true),
    ] {
        m.raised_earlier.push(Raised {
            meeting: "2026-11-10-1400-status".into(),
            item: captured(
                n,
                Capture::Risk {
                    title,
                    owner: None,
                    probability: None,
                    impact: None,
                    visible,
                },
            ),
        });
    }
    m.earlier.push(Earlier {
        id: "A-1".into(),
        meeting: "2026-11-10-1400-status".into(),
        title: format!("{SEEN} earlier action"),
        owner: None,
        due: None,
        moved_from: None,
        side: None,
    });
    m
}

fn assert_private_absent(line: &str, when: &str) {
    assert!(!line.contains(MARK), "{MARK} sent {when}: {line}");
    for item in INTERNAL_PLAN_ITEMS {
        assert!(
            !line.contains(item),
            "internal plan item {item:?} sent {when}"
        );
    }
    // The rehearsal cards' prepared answers.
    for answer in ["Here is what changed", "The overrun from the scanner delay"] {
        assert!(!line.contains(answer), "a rehearsal card sent {when}");
    }
}

fn key(code: KeyCode) -> Action {
    Action::Type(KeyEvent::new(code, KeyModifiers::NONE))
}

fn type_text(m: &mut Meeting, text: &str) {
    for c in text.chars() {
        update(m, key(KeyCode::Char(c)));
    }
}

#[test]
fn the_message_holds_nothing_private_for_any_capture_kind() {
    let (public, _) = every_kind();
    for presenting in [true, false] {
        let mut m = full_meeting(presenting);
        for n in 0..m.sections.len() {
            update(&mut m, Action::JumpTo(n));
            let line = protocol::screen_line(&Shared::presenting(&m)).unwrap();
            let when = format!("on section {n}, the PM presenting: {presenting}");
            assert_private_absent(&line, &when);
            // Every public kind travels (the test is not passing on an empty message).
            for what in &public {
                let text = match what {
                    Capture::Recommend { .. } => continue,
                    other => other.text(),
                };
                let shown = serde_json::to_string(&text).unwrap();
                let shown = shown.trim_matches('"');
                assert!(
                    line.contains(shown) || !text.contains(SEEN),
                    "{what:?} missing {when}"
                );
            }
            // Risks raised earlier are projected where they are listed.
            let lists_them = matches!(m.section().kind, SectionKind::Raid | SectionKind::Followups);
            assert_eq!(line.contains("PUBLIC earlier risk"), lists_them, "{when}");
            assert!(line.contains("\"score\":7"), "the recommend score, {when}");
        }
    }
}

#[test]
fn speaker_notes_are_on_the_pms_own_screen_only() {
    for presenting in [true, false] {
        let mut m = full_meeting(presenting);
        let listen = m
            .sections
            .iter()
            .position(|s| s.kind == SectionKind::Listen)
            .expect("a listen section");
        update(&mut m, Action::JumpTo(listen));
        let notes_of = |shown: &Shared| {
            resetpoint::agenda::speaker_notes(
                &shown.plan,
                shown.agenda,
                shown.current,
                shown.section().kind,
            )
            .map(str::to_owned)
        };
        // The PM's private view has them, so the tests above are not
        // passing on notes that never load.
        assert_eq!(
            notes_of(&Shared::private_view(&m)).as_deref(),
            Some("ZQ let Søren finish; do not defend October")
        );
        assert_eq!(notes_of(&Shared::presenting(&m)), None);
        assert_eq!(notes_of(&Shared::projector(&m)), None);
    }
}

#[test]
fn a_rehearsal_card_travels_without_its_prepared_answer() {
    for presenting in [true, false] {
        let mut m = full_meeting(presenting);
        m.origin.rehearsal = true;
        let cards = m
            .plan
            .pushback
            .iter()
            .map(|p| resetpoint::rehearsal::Card {
                says: p.says.clone(),
                answer: p.answer.clone(),
            })
            .collect();
        m.deck = Some(resetpoint::rehearsal::deck::Deck::shuffled(cards, 1));
        let listen = m
            .sections
            .iter()
            .position(|s| s.kind == resetpoint::agenda::SectionKind::Listen)
            .unwrap();
        update(&mut m, Action::JumpTo(listen));
        update(&mut m, Action::DealCard);
        type_text(&mut m, "We missed it");
        update(&mut m, key(KeyCode::Enter));
        let says = m.dealt.as_ref().unwrap().card.says.clone();
        let line = protocol::screen_line(&Shared::presenting(&m)).unwrap();
        let when = format!("with a card answered, the PM presenting: {presenting}");
        assert_private_absent(&line, &when);
        assert!(line.contains(&says), "what the customer says travels");
        assert!(line.contains("\"rehearsal\":true"), "{when}");
    }
}

#[test]
fn an_open_private_field_never_travels_to_the_projector() {
    for presenting in [true, false] {
        for open in [
            Action::PrivateNote,
            Action::InternalRisk,
            Action::InternalIssue,
        ] {
            let mut m = full_meeting(presenting);
            update(&mut m, open.clone());
            type_text(&mut m, &format!("{MARK} half typed"));
            // The PM's own presenting screen shows how much, to see the
            // keys taken; the projector is told nothing of it.
            let laptop = protocol::screen_line(&Shared::presenting(&m)).unwrap();
            assert_private_absent(&laptop, &format!("typing {open:?}"));
            assert!(laptop.contains("\"characters\":13"), "{open:?}: {laptop}");
            let projector = protocol::screen_line(&Shared::projector(&m)).unwrap();
            assert_private_absent(&projector, &format!("typing {open:?}"));
            assert!(
                projector.contains("\"field\":null"),
                "{open:?}: {projector}"
            );
            assert!(!projector.contains("characters"), "{open:?}: {projector}");
        }
    }
}

#[test]
fn every_byte_written_to_a_follower_leaves_the_private_things_out() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("meeting.sock");
    let mut m = full_meeting(true);
    let mut publisher = Publisher::start_at(socket.clone()).unwrap();
    let mut counts = publisher.follower_counts().unwrap();
    // The follower reads everything it is sent until the socket closes.
    let mut stream = UnixStream::connect(&socket).unwrap();
    assert_eq!(counts.blocking_recv(), Some(1));
    update(&mut m, Action::Followers(1));
    // Each line as it comes, so the script starts only once the first
    // screen is through: a publisher hands a busy follower the latest
    // screen only, and a loaded machine could otherwise merge them all.
    let (lines_tx, lines_rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let mut chunk = [0u8; 65536];
        loop {
            match stream.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    bytes.extend_from_slice(&chunk[..n]);
                    let _ = lines_tx.send(());
                }
            }
        }
        bytes
    });
    let publish = |m: &Meeting| publisher.publish(m);
    publish(&m);
    lines_rx
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("the first screen reaches the follower");
    // The script: every section, a private note, an internal risk and issue,
    // a risk made internal by its tag, a public note, and the PM's screen
    // going to private view and back (no question asked: a screen follows).
    let mut script: Vec<Action> = Vec::new();
    for n in 0..m.sections.len() {
        script.push(Action::JumpTo(n));
        for (open, text) in [
            (Action::PrivateNote, format!("{MARK} private {n}")),
            (Action::InternalRisk, format!("{MARK} risk {n}")),
            (Action::InternalIssue, format!("{MARK} issue {n}")),
            (Action::Risk, format!("#internal {MARK} tagged {n}")),
            (Action::Note, format!("{SEEN} note {n}")),
        ] {
            script.push(open);
            script.extend(text.chars().map(|c| key(KeyCode::Char(c))));
            script.push(key(KeyCode::Enter));
            // A risk's line asks for its score; Esc keeps what was typed unsent.
            script.push(key(KeyCode::Esc));
        }
        script.push(Action::Presenting);
    }
    for action in script {
        update(&mut m, action);
        publish(&m);
        // A slower follower would miss some of these; this one has time for each.
        std::thread::yield_now();
    }
    // Each section turned the PM's screen over, without a question.
    assert_eq!(m.presenting, m.sections.len().is_multiple_of(2));
    common::quit(&mut m);
    publish(&m);
    publisher.finish();
    let bytes = reader.join().unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert_private_absent(&text, "to the socket");
    // Not even that a private field was open, nor how much was in it.
    assert!(
        !text.contains("\"masked\""),
        "a masked field reached the projector"
    );
    assert!(
        !text.contains("characters"),
        "a length reached the projector"
    );
    assert!(
        m.captures
            .iter()
            .filter(|c| c.what.text().contains(MARK))
            .count()
            >= m.sections.len() * 3,
        "the script captured private things"
    );
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 2, "screens were sent: {}", lines.len());
    assert!(
        text.contains(&format!("{SEEN} note")),
        "public notes travel"
    );
    for line in &lines {
        assert!(
            line.starts_with("{\"v\":1,"),
            "the version first: {line:.40}"
        );
    }
    assert!(matches!(
        protocol::read_line(lines.last().unwrap()),
        Ok(Incoming::Ended)
    ));
    // Latest wins, so a follower may skip screens, never go back in them
    // (the script only moves forward), and every one is customer-safe.
    let seen: Vec<usize> = lines
        .iter()
        .filter_map(|l| match protocol::read_line(l) {
            Ok(Incoming::Screen(shared)) => {
                assert!(shared.presenting);
                Some(shared.current)
            }
            _ => None,
        })
        .collect();
    assert!(!seen.is_empty());
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
}
