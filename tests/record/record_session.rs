//! The records folder read once, and a meeting set up from it: a shared
//! folder's other projects are told apart by their `[meeting]` header, and
//! the set-up asks, resumes, starts afresh or leaves an unfinished meeting
//! alone as the command's options say, speaking only through its prompt.

use crate::common;

use common::{demo_plan as plan, go_to, type_line};

use jiff::{Timestamp, tz::TimeZone};
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::{Action, Clock, Meeting, Origin};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::folder::Folder;
use resetpoint::record::format::Record;
use resetpoint::record::open::read_record;
use resetpoint::session::{Prompt, Question, Session, SessionError, SessionOptions, Unfinished};

const EARLIER: &str = "2026-11-24-1400-status";

/// A status meeting of the demo plan that started on 24 November with one
/// open action, saved as a record that never ended, with the (empty)
/// journal a meeting keeps beside its record until it ends.
fn unfinished_meeting(dir: &std::path::Path) -> std::path::PathBuf {
    let start: Timestamp = "2026-11-24T14:00:00Z".parse().unwrap();
    let mut m = Meeting::new(
        plan(),
        AgendaName::Status,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    go_to(&mut m, SectionKind::Status);
    type_line(&mut m, Action::NewAction, "Send the revised plan @sam");
    let path = dir.join(format!("{EARLIER}.toml"));
    std::fs::write(&path, Record::of(&m).to_toml()).unwrap();
    std::fs::write(path.with_extension("journal"), "").unwrap();
    path
}

/// What the set-up said and asked, in order, with a set answer.
struct Heard {
    said: Vec<String>,
    answer: Option<bool>,
}

impl Prompt for Heard {
    fn tell(&mut self, line: &str) {
        self.said.push(line.to_owned());
    }

    fn resume(&mut self, question: &Question) -> Option<bool> {
        self.said.push(format!(
            "asked about {} with {} item(s)",
            question.paths.record.display(),
            question.found.captures.len()
        ));
        self.answer
    }
}

fn heard(answer: Option<bool>) -> Heard {
    Heard {
        said: Vec::new(),
        answer,
    }
}

fn options(dir: &std::path::Path, unfinished: Unfinished) -> SessionOptions {
    SessionOptions {
        origin: Origin::default(),
        agenda: AgendaName::Status,
        presenting: false,
        records_dir: dir.to_path_buf(),
        unfinished,
    }
}

fn ended(path: &std::path::Path) -> bool {
    read_record(path).unwrap().meeting.ended.is_some()
}

#[test]
fn a_shared_folder_tells_other_projects_apart_by_their_header_alone() {
    let dir = tempfile::tempdir().unwrap();
    unfinished_meeting(dir.path());
    // Another project's record whose body this version cannot read: its
    // header says whose it is, so the rest is never parsed.
    let theirs =
        "[meeting]\nproject = \"Other\"\nproject_id = \"other\"\n\n[[notes]]\nthis is not toml\n";
    std::fs::write(dir.path().join("2026-11-25-0900-status.toml"), theirs).unwrap();

    let folder = Folder::read(dir.path(), &plan().project.slug());
    let stems: Vec<&str> = folder.meetings.iter().map(|m| m.stem.as_str()).collect();
    assert_eq!(stems, vec![EARLIER]);
    assert!(folder.unreadable.is_empty(), "{:?}", folder.unreadable);

    // The same body under this project's id is read in full and named.
    let ours = theirs.replace("\"other\"", &format!("\"{}\"", plan().project.slug()));
    std::fs::write(dir.path().join("2026-11-25-0900-status.toml"), ours).unwrap();
    let folder = Folder::read(dir.path(), &plan().project.slug());
    assert_eq!(folder.meetings.len(), 1);
    let said = folder.unreadable[0].error.to_string();
    assert!(said.contains("2026-11-25-0900-status.toml:6:"), "{said}");
    assert!(!folder.unreadable[0].journal_holds_it);
}

#[test]
fn asked_about_an_unfinished_meeting_and_told_on_screen_what_could_not_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let earlier = unfinished_meeting(dir.path());
    std::fs::write(
        dir.path().join("2026-11-20-0900-status.toml"),
        "not a record",
    )
    .unwrap();

    let mut prompt = heard(Some(true));
    let session = Session::open(plan(), options(dir.path(), Unfinished::Ask), &mut prompt)
        .unwrap_or_else(|e| panic!("{e}"))
        .whole();
    assert_eq!(session.paths.record, earlier);
    assert_eq!(session.meeting.captures.len(), 1);
    // Only the unfinished meeting is read before the question; the broken
    // record is found with the earlier meetings, once on screen.
    assert_eq!(prompt.said.len(), 1, "{:?}", prompt.said);
    assert!(prompt.said[0].starts_with("asked about ") && prompt.said[0].ends_with("1 item(s)"));
    // Counted, not named: the screen may be on the projector; `history`
    // names it, file, line and column.
    let notice = session.meeting.notice.clone().unwrap_or_default();
    assert!(
        notice.contains("An earlier record could not be read")
            && notice.contains("`resetpoint history` names it"),
        "{notice}"
    );
    assert!(!notice.contains(".toml"), "{notice}");
    drop(session);

    // Answered no: a new meeting, with the unfinished one's open action to
    // follow up, and the unfinished one left as it was.
    let mut prompt = heard(Some(false));
    let session = Session::open(plan(), options(dir.path(), Unfinished::Ask), &mut prompt)
        .unwrap_or_else(|e| panic!("{e}"))
        .whole();
    assert_ne!(session.paths.record, earlier);
    assert!(session.meeting.captures.is_empty());
    let titles: Vec<&str> = session
        .meeting
        .earlier
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(titles, vec!["Send the revised plan"]);
    assert!(!ended(&earlier));
}

