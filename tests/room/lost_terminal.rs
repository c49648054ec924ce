//! A terminal that goes away without a hangup: its pseudo-terminal closed
//! while the program is not its session's leader, so no SIGHUP comes and
//! every read and write fails. `run` and `follow` notice, leave as on a
//! hangup and exit whole (status 0, no abort, no spinning), and the
//! meeting's record keeps what was typed.

use std::io::Write;
use std::os::unix::process::ExitStatusExt as _;
use std::process::{Child, ExitStatus};
use std::time::{Duration, Instant};

use crate::common::wait_for_journal;
use crate::pty::{Pty, demo_meeting, open_pty, read_until, started};

/// Close our side, and wait for the program to leave on its own.
fn close_and_wait(pty: Pty, mut child: Child) -> ExitStatus {
    drop(pty);
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    panic!("still running 20 s after its terminal went away");
}

/// A meeting on the demo plan in its own pty (the pty its controlling
/// terminal when `controlling`), a note typed and in the journal, then the
/// pty closed: how the meeting ended, and where its records are.
fn note_then_lose_terminal(note: &str, controlling: bool) -> (ExitStatus, tempfile::TempDir) {
    let home = tempfile::tempdir().unwrap();
    let records = home.path().join("meetings");
    let mut pty = open_pty();
    let child = demo_meeting(&pty, home.path(), controlling);
    read_until(&mut pty, "quit");
    pty.ours.write_all(b"n").unwrap();
    read_until(&mut pty, "Note");
    pty.ours.write_all(format!("{note}\r").as_bytes()).unwrap();
    wait_for_journal(&records, note);
    (close_and_wait(pty, child), home)
}

#[test]
fn a_meeting_whose_terminal_goes_away_saves_and_exits_whole() {
    let (status, home) = note_then_lose_terminal("Zoë keeps the 漢字 note", false);
    assert_eq!(status.code(), Some(0), "left as on a hangup: {status:?}");
    let saved = std::fs::read_dir(home.path().join("meetings"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .any(|e| {
            std::fs::read_to_string(e.path())
                .unwrap()
                .contains("Zoë keeps the 漢字 note")
        });
    assert!(saved, "the record holds the note");
}

#[test]
fn a_meeting_whose_terminal_hangs_up_saves_and_exits_whole() {
    let (status, _home) = note_then_lose_terminal("Søren's 漢字 note", true);
    assert!(
        status.code() == Some(0) || status.signal() == Some(libc::SIGHUP),
        "left as on a hangup: {status:?}"
    );
}

/// A follower waiting for a meeting in its own pty (its controlling
/// terminal when `controlling`), then the pty closed: how it ended.
fn follower_loses_terminal(controlling: bool) -> ExitStatus {
    let home = tempfile::tempdir().unwrap();
    let mut pty = open_pty();
    let child = started(&pty, home.path(), &["follow"], controlling);
    read_until(&mut pty, "Waiting for");
    close_and_wait(pty, child)
}

#[test]
fn a_follower_whose_terminal_hangs_up_exits() {
    let status = follower_loses_terminal(true);
    assert!(
        status.code() == Some(0) || status.signal() == Some(libc::SIGHUP),
        "{status:?}"
    );
}

#[test]
fn a_follower_whose_terminal_goes_away_exits_whole() {
    let status = follower_loses_terminal(false);
    assert_eq!(status.code(), Some(0), "left as asked: {status:?}");
}
