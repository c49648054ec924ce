//! Job control and signals in a real terminal (tmux, an interactive
//! shell): Ctrl-Z and an outside SIGTSTP give the terminal back and stop
//! the job; `fg` takes the terminal again with a full redraw and keys
//! working; SIGQUIT gives the terminal back as SIGTERM does.

use crate::tmux;

use std::path::Path;
use std::time::{Duration, Instant};

use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// An interactive shell running the demo meeting as a job.
fn meeting_in_a_shell(name: &str, records: &Path) -> Tmux {
    let t = Tmux::start(
        name,
        100,
        30,
        repo(),
        "bash",
        &["--norc", "--noprofile", "-i"],
    );
    t.wait_for("the prompt", |s| s.contains('$') || s.contains('#'));
    t.text(&format!(
        "PS1='prompt> '; {BIN} run assets/demo.toml --records {}; echo exit=$?",
        records.display()
    ));
    t.keys(&["Enter"]);
    t.wait_for("the first frame", |s| s.contains("1/11"));
    t
}

/// The state letter `ps` shows for the meeting (T when stopped).
fn state_of(pid: &str) -> String {
    let out = std::process::Command::new("ps")
        .args(["-o", "stat=", "-p", pid])
        .output()
        .expect("ps runs");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn wait_for_state(pid: &str, stopped: bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while state_of(pid).starts_with('T') != stopped {
        assert!(
            Instant::now() < deadline,
            "the meeting's state stayed {:?}",
            state_of(pid)
        );
        std::thread::sleep(Duration::from_millis(30));
    }
}

/// After `fg`: the alternate screen, the whole frame drawn again, and keys
/// read one by one (raw mode) rather than by the shell's line editing.
fn back_in_the_meeting(t: &Tmux) {
    t.text("fg");
    t.keys(&["Enter"]);
    t.wait_for("the redraw", |s| s.contains("1/11"));
    assert_eq!(t.format("alternate_on"), "1");
    t.keys(&["Right"]);
    t.wait_for("a key acted on at once", |s| s.contains("2/11"));
    t.keys(&["n"]);
    t.text("after fg");
    t.wait_for("typing in a field", |s| s.contains("after fg"));
    // Escape alone, or it reads as Alt-q.
    t.keys(&["Escape"]);
    t.wait_for("the field to close", |s| !s.contains("Esc close"));
    t.quit_meeting();
    // (The shell ran `echo exit=$?` when the job stopped; `fg` runs only the job.)
    t.wait_for("the meeting to end", |s| {
        s.contains("The meeting is not finished")
    });
    assert_eq!(t.format("alternate_on"), "0");
}

#[test]
fn ctrl_z_suspends_and_fg_restores_the_meeting() {
    let records = tempfile::tempdir().unwrap();
    let t = meeting_in_a_shell("ctrlz", records.path());
    let pid = t.child_pid();
    t.keys(&["C-z"]);
    wait_for_state(&pid, true);
    let screen = t.wait_for("the shell", |s| s.contains("prompt> "));
    assert_eq!(t.format("alternate_on"), "0", "{screen}");
    back_in_the_meeting(&t);
}

#[test]
fn an_outside_sigtstp_suspends_cleanly_too() {
    let records = tempfile::tempdir().unwrap();
    let t = meeting_in_a_shell("tstp", records.path());
    let pid = t.child_pid();
    let sent = std::process::Command::new("kill")
        .args(["-TSTP", &pid])
        .status()
        .unwrap();
    assert!(sent.success());
    wait_for_state(&pid, true);
    t.wait_for("the shell", |s| s.contains("prompt> "));
    assert_eq!(t.format("alternate_on"), "0");
    back_in_the_meeting(&t);
}

#[test]
fn sigquit_restores_the_terminal_like_sigterm() {
    let records = tempfile::tempdir().unwrap();
    let t = meeting_in_a_shell("quit", records.path());
    let pid = t.child_pid();
    let sent = std::process::Command::new("kill")
        .args(["-QUIT", &pid])
        .status()
        .unwrap();
    assert!(sent.success());
    // A line of its own: the typed command line holds "exit=$?" too.
    let screen = t.wait_for("the exit", |s| s.lines().any(|l| l.starts_with("exit=")));
    assert!(screen.contains("exit=0"), "{screen}");
    assert_eq!(t.format("alternate_on"), "0");
    assert_eq!(t.format("cursor_flag"), "1", "the cursor is shown again");
}
