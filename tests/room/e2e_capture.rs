//! Capture in a real terminal, and the promise that nothing typed is lost:
//! type answers, notes and actions (non-ASCII too), kill -9 at random
//! moments, resume, and compare what is on disk with what was typed.

use crate::common;
use crate::tmux;

use std::path::Path;
use std::time::{Duration, Instant};

use resetpoint::meeting::update::{Change, replay};
use resetpoint::meeting::{Clock, Meeting};
use resetpoint::plan::load_bytes;
use resetpoint::plan::model::AgendaName;
use resetpoint::record::folder::unfinished;
use resetpoint::record::format::{Record, restore};
use resetpoint::record::journal;
use resetpoint::record::open::reopen;
use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Start the demo plan's meeting, recording in `records`, resuming any.
fn start(name: &str, records: &Path) -> Tmux {
    let script = format!(
        "{BIN} run assets/demo.toml --agenda reset-point --records {} --resume; echo exit=$?; sleep 30",
        records.display()
    );
    let t = Tmux::start(name, 100, 30, repo(), "sh", &["-c", &script]);
    t.wait_for("the first frame", |s| s.contains("/11 "));
    t
}

/// What a crashed meeting holds, read the way `run --resume` reads it.
fn on_disk(records: &Path) -> (Vec<String>, Option<String>) {
    let (paths, _) = unfinished(records, "shipment-tracking").expect("an unfinished meeting");
    let reopened = reopen(&paths).expect("the killed process holds no lock");
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
    let texts = m.captures.iter().map(|c| c.what.text()).collect();
    (texts, m.draft.map(|d| d.text()))
}

/// Wait until a journal in `records` holds the open field as `text`: what
/// is being typed has reached the disk.
fn wait_in_journal(records: &Path, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    let holds = |bytes: &[u8]| {
        journal::read(bytes)
            .entries
            .iter()
            .any(|e| match &e.change {
                Change::Draft { draft: Some(d) } => d.text == text,
                _ => false,
            })
    };
    let journaled = || {
        let files = std::fs::read_dir(records).into_iter().flatten().flatten();
        files.into_iter().any(|file| {
            file.path().extension().is_some_and(|x| x == "journal")
                && std::fs::read(file.path()).is_ok_and(|bytes| holds(&bytes))
        })
    };
    while !journaled() {
        assert!(
            Instant::now() < deadline,
            "{text:?} never reached the journal"
        );
        std::thread::sleep(Duration::from_millis(30));
    }
}

/// A small, seeded generator: the kill moments differ, the test repeats.
struct Moments(u64);

