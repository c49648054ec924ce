//! Helpers shared by the integration tests: run the real binary.

#![allow(dead_code)]

pub mod screen;

use std::path::Path;
use std::process::{Command, Output};

/// Run `resetpoint` with `args` in `dir`.
pub fn resetpoint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resetpoint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the resetpoint binary runs")
}

/// The fixtures folder, where paths in messages are short and stable.
pub fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
}

/// No byte that a terminal would act on, other than newlines.
pub fn assert_terminal_safe(bytes: &[u8]) {
    let text = String::from_utf8(bytes.to_vec()).expect("output is UTF-8");
    for c in text.chars() {
        assert!(
            c == '\n' || !resetpoint::text::is_unsafe(c),
            "raw {c:?} in output:\n{text}"
        );
    }
}

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Action, Meeting, update};
use resetpoint::plan::model::Plan;

/// The bundled demo plan, checked.
pub fn demo_plan() -> Plan {
    resetpoint::plan::load_bytes(
        "demo.toml",
        include_str!("../../assets/demo.toml").as_bytes(),
    )
    .plan
    .expect("the demo plan is valid")
}

/// Open a field with `open`, type `text` into it and press Enter; the
/// effects of every step, in order.
pub fn type_line(m: &mut Meeting, open: Action, text: &str) -> Vec<resetpoint::meeting::Effect> {
    let mut effects = update(m, open);
    for c in text.chars() {
        effects.extend(update(
            m,
            Action::Type(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        ));
    }
    effects.extend(update(
        m,
        Action::Type(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
    ));
    effects
}

/// `q` as a PM answers it: `y` to leave the meeting unfinished, or Enter
/// (no next meeting agreed) to end it at its last section.
pub fn quit(m: &mut Meeting) -> Vec<resetpoint::meeting::Effect> {
    use resetpoint::meeting::{DraftKind, Pending};
    let mut effects = update(m, Action::Quit);
    if m.pending == Some(Pending::Leave) {
        effects.extend(update(
            m,
            Action::Type(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE)),
        ));
    } else if m
        .draft
        .as_ref()
        .is_some_and(|d| d.kind == DraftKind::NextMeeting)
    {
        effects.extend(update(
            m,
            Action::Type(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
        ));
    }
    effects
}

/// Jump to the first section of this kind.
pub fn go_to(m: &mut Meeting, kind: SectionKind) {
    let n = m
        .sections
        .iter()
        .position(|s| s.kind == kind)
        .expect("the agenda has it");
    update(m, Action::JumpTo(n));
}

/// When the tests' meetings start: 14:00 UTC on 24 Nov 2026.
pub fn meeting_start() -> jiff::Timestamp {
    "2026-11-24T14:00:00Z".parse().unwrap()
}

/// A meeting of the demo plan on a built-in `agenda`, at `meeting_start`,
/// in private view, on its first section.
pub fn agenda_meeting(agenda: resetpoint::plan::model::AgendaName) -> Meeting {
    Meeting::new(
        demo_plan(),
        agenda,
        resetpoint::meeting::Clock::at(meeting_start(), jiff::tz::TimeZone::UTC),
        false,
    )
}

/// A meeting of `plan` over every section kind (5 minutes each, the
/// default questions in `listen`), 95 seconds into its first section.
pub fn every_section_meeting(plan: Plan, presenting: bool) -> Meeting {
    use resetpoint::agenda::{DEFAULT_QUESTIONS, Section};
    let sections = SectionKind::ALL
        .iter()
        .map(|&kind| Section {
            kind,
            title: kind.default_title().to_owned(),
            minutes: 5,
            questions: if kind == SectionKind::Listen {
                DEFAULT_QUESTIONS.iter().map(|q| (*q).to_owned()).collect()
            } else {
                Vec::new()
            },
            sensitive: Vec::new(),
        })
        .collect();
    let mut m = Meeting::with_sections(
        plan,
        resetpoint::plan::model::AgendaName::Plan,
        sections,
        resetpoint::meeting::Clock::at(meeting_start(), jiff::tz::TimeZone::UTC),
        presenting,
    );
    update(
        &mut m,
        Action::Tick(meeting_start() + jiff::SignedDuration::from_secs(95)),
    );
    m
}

/// Write `count` weekly live meetings of the demo plan into `dir`, ended,
/// each leaving `actions` actions open and a pulse of `1 + n % 5`; ids go
/// on from meeting to meeting as the app gives them. The highest action
/// number used, for checking that the next meeting goes on from it.
pub fn write_earlier_meetings(dir: &Path, count: usize, actions: usize) -> usize {
    use jiff::ToSpan as _;
    use resetpoint::meeting::{Capture, Captured, Clock};
    use resetpoint::plan::model::AgendaName;
    use resetpoint::record::format::Record;
    std::fs::create_dir_all(dir).unwrap();
    let first: jiff::Timestamp = "2020-01-06T09:00:00Z".parse().unwrap();
    let mut ids = resetpoint::meeting::ids::Ids::default();
    let mut highest = 0;
    for n in 0..count {
        let started = first + (n as i64 * 7 * 24).hours();
        let clock = Clock::at(started, jiff::tz::TimeZone::UTC);
        let mut m = Meeting::new(demo_plan(), AgendaName::Status, clock, false);
        m.ids.merge(&ids);
        go_to(&mut m, SectionKind::Status);
        // Due a fortnight after the meeting (a typed date is read against
        // today's clock, not this meeting's).
        let due = started.to_zoned(jiff::tz::TimeZone::UTC).date() + 14.days();
        for a in 0..actions {
            type_line(
                &mut m,
                Action::NewAction,
                &format!("Send point {a} of week {n} @sam"),
            );
            if let Some(Capture::Action { due: when, .. }) =
                m.captures.last_mut().map(|c| &mut c.what)
            {
                *when = Some(due);
            }
        }
        m.captures.push(Captured {
            id: format!("C-{}", n + 1),
            order: m.captures.len() as u64 + 1,
            section: m.current,
            at: started,
            what: Capture::Pulse {
                person: "ola".into(),
                confidence: 1 + (n % 5) as u8,
                comment: String::new(),
            },
        });
        m.ended = Some(started + 1.hours());
        ids.merge(&m.ids);
        for item in &m.captures {
            if let Some(number) = item.id.strip_prefix("A-") {
                highest = highest.max(number.parse().unwrap());
            }
        }
        let stem = Record::file_stem(&m.clock.wall(), "status");
        std::fs::write(dir.join(format!("{stem}.toml")), Record::of(&m).to_toml()).unwrap();
    }
    highest
}

/// A set-up's prompt that says nothing and answers the resume question
/// with its one value.
pub struct Answers(pub bool);

impl resetpoint::session::Prompt for Answers {
    fn tell(&mut self, _: &str) {}

    fn resume(&mut self, _: &resetpoint::session::Question) -> Option<bool> {
        Some(self.0)
    }
}

/// The demo plan's file, as a record's `plan` names it.
pub const DEMO_PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.toml");

/// An unfinished status meeting of the demo plan, started at
/// `meeting_start` and on its status screen, with `notes` notes: its
/// record, and the (empty) journal a meeting keeps beside it until it ends.
pub fn write_unfinished_with_notes(records: &Path, notes: usize) -> std::path::PathBuf {
    use resetpoint::meeting::Clock;
    use resetpoint::plan::model::AgendaName;
    use resetpoint::record::format::Record;
    std::fs::create_dir_all(records).unwrap();
    let clock = Clock::at(meeting_start(), jiff::tz::TimeZone::UTC);
    let mut m = Meeting::new(demo_plan(), AgendaName::Status, clock, false);
    m.origin.plan_path = DEMO_PLAN.into();
    go_to(&mut m, SectionKind::Status);
    for n in 0..notes {
        type_line(
            &mut m,
            Action::Note,
            &format!("Point {n} for Søren's depots, 李梅 too"),
        );
    }
    let path = records.join("2026-11-24-1400-status.toml");
    std::fs::write(&path, Record::of(&m).to_toml()).unwrap();
    std::fs::write(path.with_extension("journal"), "").unwrap();
    path
}

/// What `look` finds in a file of `folder`, once it finds something: the
/// files are looked at again until then (10 s at most, then the test
/// fails naming `what`), as a loaded machine may write them late.
pub fn wait_for_file<T>(folder: &Path, what: &str, look: impl Fn(&Path) -> Option<T>) -> T {
    use std::time::{Duration, Instant};
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let found = std::fs::read_dir(folder)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .find_map(|e| look(&e.path()));
        if let Some(found) = found {
            return found;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {what} in {}",
            folder.display()
        );
        std::thread::sleep(Duration::from_millis(30));
    }
}

/// Wait until a journal in `records` holds `words`: on disk, not only on
/// screen. Read as a resume reads it: keystrokes are journaled as edits.
pub fn wait_for_journal(records: &Path, words: &str) {
    wait_for_file(records, &format!("a journal holding {words:?}"), |path| {
        if path.extension()? != "journal" {
            return None;
        }
        let bytes = std::fs::read(path).ok()?;
        format!("{:?}", resetpoint::record::journal::read(&bytes).entries)
            .contains(words)
            .then_some(())
    });
}

/// An HTML page holds all it shows in one `<main>` landmark (axe's
/// `landmark-one-main` and `region`), so a screen reader goes straight to it.
pub fn assert_one_main(page: &str) {
    assert_eq!(page.matches("<main>").count(), 1, "one <main>:\n{page}");
    let body = page.split_once("<body>").map_or("", |(_, body)| body);
    assert!(body.starts_with("<main>"), "everything in <main>:\n{page}");
    assert!(
        body.trim_end().ends_with("</main></body></html>"),
        "<main> closes last:\n{page}"
    );
}

/// The one event of an iCalendar text, as a real parser (the `icalendar`
/// crate) reads it, and its attendees' addresses (`mailto:…`).
pub fn one_event(text: &str) -> (icalendar::Event, Vec<String>) {
    use icalendar::{Calendar, CalendarComponent, Component};
    let calendar: Calendar = text.parse().expect("a calendar parses it");
    let event = calendar
        .components
        .into_iter()
        .find_map(|c| match c {
            CalendarComponent::Event(event) => Some(event),
            _ => None,
        })
        .expect("one event");
    let addresses = event
        .multi_properties()
        .get("ATTENDEE")
        .into_iter()
        .flatten()
        .map(|a| a.value().to_owned())
        .collect();
    (event, addresses)
}

/// Send a meeting's effects to a record store, as the loop does: its
/// journal entries together, then the whole record when it asks to be
/// saved.
pub fn carry_out(
    store: &resetpoint::record::store::Store,
    m: &Meeting,
    effects: Vec<resetpoint::meeting::Effect>,
) {
    use resetpoint::meeting::Effect;
    use resetpoint::record::store::Message;
    let mut entries = Vec::new();
    let mut save = false;
    for effect in effects {
        match effect {
            Effect::Journal { seq, change } => {
                entries.push(resetpoint::record::journal::Entry { seq, change });
            }
            Effect::Save => save = true,
            Effect::Quit | Effect::WriteMinutes => {}
        }
    }
    if !entries.is_empty() {
        store.send(Message::Entries(entries));
    }
    if save {
        let record = resetpoint::record::format::Record::of(m);
        store.send(Message::Snapshot(Box::new(record)));
    }
}
