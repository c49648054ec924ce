//! `resetpoint notes` in a real terminal (tmux): type who was there, an
//! action and a note, leave a private note half typed, `kill -9` the
//! process, run `notes` again and get every word back; a second instance
//! is refused by the lock, naming the process that holds the notes.

use crate::common;
use crate::tmux;

use std::path::Path;

use common::wait_for_journal;
use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

/// `resetpoint notes ARGS DIR` under a shell that then says how it exited
/// (so the program is the shell's child, for `kill -9`).
fn in_a_shell(name: &str, home: &Path, args: &str, records: &str) -> Tmux {
    let script = format!("{BIN} notes {args} {records}; echo exit=$?; sleep 10");
    Tmux::start(name, 100, 30, home, "sh", &["-c", &script])
}

fn kill_9(pid: &str) {
    let killed = std::process::Command::new("kill")
        .args(["-9", pid])
        .status()
        .unwrap();
    assert!(killed.success());
}

#[test]
fn kill_9_loses_nothing_and_notes_come_back_with_every_word() {
    let home = tempfile::tempdir().unwrap();
    let records = home.path().join("meetings");
    let records_arg = records.to_str().unwrap();
    let t = in_a_shell(
        "notes-first",
        home.path(),
        "'Call with Søren' --records",
        records_arg,
    );
    t.wait_for("the notes screen", |s| {
        s.contains("1/1 Call with Søren") && s.contains("Who was there")
    });
    t.keys(&["Enter"]);
    t.text("Søren Berg");
    t.keys(&["Enter"]);
    t.wait_for("who was there", |s| s.contains("✓ Søren Berg"));
    t.keys(&["a"]);
    t.text("Send the revised plan @Dana due:fri");
    t.keys(&["Enter"]);
    t.wait_for("the action, Dana's", |s| {
        s.contains("A-1 Send the revised plan — Dana")
    });
    t.keys(&["n"]);
    t.text("They want weekly reports");
    t.keys(&["Enter"]);
    t.keys(&["N"]);
    t.text("half a thought");
    t.wait_for("the private field, masked", |s| {
        s.contains("14 characters") && !s.contains("half a thought")
    });
    wait_for_journal(&records, "half a thought");

    kill_9(&t.child_pid());
    t.wait_for_exit(137);

    let again = in_a_shell("notes-again", home.path(), "--records", records_arg);
    let asked = again.wait_for("the question", |s| s.contains("Resume it? [Y/n]"));
    assert!(asked.contains("unfinished notes meeting"), "{asked}");
    again.keys(&["Enter"]);
    // What was captured comes back after the first frame: wait for all of it.
    let words = [
        "✓ Søren Berg",
        "A-1 Send the revised plan — Dana",
        "They want weekly reports",
        "14 characters",
        "PRESENTING",
    ];
    let back = again.wait_for("the notes again, whole", |s| {
        s.contains("1/1 Call with Søren") && words.iter().all(|w| s.contains(w))
    });
    for word in words {
        assert!(back.contains(word), "{word:?} is back:\n{back}");
    }

    // The lock: a second resetpoint on the same notes is refused, by pid.
    let pid = again.child_pid();
    let second = in_a_shell(
        "notes-second",
        home.path(),
        "--resume --records",
        records_arg,
    );
    let refused = second.wait_for("the refusal", |s| s.contains("exit="));
    assert!(
        refused.contains("is open in another resetpoint")
            && refused.contains(&format!("pid {pid}")),
        "{refused}"
    );

    // Sent, then shown privately: the half-typed note is every word of it.
    again.keys(&["Enter"]);
    again.keys(&["p"]);
    again.wait_for("the question", |s| s.contains("y/N"));
    again.keys(&["y"]);
    again.wait_for("the private note", |s| {
        s.contains("private: half a thought")
    });
    again.quit_meeting();
    let left = again.wait_for("the way out", |s| s.contains("The notes are finished"));
    assert!(left.contains("resetpoint new --from"), "{left}");
}

#[test]
fn resume_without_the_customer_finds_the_notes_of_that_title() {
    let home = tempfile::tempdir().unwrap();
    let records = home.path().join("meetings");
    let records_arg = records.to_str().unwrap();
    let t = in_a_shell(
        "notes-customer",
        home.path(),
        "Call --customer Acme --records",
        records_arg,
    );
    t.wait_for("the notes screen", |s| s.contains("1/1 Call"));
    t.keys(&["n"]);
    t.text("Øyvind wants the pilot in March");
    t.keys(&["Enter"]);
    wait_for_journal(&records, "Øyvind wants the pilot in March");
    let pid = t.child_pid();
    kill_9(&pid);
    // Gone once its lock is free: the next start would otherwise be refused.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while Path::new(&format!("/proc/{pid}")).exists() {
        assert!(std::time::Instant::now() < deadline, "the kill");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }

    // Resumed without --customer: the same notes, not new empty ones.
    let again = in_a_shell(
        "notes-resume",
        home.path(),
        "Call --resume --records",
        records_arg,
    );
    let screen = again.wait_for("the notes back", |s| {
        s.contains("Øyvind wants the pilot in March") && s.contains("Acme")
    });
    assert!(screen.contains("Acme"), "{screen}");
}

#[test]
fn resume_with_several_unfinished_notes_names_each_with_its_command() {
    use resetpoint::commands::notes::unplanned;
    use resetpoint::meeting::{Clock, Meeting};
    use resetpoint::plan::model::AgendaName;
    use resetpoint::record::format::Record;
    let home = tempfile::tempdir().unwrap();
    let records = home.path().join("meetings");
    std::fs::create_dir_all(&records).unwrap();
    for (n, customer) in ["Acme", "Søren's Bakery"].iter().enumerate() {
        let clock = Clock::at(
            common::meeting_start() + jiff::SignedDuration::from_hours(n as i64),
            jiff::tz::TimeZone::UTC,
        );
        let mut m = Meeting::new(unplanned(Some(customer)), AgendaName::Notes, clock, false);
        m.sections = resetpoint::agenda::notes("Call");
        let path = records.join(format!("2026-11-24-1{n}00-notes.toml"));
        std::fs::write(&path, Record::of(&m).to_toml()).unwrap();
        std::fs::write(path.with_extension("journal"), "").unwrap();
    }
    let out = common::resetpoint(
        home.path(),
        &[
            "notes",
            "Call",
            "--resume",
            "--records",
            records.to_str().unwrap(),
        ],
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("2 unfinished notes"), "{said}");
    assert!(
        said.contains("resetpoint notes Call --resume --customer Acme"),
        "{said}"
    );
    assert!(
        said.contains("--customer 'Søren'\\''s Bakery'") || said.contains("Søren"),
        "{said}"
    );
}