impl Moments {
    fn next_millis(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

/// How long an item on screen may take to reach the disk (DESIGN.md).
const PROMISE: Duration = Duration::from_millis(250);

/// A field left open by a kill comes back open: send it with Enter (Esc
/// would leave it unsent, to come back in the next field), once it is on
/// screen, and wait until it has gone, so the next key opens a new field.
fn send_the_field_left_open(t: &Tmux, left_open: Option<&str>) {
    let Some(text) = left_open else { return };
    t.wait_for("the field left open", |s| {
        s.contains(text) && s.contains("Esc close")
    });
    t.keys(&["Enter"]);
    t.wait_for("the field to be sent", |s| !s.contains("Esc close"));
}

#[test]
fn kill_9_at_random_moments_loses_nothing_that_was_on_screen() {
    let records = tempfile::tempdir().unwrap();
    let mut moments = Moments(0x5eed);
    let mut promised: Vec<String> = Vec::new();
    // The field the last kill left open, as `--resume` reads it back.
    let mut left_open: Option<String> = None;
    for run in 0..20 {
        let t = start(&format!("kill{run}"), records.path());
        send_the_field_left_open(&t, left_open.as_deref());
        let mut seen: Vec<(String, Instant)> = Vec::new();

        let note = format!("note{run} — Grüße, 日本語, ✅");
        t.keys(&["n"]);
        t.text(&note);
        t.keys(&["Enter"]);
        let prefix: String = note.chars().take(8).collect();
        t.wait_for("the note in the pane", |s| {
            s.contains(&prefix) && !s.contains("Esc close")
        });
        seen.push((note.clone(), Instant::now()));

        let action = format!("Call back {run}");
        t.keys(&["a"]);
        t.text(&format!("{action} @sam due:+3d"));
        t.keys(&["Enter"]);
        t.wait_for("the action in the pane", |s| {
            s.contains(&action) && s.contains("Sam Okafor")
        });
        seen.push((action, Instant::now()));

        let half = format!("half{run} ünï");
        t.keys(&["n"]);
        t.text(&half);
        t.wait_for("the half-typed note", |s| s.contains(&half));
        seen.push((half, Instant::now()));

        // A random moment after the half-typed note, but never before the
        // run's first note has been on screen as long as the promise says,
        // so that every run holds the store to it at least once.
        let after_half = seen[2].1 + Duration::from_millis(moments.next_millis(600));
        let kill_at = after_half.max(seen[0].1 + PROMISE);
        std::thread::sleep(kill_at.saturating_duration_since(Instant::now()));
        let pid = t.child_pid();
        let killed_at = Instant::now();
        assert!(
            std::process::Command::new("kill")
                .args(["-9", &pid])
                .status()
                .unwrap()
                .success()
        );
        t.wait_for_exit(137);
        drop(t);

        let (captured, draft) = on_disk(records.path());
        for (text, shown) in &seen {
            if killed_at.duration_since(*shown) >= PROMISE {
                let kept =
                    captured.iter().any(|c| c == text) || draft.as_deref() == Some(text.as_str());
                assert!(
                    kept,
                    "run {run}: {text:?} was on screen 250 ms before the kill but is lost"
                );
                promised.push(text.clone());
            }
        }
        left_open = draft;
    }
    // Resume once more, end the meeting on its last section, and read the record.
    let t = start("final", records.path());
    send_the_field_left_open(&t, left_open.as_deref());
    t.keys(&["g", "End", "Enter"]);
    for _ in 0..12 {
        t.keys(&["Right"]);
    }
    t.wait_for("the last section", |s| s.contains("11/11"));
    t.quit_meeting();
    t.wait_for("the exit", |s| s.contains("exit=0"));
    let record_path = std::fs::read_dir(records.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "toml"))
        .unwrap();
    let record: Record = toml::from_str(&std::fs::read_to_string(&record_path).unwrap()).unwrap();
    assert!(record.meeting.ended.is_some());
    let texts: Vec<String> = record.items().iter().map(|c| c.what.text()).collect();
    for text in &promised {
        // Half-typed notes were sent by Enter on the next start.
        assert!(
            texts.contains(text),
            "{text:?} missing from the final record"
        );
    }
    assert!(
        !record_path.with_extension("journal").exists(),
        "an ended meeting needs no journal"
    );
}

#[test]
fn a_second_resetpoint_is_refused_before_it_asks_anything_and_writes_nothing() {
    let records = tempfile::tempdir().unwrap();
    let first = start("first", records.path());
    first.keys(&["n"]);
    first.text("from the first window");
    first.keys(&["Enter"]);
    first.wait_for("the note", |s| {
        s.contains("from the first window") && !s.contains("Esc close")
    });
    let first_pid = first.child_pid();
    // The first resetpoint saves in the background: take the files once its
    // record holds the note, so that only the second could change them.
    let saved = |files: &[(std::path::PathBuf, Vec<u8>)]| {
        files.iter().any(|(path, bytes)| {
            path.extension().is_some_and(|x| x == "toml")
                && String::from_utf8_lossy(bytes).contains("from the first window")
        })
    };
    let waited = std::time::Instant::now();
    let mut before = files_in(records.path());
    while !saved(&before) {
        assert!(
            waited.elapsed() < std::time::Duration::from_secs(20),
            "the first resetpoint never saved its note"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        before = files_in(records.path());
    }
    // No --resume or --fresh: the second would ask, if it got that far.
    let script = format!(
        "{BIN} run assets/demo.toml --records {}; echo exit=$?; sleep 30",
        records.path().display()
    );
    let second = Tmux::start("second", 250, 30, repo(), "sh", &["-c", &script]);
    let screen = second.wait_for("the refusal", |s| s.contains("exit="));
    assert!(
        screen.contains(&format!(
            "is open in another resetpoint, pid {first_pid}, since "
        )),
        "{screen}"
    );
    assert!(!screen.contains("Resume it?"), "nothing is asked: {screen}");
    assert!(screen.contains("exit=1"), "{screen}");
    assert_eq!(
        before,
        files_in(records.path()),
        "the second resetpoint wrote nothing"
    );
}

fn files_in(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files: Vec<(std::path::PathBuf, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| (e.path(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn a_failed_write_shows_a_banner_and_loses_nothing() {
    let base = tempfile::tempdir().unwrap();
    let records = base.path().join("meetings");
    let t = start("banner", &records);
    let away = base.path().join("away");
    std::fs::rename(&records, &away).unwrap();
    t.keys(&["n"]);
    t.text("said while saving failed");
    t.keys(&["Enter"]);
    t.wait_for("the banner", |s| s.contains("Cannot save"));
    std::fs::rename(&away, &records).unwrap();
    t.wait_for("the banner to go", |s| {
        !s.contains("Cannot save") && s.contains("said while saving failed")
    });
    t.quit_meeting();
    t.wait_for("the exit", |s| s.contains("exit=0"));
    let (captured, _) = on_disk(&records);
    assert!(captured.iter().any(|c| c == "said while saving failed"));
}

#[test]
fn a_journal_lost_while_the_disk_failed_is_written_again_and_a_kill_loses_nothing() {
    let base = tempfile::tempdir().unwrap();
    let records = base.path().join("meetings");
    let t = start("lostjournal", &records);
    t.keys(&["n"]);
    t.text("before the failure");
    t.keys(&["Enter"]);
    t.wait_for("the first note", |s| {
        s.contains("before the failure") && !s.contains("Esc close")
    });
    // The folder goes away, and its journal with it (a synced folder that
    // lost a file); the meeting goes on.
    let away = base.path().join("away");
    std::fs::rename(&records, &away).unwrap();
    for file in std::fs::read_dir(&away).unwrap().filter_map(Result::ok) {
        if file.path().extension().is_some_and(|x| x == "journal") {
            std::fs::remove_file(file.path()).unwrap();
        }
    }
    t.keys(&["n"]);
    t.text("during the failure");
    t.keys(&["Enter"]);
    t.wait_for("the banner", |s| s.contains("Cannot save"));
    t.keys(&["n"]);
    t.text("half typed while failing");
    std::fs::rename(&away, &records).unwrap();
    t.wait_for("the banner to go", |s| {
        !s.contains("Cannot save") && s.contains("half typed while failing")
    });
    wait_in_journal(&records, "half typed while failing");
    let pid = t.child_pid();
    assert!(
        std::process::Command::new("kill")
            .args(["-9", &pid])
            .status()
            .unwrap()
            .success()
    );
    t.wait_for_exit(137);
    drop(t);
    let (captured, draft) = on_disk(&records);
    for said in ["before the failure", "during the failure"] {
        assert!(
            captured.iter().any(|c| c == said),
            "{said:?} lost: {captured:?}"
        );
    }
    assert_eq!(draft.as_deref(), Some("half typed while failing"));
    // And the real resume brings it all back on screen.
    let again = start("lostjournal2", &records);
    again.wait_for("the field, reopened", |s| {
        s.contains("half typed while failing")
    });
}

#[test]
fn resuming_after_the_plan_changed_says_so() {
    let base = tempfile::tempdir().unwrap();
    let plan = base.path().join("plan.toml");
    std::fs::copy(repo().join("assets/demo.toml"), &plan).unwrap();
    let records = base.path().join("meetings");
    // COLORFGBG says the background, so the terminal is not asked: on a
    // loaded machine its answer can come after the wait, be read as keys,
    // and swallow the quit below (see tui/background.rs).
    let script = format!(
        "COLORFGBG='15;0' {BIN} run {} --agenda reset-point --records {} --resume; echo exit=$?; sleep 30",
        plan.display(),
        records.display()
    );
    let t = Tmux::start("planchange", 100, 30, repo(), "sh", &["-c", &script]);
    t.wait_for("the first frame", |s| s.contains("/11 "));
    t.quit_meeting();
    t.wait_for("the exit", |s| s.contains("exit=0"));
    drop(t);
    let mut text = std::fs::read_to_string(&plan).unwrap();
    text.push_str("\n# a line added after the meeting started\n");
    std::fs::write(&plan, text).unwrap();
    let t = Tmux::start("planchange2", 100, 30, repo(), "sh", &["-c", &script]);
    // The notice is printed before the screen is taken too: wait for the
    // meeting's screen, or `q` can come while the terminal is still asked
    // its background, and be read (and lost) with the answer.
    t.wait_for("the notice on the meeting's screen", |s| {
        s.contains("The plan changed since this meeting started") && s.contains("/11 ")
    });
    t.quit_meeting();
    t.wait_for("the exit", |s| s.contains("exit=0"));
    let (paths, _) = unfinished(&records, "shipment-tracking").unwrap();
    let record: Record = toml::from_str(&std::fs::read_to_string(&paths.record).unwrap()).unwrap();
    let at_start = record
        .meeting
        .plan_sha256_at_start
        .expect("the first plan's SHA-256 is kept");
    assert_ne!(at_start, record.meeting.plan_sha256);
}

#[test]
fn a_fifo_in_the_records_folder_is_named_not_waited_on() {
    let records = tempfile::tempdir().unwrap();
    let fifo = records.path().join("2026-11-20-0900-status.toml");
    let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads a valid NUL-terminated path and nothing else.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    let script = format!(
        "{BIN} run assets/demo.toml --records {}; echo exit=$?; sleep 30",
        records.path().display()
    );
    let t = Tmux::start("fifo", 120, 30, repo(), "sh", &["-c", &script]);
    // Counted on the meeting's screen once the earlier meetings are read,
    // without the reading waiting on the FIFO; `history` names it.
    t.wait_for("the warning on the first screen", |s| {
        s.contains("/11 ") && s.contains("An earlier record could not be read")
    });
    t.quit_meeting();
    t.wait_for("the exit", |s| s.contains("exit=0"));
    let history = common::resetpoint(
        repo(),
        &[
            "history",
            "assets/demo.toml",
            "--records",
            records.path().to_str().unwrap(),
        ],
    );
    let said = String::from_utf8_lossy(&history.stderr);
    assert!(
        said.contains("2026-11-20-0900-status.toml") && said.contains("FIFO"),
        "{said}"
    );
}

#[test]
fn one_key_on_review_writes_both_minutes_beside_the_record() {
    let records = tempfile::tempdir().unwrap();
    let t = start("minutes", records.path());
    t.keys(&["Right", "Right", "Right"]);
    t.wait_for("status", |s| s.contains("4/11"));
    t.keys(&["d"]);
    t.text("Weekly reports on Thursdays");
    t.keys(&["Enter"]);
    t.keys(&["N"]);
    t.text("Ola may escalate");
    t.keys(&["Enter"]);
    for _ in 0..6 {
        t.keys(&["Right"]);
    }
    t.wait_for("review", |s| s.contains("10/11"));
    t.keys(&["m"]);
    let screen = t.wait_for("the written notice", |s| {
        s.contains("minutes-internal.html")
    });
    assert!(screen.contains("Written:"), "{screen}");
    let files: Vec<String> = std::fs::read_dir(records.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let customer = files
        .iter()
        .find(|f| f.ends_with("-minutes.md"))
        .expect("customer minutes");
    let internal = files
        .iter()
        .find(|f| f.ends_with("-minutes-internal.md"))
        .expect("internal minutes");
    let customer = std::fs::read_to_string(records.path().join(customer)).unwrap();
    let internal = std::fs::read_to_string(records.path().join(internal)).unwrap();
    assert!(customer.contains("Weekly reports on Thursdays"));
    assert!(
        !customer.contains("escalate"),
        "no private note in the customer's minutes"
    );
    assert!(internal.contains("Ola may escalate"));
}

#[test]
fn fresh_after_a_crash_first_folds_the_old_journal_into_its_record() {
    let records = tempfile::tempdir().unwrap();
    let t = start("foldold", records.path());
    t.keys(&["n"]);
    t.text("only in the journal");
    t.wait_for("the half-typed note", |s| s.contains("only in the journal"));
    wait_in_journal(records.path(), "only in the journal");
    let pid = t.child_pid();
    assert!(
        std::process::Command::new("kill")
            .args(["-9", &pid])
            .status()
            .unwrap()
            .success()
    );
    t.wait_for_exit(137);
    drop(t);
    let (old, _) = unfinished(records.path(), "shipment-tracking").unwrap();
    let script = format!(
        "{BIN} run assets/demo.toml --records {} --fresh; echo exit=$?; sleep 30",
        records.path().display()
    );
    let t = Tmux::start("foldnew", 100, 30, repo(), "sh", &["-c", &script]);
    t.wait_for("the first frame", |s| {
        s.contains("Welcome and introductions")
    });
    let record: Record = toml::from_str(&std::fs::read_to_string(&old.record).unwrap()).unwrap();
    assert!(record.meeting.ended.is_some(), "the old meeting is closed");
    assert_eq!(
        record.draft.map(|d| d.text).as_deref(),
        Some("only in the journal"),
        "with what only its journal held"
    );
    assert!(!old.journal.exists(), "its journal has done its job");
}

#[test]
fn when_nothing_will_take_the_record_it_is_printed_for_the_pm_to_save() {
    let base = tempfile::tempdir().unwrap();
    let records = base.path().join("meetings");
    let stderr = base.path().join("stderr.txt");
    // No temporary folder either: the last resort is the PM's own screen.
    let script = format!(
        "TMPDIR={}/none {BIN} run assets/demo.toml --records {} 2>{}; echo exit=$?; sleep 30",
        base.path().display(),
        records.display(),
        stderr.display()
    );
    let t = Tmux::start("printed", 100, 30, repo(), "sh", &["-c", &script]);
    t.wait_for("the first frame", |s| s.contains("/11 "));
    std::fs::rename(&records, base.path().join("away")).unwrap();
    t.keys(&["n"]);
    t.text("kept on the screen at least");
    t.keys(&["Enter"]);
    t.wait_for("the banner", |s| s.contains("Cannot save"));
    t.quit_meeting();
    let screen = t.wait_for("the exit", |s| s.contains("exit="));
    assert!(!screen.contains("exit=0"), "{screen}");
    let said = std::fs::read_to_string(&stderr).unwrap();
    assert!(said.contains("kept on the screen at least"), "{said}");
    assert!(
        said.contains("The meeting record is printed above"),
        "{said}"
    );
}
