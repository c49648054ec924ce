//! `resetpoint notes`, headless: notes set up by the session builder with
//! the `notes` agenda, `@name` as typed without a plan and matched with
//! one, who was there, resuming notes only (with their title), and the
//! record read by `minutes`, `actions`, `history` and `new --from`.

use crate::common;

use std::path::Path;

use common::{demo_plan, resetpoint, type_line};
use resetpoint::agenda::SectionKind;
use resetpoint::commands::notes::{open, unplanned};
use resetpoint::meeting::{Action, Capture, Meeting, Origin};
use resetpoint::plan::model::{AgendaName, Plan};
use resetpoint::record::format::Record;
use resetpoint::session::{Prompt, Question, Session, SessionOptions, Unfinished};

/// Says nothing back; answers "resume" with `answer`, and keeps what was asked.
struct Answer {
    answer: bool,
    asked: Vec<String>,
}

impl Prompt for Answer {
    fn tell(&mut self, _line: &str) {}

    fn resume(&mut self, question: &Question) -> Option<bool> {
        self.asked.push(question.record.meeting.agenda.clone());
        Some(self.answer)
    }
}

fn yes() -> Answer {
    Answer {
        answer: true,
        asked: Vec::new(),
    }
}

fn setup(dir: &Path, origin: Origin) -> SessionOptions {
    SessionOptions {
        origin,
        agenda: AgendaName::Notes,
        presenting: false,
        records_dir: dir.to_path_buf(),
        unfinished: Unfinished::Ask,
    }
}

fn notes_in(dir: &Path, plan: Plan, title: &str) -> Session {
    open(plan, setup(dir, Origin::default()), Some(title), &mut yes())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Save the meeting as the store would, so the next set-up finds it.
fn save(session: &Session) {
    std::fs::write(
        &session.paths.record,
        Record::of(&session.meeting).to_toml(),
    )
    .unwrap();
}

fn last(m: &Meeting) -> &Capture {
    &m.captures.last().expect("something was captured").what
}

fn owner(m: &Meeting) -> Option<String> {
    match last(m) {
        Capture::Action { owner, .. } | Capture::Risk { owner, .. } => owner.clone(),
        other => panic!("not an action or a risk: {other:?}"),
    }
}

#[test]
fn notes_open_at_once_on_one_capture_section_titled_for_the_conversation() {
    let dir = tempfile::tempdir().unwrap();
    let session = notes_in(dir.path(), unplanned(Some("Acme")), "Call with Søren");
    let m = &session.meeting;
    assert_eq!(m.agenda, AgendaName::Notes);
    assert_eq!(m.sections.len(), 1);
    assert_eq!(m.sections[0].kind, SectionKind::Notes);
    assert_eq!(m.sections[0].title, "Call with Søren");
    assert!(
        session.paths.record.starts_with(dir.path()),
        "recorded where asked"
    );
    assert!(
        session
            .paths
            .record
            .to_string_lossy()
            .ends_with("-notes.toml"),
        "{}",
        session.paths.record.display()
    );
}

#[test]
fn without_a_plan_an_at_name_is_the_owner_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = notes_in(dir.path(), unplanned(None), "Corridor").meeting;
    type_line(
        &mut m,
        Action::NewAction,
        "Send the revised plan @Dana due:2026-12-04",
    );
    assert!(m.draft.is_none(), "taken at once: {:?}", m.notice);
    assert_eq!(owner(&m).as_deref(), Some("Dana"));
    type_line(
        &mut m,
        Action::Risk,
        "Label printers short @Søren Berg p:4 i:3",
    );
    assert!(m.draft.is_none(), "taken at once: {:?}", m.notice);
    assert_eq!(
        owner(&m).as_deref(),
        Some("Søren"),
        "one word after @ unless it names someone"
    );
}

#[test]
fn with_a_plan_an_at_name_is_matched_to_its_people_as_in_a_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = notes_in(dir.path(), demo_plan(), "Call with Priya").meeting;
    type_line(&mut m, Action::NewAction, "Send the revised plan @Dana");
    assert_eq!(owner(&m).as_deref(), Some("dana"), "the plan's Dana Wu");

    type_line(&mut m, Action::NewAction, "Book the workshop @Danna");
    let asked = m.notice.clone().unwrap_or_default();
    assert!(m.draft.is_some(), "not taken yet");
    assert!(asked.contains("Enter: Dana Wu"), "{asked}");
}

