//! Minutes written with `m` in a real terminal are brought up to date when
//! the meeting ends: they say when it ended, not "from 14:00".

use crate::{common, tmux};

use std::path::Path;

use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

/// The customer's Markdown minutes in `records` once `ready` holds for
/// their text.
fn minutes_when(records: &Path, what: &str, ready: impl Fn(&str) -> bool) -> String {
    common::wait_for_file(records, what, |path| {
        if !path.to_string_lossy().ends_with("-minutes.md") {
            return None;
        }
        let text = std::fs::read_to_string(path).ok()?;
        ready(&text).then_some(text)
    })
}

#[test]
fn minutes_written_on_the_review_screen_are_rewritten_when_the_meeting_ends() {
    let records = tempfile::tempdir().unwrap();
    let script = format!(
        "{BIN} run assets/demo.toml --agenda reset-point --records {} --fresh; echo exit=$?; sleep 30",
        records.path().display()
    );
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let t = Tmux::start("minutes", 100, 30, repo, "sh", &["-c", &script]);
    t.wait_for("the first frame", |s| s.contains("/11 "));
    // Step to the review screen, one section at a time.
    for n in 2..=10 {
        t.keys(&["Right"]);
        let marker = format!("{n}/11 ");
        t.wait_for(&marker, |s| s.contains(&marker));
    }
    t.keys(&["m"]);
    let early = minutes_when(records.path(), "the minutes from the review", |m| {
        m.contains("**Meeting:**")
    });
    assert!(early.contains(", from "), "{early}");
    t.keys(&["Right"]);
    t.wait_for("the last section", |s| s.contains("11/11"));
    t.quit_meeting();
    t.wait_for("the exit", |s| s.contains("exit=0"));
    let ended = minutes_when(records.path(), "the minutes at the end", |m| {
        !m.contains(", from ")
    });
    let when = ended
        .lines()
        .find(|l| l.starts_with("**Meeting:**"))
        .unwrap();
    assert!(when.contains('–'), "a start and an end time: {when}");
}
