//! `run --resume` of a long meeting in a real terminal (tmux): the meeting
//! is on screen before its items are parsed, a key typed at once waits and
//! is kept, and every item is back; a record whose body cannot be read
//! stops the meeting with the file, line and column, and is left as it was.

use crate::common;
use crate::tmux;

use std::path::Path;

use common::{DEMO_PLAN as PLAN, write_unfinished_with_notes};
use resetpoint::record::open::read_record;
use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

fn resume(name: &str, home: &Path, records: &Path) -> Tmux {
    let script = format!(
        "{BIN} run {PLAN} --records {} --resume; echo exit=$?; sleep 10",
        records.display()
    );
    Tmux::start(name, 100, 30, home, "sh", &["-c", &script])
}

#[test]
fn a_long_meeting_comes_back_whole_and_a_key_typed_at_once_is_kept() {
    let home = tempfile::tempdir().unwrap();
    let records = home.path().join("meetings");
    let path = write_unfinished_with_notes(&records, 2_000);
    let t = resume("resume-long", home.path(), &records);
    t.wait_for("the status screen", |s| {
        s.contains("Where the project stands")
    });
    t.keys(&["n"]);
    t.text("One more from Zoë");
    t.keys(&["Enter"]);
    let back = t.wait_for("every note and the new one", |s| {
        s.contains("Captured here (2001)")
    });
    assert!(!back.contains("Bringing back"), "{back}");
    t.quit_meeting();
    t.wait_for("the exit", |s| s.contains("exit=0"));
    let record = read_record(&path).unwrap();
    assert_eq!(record.notes.len(), 2_001);
    assert!(
        record
            .notes
            .iter()
            .any(|n| n.what.text() == "One more from Zoë")
    );
}

#[test]
fn a_body_that_cannot_be_read_stops_the_meeting_and_is_left_as_it_was() {
    let home = tempfile::tempdir().unwrap();
    let records = home.path().join("meetings");
    let path = write_unfinished_with_notes(&records, 50);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\n[[notes]]\nthis is not toml\n");
    std::fs::write(&path, &text).unwrap();
    let t = resume("resume-broken", home.path(), &records);
    let left = t.wait_for("the exit", |s| s.contains("exit="));
    assert!(left.contains("2026-11-24-1400-status.toml:"), "{left}");
    assert!(left.contains("exit=1"), "{left}");
    assert_eq!(t.format("alternate_on"), "0", "the screen is given back");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "not written over"
    );
}