#[test]
fn enter_adds_who_was_there_and_the_record_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let session = notes_in(dir.path(), unplanned(None), "Call");
    let mut m = session.meeting;
    type_line(&mut m, Action::Select, "Søren Berg");
    type_line(&mut m, Action::Select, "Dana");
    let record = Record::of(&m);
    assert_eq!(record.meeting.attendees, ["Søren Berg", "Dana"]);
    // Then `@Søren` is the person who was there, by first name.
    type_line(&mut m, Action::NewAction, "Share the minutes @Søren");
    assert_eq!(owner(&m).as_deref(), Some("Søren Berg"));
}

#[test]
fn a_plans_expected_attendees_are_not_listed_for_notes() {
    let dir = tempfile::tempdir().unwrap();
    let plan = demo_plan();
    assert!(!plan.meeting.attendees.is_empty());
    let m = notes_in(dir.path(), plan, "Call").meeting;
    assert!(m.attendees().is_empty());
}

#[test]
fn notes_resume_notes_only_and_keep_their_title() {
    let dir = tempfile::tempdir().unwrap();
    // A planned meeting of the same project, left unfinished.
    let status = Session::open(
        demo_plan(),
        SessionOptions {
            agenda: AgendaName::Status,
            ..setup(dir.path(), Origin::default())
        },
        &mut yes(),
    )
    .unwrap()
    .whole();
    save(&status);
    drop(status);

    let mut prompt = yes();
    let mut first = open(
        demo_plan(),
        setup(dir.path(), Origin::default()),
        Some("Call with Søren"),
        &mut prompt,
    )
    .unwrap();
    assert!(
        prompt.asked.is_empty(),
        "the status meeting is run's to resume"
    );
    type_line(&mut first.meeting, Action::Note, "They want weekly reports");
    save(&first);
    let notes_record = first.paths.record.clone();
    drop(first);

    let mut prompt = yes();
    let again = open(
        demo_plan(),
        setup(dir.path(), Origin::default()),
        Some("Another title"),
        &mut prompt,
    )
    .unwrap();
    assert_eq!(prompt.asked, ["notes"]);
    assert_eq!(again.paths.record, notes_record);
    assert_eq!(again.meeting.sections[0].title, "Call with Søren");
    assert!(matches!(
        last(&again.meeting),
        Capture::Note { text, .. } if text == "They want weekly reports"
    ));

    // Held by this one, the notes are refused to another before it asks.
    let mut other = yes();
    let refused = open(
        demo_plan(),
        setup(dir.path(), Origin::default()),
        None,
        &mut other,
    );
    let said = refused.err().expect("refused").to_string();
    assert!(said.contains("is open in another resetpoint"), "{said}");
    assert!(other.asked.is_empty(), "refused before asking");
}

/// Finished notes with who was there, an action, a decision, a note, a
/// private note and a risk, saved in `dir/meetings`; the record's path.
fn finished_notes(dir: &Path) -> std::path::PathBuf {
    let records = dir.join("meetings");
    let session = notes_in(
        &records,
        unplanned(Some("Acme Logistics")),
        "Call with Søren",
    );
    let mut m = session.meeting;
    type_line(&mut m, Action::Select, "Søren Berg");
    type_line(
        &mut m,
        Action::NewAction,
        "Send the revised plan @Dana due:2026-12-04",
    );
    type_line(
        &mut m,
        Action::Decision,
        "Weekly written status from now on",
    );
    type_line(&mut m, Action::Note, "They want weekly reports");
    type_line(&mut m, Action::PrivateNote, "Søren sounded unconvinced");
    type_line(&mut m, Action::Risk, "Label printers short @Dana p:4 i:3");
    common::quit(&mut m);
    assert!(m.ended.is_some(), "q on the one section ends the notes");
    std::fs::write(&session.paths.record, Record::of(&m).to_toml()).unwrap();
    session.paths.record
}

