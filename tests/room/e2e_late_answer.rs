//! The terminal's answer to the background question, arriving after the
//! meeting has started, is never read as keys: a note holds exactly what
//! the PM typed, and nothing else happens on screen.

use crate::tmux;

use std::path::Path;
use std::time::{Duration, Instant};

use resetpoint::meeting::update::replay;
use resetpoint::meeting::{Clock, Meeting};
use resetpoint::plan::load_bytes;
use resetpoint::plan::model::AgendaName;
use resetpoint::record::folder::unfinished;
use resetpoint::record::format::restore;
use resetpoint::record::open::reopen;
use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A meeting in a terminal that answers the background question only when
/// told to (tests/e2e/late_terminal.py), long after the binary's wait.
struct LateTerminal {
    tmux: Tmux,
    answer_now: std::path::PathBuf,
    answered: std::path::PathBuf,
}

impl LateTerminal {
    fn start(name: &str, dir: &Path, records: &Path) -> LateTerminal {
        let answer_now = dir.join("answer-now");
        let answered = dir.join("answered");
        // Nothing may decide the background before the terminal is asked:
        // not COLORFGBG, not NO_COLOR, not an SSH session; and a TERM the
        // question is sent to (tmux's own `screen` is never asked).
        let script = format!(
            "env -u COLORFGBG -u NO_COLOR -u SSH_CONNECTION -u SSH_TTY TERM=xterm-256color \
             python3 {} {} {} {BIN} run assets/demo.toml --agenda reset-point --records {}; \
             echo exit=$?; sleep 30",
            repo().join("tests/e2e/late_terminal.py").display(),
            answer_now.display(),
            answered.display(),
            records.display()
        );
        let tmux = Tmux::start(name, 100, 30, repo(), "sh", &["-c", &script]);
        tmux.wait_for(
            "the first frame (the binary asks the background before it)",
            |s| s.contains("/11 "),
        );
        LateTerminal {
            tmux,
            answer_now,
            answered,
        }
    }

    /// Have the terminal answer now, and wait until it has.
    fn answer(&self) {
        std::fs::write(&self.answer_now, "").unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        while !self.answered.exists() {
            assert!(
                Instant::now() < deadline,
                "the terminal did not answer; the screen:\n{}",
                self.tmux.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// The captures of the meeting recorded in `records`, as a resume reads them.
fn captures(records: &Path) -> Vec<String> {
    let (paths, _) = unfinished(records, "shipment-tracking").expect("the meeting is on disk");
    let reopened = reopen(&paths).expect("the meeting has ended");
    let plan = load_bytes(
        "demo.toml",
        include_str!("../../assets/demo.toml").as_bytes(),
    )
    .plan
    .unwrap();
    let mut m = Meeting::new(plan, AgendaName::ResetPoint, Clock::system(), false);
    restore(&mut m, &reopened.record);
    for entry in reopened.entries {
        replay(&mut m, entry.change);
    }
    m.captures.iter().map(|c| c.what.text()).collect()
}

/// What the answer would have typed, had it been read as keys.
fn shows_the_answer(screen: &str) -> bool {
    screen.contains("rgb") || screen.contains("ffff") || screen.contains("11;")
}

#[test]
fn a_late_answer_does_not_type_into_an_open_note() {
    let dir = tempfile::tempdir().unwrap();
    let records = tempfile::tempdir().unwrap();
    let t = LateTerminal::start("late-note", dir.path(), records.path());
    // The meeting's follow socket is in the pane's own runtime folder,
    // made once the first frame is drawn: waited for, not assumed.
    let sockets = t.tmux.runtime_dir().join("resetpoint");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !std::fs::read_dir(&sockets).is_ok_and(|mut d| d.next().is_some()) {
        assert!(
            Instant::now() < deadline,
            "no socket in {}",
            sockets.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    t.tmux.keys(&["n"]);
    t.tmux
        .wait_for("the note field", |s| s.contains("Esc close"));
    t.answer();
    let note = "Customer wants the dates in writing";
    t.tmux.text(note);
    let screen = t.tmux.wait_for("the typed note", |s| s.contains(note));
    assert!(!shows_the_answer(&screen), "{screen}");
    t.tmux.keys(&["Enter"]);
    t.tmux.wait_for("the note sent", |s| {
        s.contains(note) && !s.contains("Esc close")
    });
    t.tmux.quit_meeting();
    let screen = t.tmux.wait_for("the exit", |s| s.contains("exit=0"));
    assert!(!shows_the_answer(&screen), "{screen}");
    assert_eq!(captures(records.path()), vec![note.to_owned()]);
}

#[test]
fn a_late_answer_between_keys_changes_nothing_and_swallows_no_key() {
    let dir = tempfile::tempdir().unwrap();
    let records = tempfile::tempdir().unwrap();
    let t = LateTerminal::start("late-agenda", dir.path(), records.path());
    let before = t.tmux.screen();
    t.answer();
    // The PM's very next key is a note; the answer before it is no key.
    t.tmux.keys(&["n"]);
    t.tmux
        .wait_for("the note field", |s| s.contains("Esc close"));
    let note = "first key kept";
    t.tmux.text(note);
    t.tmux.keys(&["Enter"]);
    let screen = t.tmux.wait_for("the note sent", |s| {
        s.contains(note) && !s.contains("Esc close")
    });
    let section = |s: &str| {
        s.lines()
            .find(|l| l.contains("/11 "))
            .map(|l| l.split("/11 ").next().unwrap_or_default().to_owned())
    };
    assert_eq!(
        section(&screen),
        section(&before),
        "still the first section"
    );
    assert!(!shows_the_answer(&screen), "{screen}");
    t.tmux.quit_meeting();
    t.tmux.wait_for("the exit", |s| s.contains("exit=0"));
    assert_eq!(captures(records.path()), vec![note.to_owned()]);
}
