//! Years of earlier meetings in a real terminal (tmux): the meeting is on
//! screen while they are read, keys typed meanwhile wait and are kept in
//! order, the new action's id goes on from the earlier ones, the agenda
//! gains its follow-ups section, and after `kill -9` the resumed meeting
//! has the same sections and every word.

use crate::common;
use crate::tmux;

use std::path::Path;

use common::{wait_for_journal, write_earlier_meetings};
use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");
const PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.toml");

/// `resetpoint run` on the demo plan's reset-point agenda under a shell
/// that then says how it exited (so the program is the shell's child).
fn in_a_shell(name: &str, home: &Path, records: &Path, unfinished: &str) -> Tmux {
    let script = format!(
        "{BIN} run {PLAN} --agenda reset-point --records {} {unfinished}; echo exit=$?; sleep 10",
        records.display()
    );
    Tmux::start(name, 100, 30, home, "sh", &["-c", &script])
}

#[test]
fn keys_typed_while_years_of_meetings_are_read_are_kept_and_numbered_after_them() {
    let home = tempfile::tempdir().unwrap();
    let records = home.path().join("meetings");
    let highest = write_earlier_meetings(&records, 300, 5);
    let next = format!("A-{} Book the depot visit", highest + 1);

    let t = in_a_shell("earlier-first", home.path(), &records, "--fresh");
    t.wait_for("the welcome", |s| s.contains("1/1"));
    // Typed at once, while the earlier meetings may still be read.
    t.keys(&["a"]);
    t.text("Book the depot visit");
    t.keys(&["Enter"]);
    let shown = t.wait_for("the action, numbered after the earlier ones", |s| {
        s.contains(&next) && s.contains("Follow-ups from last time") && s.contains("1/12 Welcome")
    });
    assert!(shown.contains("Follow-ups from last time"), "{shown}");
    assert!(shown.contains("1/12 Welcome"), "{shown}");
    assert!(!shown.contains("Reading the earlier meetings"), "{shown}");
    wait_for_journal(&records, "Book the depot visit");

    let killed = std::process::Command::new("kill")
        .args(["-9", &t.child_pid()])
        .status()
        .unwrap();
    assert!(killed.success());
    t.wait_for_exit(137);

    let again = in_a_shell("earlier-again", home.path(), &records, "--resume");
    let back = again.wait_for("the meeting again", |s| {
        s.contains(&next)
            && s.contains("1/12 Welcome")
            && s.contains("2. Follow-ups from last time")
    });
    assert!(back.contains("1/12 Welcome"), "the same sections:\n{back}");
    assert!(back.contains("2. Follow-ups from last time"), "{back}");
    again.quit_meeting();
    again.wait_for("the way out", |s| s.contains("exit=0"));
}