#[test]
fn minutes_of_notes_read_like_any_meetings() {
    let dir = tempfile::tempdir().unwrap();
    let record = finished_notes(dir.path());
    let out = resetpoint(dir.path(), &["minutes", record.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for said in [
        "**Agenda:** notes",
        "Søren Berg",
        "**A-1** Send the revised plan — Dana, due Fri 4 Dec 2026",
        "Weekly written status from now on",
        "They want weekly reports",
        "Label printers short",
    ] {
        assert!(text.contains(said), "{said:?} missing:\n{text}");
    }
    assert!(!text.contains("unconvinced"), "private stays out:\n{text}");
    let internal = resetpoint(
        dir.path(),
        &[
            "minutes",
            "--audience",
            "internal",
            record.to_str().unwrap(),
        ],
    );
    assert!(String::from_utf8_lossy(&internal.stdout).contains("Søren sounded unconvinced"));
}

#[test]
fn new_from_notes_writes_a_plan_that_passes_check_and_takes_the_notes_in() {
    let dir = tempfile::tempdir().unwrap();
    let record = finished_notes(dir.path());
    let made = resetpoint(
        dir.path(),
        &["new", "--from", record.to_str().unwrap(), "plan.toml"],
    );
    assert_eq!(
        made.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let plan = std::fs::read_to_string(dir.path().join("plan.toml")).unwrap();
    for filled in [
        "customer = \"Acme Logistics\"",
        "id = \"acme-logistics\"",
        "name = \"Søren Berg\"",
        "name = \"Dana\"",
        "attendees = [\"søren-berg\"]",
        "A-1 Send the revised plan @dana due:2026-12-04",
    ] {
        assert!(plan.contains(filled), "{filled:?} missing:\n{plan}");
    }

    let check = resetpoint(dir.path(), &["check", "--format", "json", "plan.toml"]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(report["errors"].as_array().unwrap().len(), 0, "{report}");

    // The notes are the plan's first meeting: its actions and history count them.
    let actions = resetpoint(dir.path(), &["actions", "plan.toml"]);
    let actions = String::from_utf8(actions.stdout).unwrap();
    assert!(
        actions.contains("**A-1** Send the revised plan — Dana, due 2026-12-04"),
        "{actions}"
    );
    let history = resetpoint(dir.path(), &["history", "--format", "json", "plan.toml"]);
    let history = String::from_utf8(history.stdout).unwrap();
    assert!(history.contains("\"notes\""), "{history}");

    // Never over an existing plan.
    let again = resetpoint(
        dir.path(),
        &["new", "--from", record.to_str().unwrap(), "plan.toml"],
    );
    assert_eq!(again.status.code(), Some(1));
}

#[test]
fn new_from_a_record_of_a_plan_copies_its_people() {
    let dir = tempfile::tempdir().unwrap();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo.toml");
    let origin = Origin {
        plan_path: demo.display().to_string(),
        plan_sha256: String::new(),
        rehearsal: false,
    };
    let session = open(
        demo_plan(),
        setup(dir.path(), origin),
        Some("Call"),
        &mut yes(),
    )
    .unwrap();
    let mut m = session.meeting;
    type_line(&mut m, Action::Select, "Priya");
    type_line(&mut m, Action::NewAction, "Book the workshop @sam");
    std::fs::write(&session.paths.record, Record::of(&m).to_toml()).unwrap();

    let made = resetpoint(
        dir.path(),
        &["new", "--from", session.paths.record.to_str().unwrap()],
    );
    let plan = String::from_utf8(made.stdout).unwrap();
    assert!(plan.contains("id = \"shipment-tracking\""), "{plan}");
    assert!(plan.contains("name = \"Priya Raman\""), "{plan}");
    assert!(plan.contains("name = \"Sam Okafor\""), "{plan}");
    assert!(plan.contains("attendees = [\"priya\"]"), "{plan}");
    assert!(
        !plan.contains("the record does not say"),
        "sides known:\n{plan}"
    );
    std::fs::write(dir.path().join("plan.toml"), &plan).unwrap();
    let check = resetpoint(dir.path(), &["check", "plan.toml"]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn new_from_a_missing_or_broken_record_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let missing = resetpoint(dir.path(), &["new", "--from", "nowhere.toml"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&missing.stderr)
            .contains("there is no meeting record at nowhere.toml")
    );
    std::fs::write(dir.path().join("bad.toml"), "[meeting]\nproject = 3\n").unwrap();
    let bad = resetpoint(dir.path(), &["new", "--from", "bad.toml"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a meeting record"));
}

#[test]
fn notes_need_a_terminal_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = resetpoint(dir.path(), &["notes", "Call"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("notes are taken full screen"));
    assert!(!dir.path().join("meetings").exists(), "nothing made");
}