#[test]
fn no_answer_is_an_error_and_no_meeting_is_created() {
    let dir = tempfile::tempdir().unwrap();
    unfinished_meeting(dir.path());
    let mut prompt = heard(None);
    let refused = Session::open(plan(), options(dir.path(), Unfinished::Ask), &mut prompt);
    assert!(matches!(refused, Err(SessionError::Unanswered)));
    let files = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "toml")
        })
        .count();
    assert_eq!(files, 1);
}

#[test]
fn fresh_closes_the_unfinished_meeting_and_carries_its_actions_over() {
    let dir = tempfile::tempdir().unwrap();
    let earlier = unfinished_meeting(dir.path());
    let mut prompt = heard(Some(true));
    let session = Session::open(plan(), options(dir.path(), Unfinished::Fresh), &mut prompt)
        .unwrap_or_else(|e| panic!("{e}"))
        .whole();
    assert!(prompt.said.is_empty(), "{:?}", prompt.said);
    assert_ne!(session.paths.record, earlier);
    assert!(ended(&earlier));
    let titles: Vec<&str> = session
        .meeting
        .earlier
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(titles, vec!["Send the revised plan"]);
}

#[test]
fn left_alone_the_unfinished_meeting_stays_open_and_is_not_asked_about() {
    let dir = tempfile::tempdir().unwrap();
    let earlier = unfinished_meeting(dir.path());
    let mut prompt = heard(Some(true));
    let session = Session::open(
        plan(),
        options(dir.path(), Unfinished::LeaveAlone),
        &mut prompt,
    )
    .unwrap_or_else(|e| panic!("{e}"))
    .whole();
    assert!(prompt.said.is_empty(), "{:?}", prompt.said);
    assert_ne!(session.paths.record, earlier);
    assert!(!ended(&earlier));
    assert_eq!(session.meeting.earlier.len(), 1);
}

#[test]
fn a_record_that_never_ended_without_its_journal_is_named_not_resumed() {
    let dir = tempfile::tempdir().unwrap();
    let earlier = unfinished_meeting(dir.path());
    std::fs::remove_file(earlier.with_extension("journal")).unwrap();
    let mut prompt = heard(Some(true));
    let session = Session::open(plan(), options(dir.path(), Unfinished::Ask), &mut prompt)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(prompt.said.is_empty(), "not asked: {:?}", prompt.said);
    assert_ne!(session.paths.record, earlier);
    assert!(
        session.meeting.reading_earlier,
        "the screen says it is reading"
    );
    let session = session.whole();
    assert!(!session.meeting.reading_earlier);
    let notice = session.meeting.notice.clone().unwrap_or_default();
    assert!(
        notice.contains("Tue 24 Nov") && notice.contains("never ended and has no journal"),
        "{notice}"
    );
    // Its open action is followed up like any earlier meeting's.
    assert_eq!(session.meeting.earlier.len(), 1);
    assert!(!ended(&earlier));
    let new = session.paths.record.clone();
    drop(session);
    std::fs::remove_file(&new).ok();
    std::fs::remove_file(new.with_extension("journal")).ok();
    std::fs::remove_file(new.with_extension("lock")).ok();

    // Asked for with --resume, it is found by its header all the same.
    let session = Session::open(plan(), options(dir.path(), Unfinished::Resume), &mut prompt)
        .unwrap_or_else(|e| panic!("{e}"))
        .whole();
    assert_eq!(session.paths.record, earlier);
    assert_eq!(session.meeting.captures.len(), 1);
}
