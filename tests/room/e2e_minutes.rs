//! Minutes written with `m` in a real terminal are brought up to date when
//! the meeting ends: they say when it ended, not "from 14:00".

use crate::tmux;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

/// The customer's Markdown minutes in `records` once `ready` holds for
/// their text.
fn minutes_when(records: &Path, what: &str, ready: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let found: Option<PathBuf> = std::fs::read_dir(records)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with("-minutes.md"));
        if let Some(text) = found.and_then(|p| std::fs::read_to_string(p).ok())
            && ready(&text)
        {
            return text;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
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
