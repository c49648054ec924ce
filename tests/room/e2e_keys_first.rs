//! The first keys and the first frame, in a real terminal (tmux): keys
//! typed before the first frame are kept, in order, while the terminal is
//! asked its background and answers; the first frame is drawn on a blank
//! screen, even where a killed program left its own; and keys typed
//! before a resumed meeting's half-typed field is back act on the screen
//! they were typed at, the field kept unsent.

use crate::common;
use crate::tmux;

use std::path::Path;

use common::{DEMO_PLAN as PLAN, wait_for_file, wait_for_journal};
use resetpoint::record::open::read_record;
use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

/// Runs `command` after a second, in a terminal that answers the
/// background question (tmux does when the window has a background of its
/// own), with nothing else deciding the background first.
fn in_a_white_terminal(name: &str, home: &Path, command: &str) -> Tmux {
    let script = format!(
        "sleep 1; env -u COLORFGBG -u NO_COLOR -u SSH_CONNECTION -u SSH_TTY \
         TERM=xterm-256color {command}; echo exit=$?; sleep 30"
    );
    let t = Tmux::start(name, 80, 24, home, "sh", &["-c", &script]);
    t.option("window-style", "bg=#ffffff");
    t
}

#[test]
fn keys_typed_before_the_first_frame_are_kept_while_the_terminal_answers() {
    let home = tempfile::tempdir().unwrap();
    let records = home.path().join("meetings");
    let command = format!(
        "{BIN} notes Call --customer Acme --records {} --fresh",
        records.display()
    );
    let t = in_a_white_terminal("keys-first", home.path(), &command);
    // Typed while the program is not even started: they wait in the
    // terminal, and the background question goes out after them.
    t.keys(&["n"]);
    t.text("Søren 1 ZQ");
    // (The terminal echoes them until the program starts: the field
    // itself must show them.)
    let field = t.wait_for("the note field with every key", |s| {
        s.contains("┌ Note") && s.contains("│Søren 1 ZQ")
    });
    assert!(
        !field.contains("rgb:") && !field.contains("11;"),
        "the answer was read as keys:\n{field}"
    );
    t.keys(&["Enter"]);
    t.wait_for("the note captured", |s| s.contains("Captured here (1)"));
    wait_for_journal(&records, "Søren 1 ZQ");
}

#[test]
fn the_first_frame_is_drawn_on_a_blank_screen() {
    let home = tempfile::tempdir().unwrap();
    // What a killed resetpoint leaves: the alternate screen, full of its text.
    let command = format!(
        "printf '\\033[?1049h'; i=0; while [ $i -lt 30 ]; do \
         printf 'OLD%02dSCREEN %.60s\\n' $i 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'; \
         i=$((i+1)); done; {BIN} run {PLAN} --agenda reset-point --records {} --fresh",
        home.path().join("meetings").display()
    );
    let t = in_a_white_terminal("blank-first", home.path(), &command);
    // A frame is written whole: once its last panel shows, every cell is
    // the frame's.
    let screen = t.wait_for("the first frame", |s| s.contains("Captured here"));
    assert!(
        !screen.contains("OLD"),
        "the old screen shows through:\n{screen}"
    );
    assert!(!screen.contains("SCREEN"), "{screen}");
}

#[test]
fn keys_typed_before_a_half_typed_field_is_back_act_on_the_screen_they_were_typed_at() {
    use resetpoint::meeting::{Action, Clock, Meeting, update};
    use resetpoint::plan::model::AgendaName;
    use resetpoint::record::format::Record;
    let home = tempfile::tempdir().unwrap();
    let records = home.path().join("meetings");
    std::fs::create_dir_all(&records).unwrap();
    // An unfinished status meeting on its first section, a note half typed.
    let clock = Clock::at(common::meeting_start(), jiff::tz::TimeZone::UTC);
    let mut m = Meeting::new(common::demo_plan(), AgendaName::Status, clock, false);
    m.origin.plan_path = PLAN.into();
    update(&mut m, Action::Note);
    for c in "Half typed by Zoë".chars() {
        update(
            &mut m,
            Action::Type(crossterm::event::KeyEvent::from(
                crossterm::event::KeyCode::Char(c),
            )),
        );
    }
    let path = records.join("2026-11-24-1400-status.toml");
    std::fs::write(&path, Record::of(&m).to_toml()).unwrap();
    std::fs::write(path.with_extension("journal"), "").unwrap();
    let sections = m.sections.len();

    let command = format!("{BIN} run {PLAN} --records {} --resume", records.display());
    let t = in_a_white_terminal("keys-resume", home.path(), &command);
    // Typed before anything is on screen: no field is open there.
    t.keys(&["Right"]);
    let screen = t.wait_for("the second section, the field kept aside", |s| {
        s.contains(&format!("2/{sections}"))
    });
    assert!(!screen.contains("Half typed by Zoë"), "{screen}");
    // The same field, opened again, carries on with it.
    t.keys(&["Left", "n"]);
    t.wait_for("the half-typed note back in its field", |s| {
        s.contains("Half typed by Zoë")
    });
}

/// The record is written once the first frame is drawn, not before it (so
/// the frame never waits for the disk), and before any key: a meeting
/// killed with nothing typed leaves a whole record of its start.
#[test]
fn a_fresh_meeting_is_on_disk_once_its_first_frame_is_drawn() {
    let home = tempfile::tempdir().unwrap();
    let records = home.path().join("meetings");
    let command = format!("{BIN} run {PLAN} --records {} --fresh", records.display());
    let t = in_a_white_terminal("on-disk-first", home.path(), &command);
    t.wait_for("the first frame", |s| s.contains("Why we are here"));
    let (path, record) = wait_for_file(&records, "a whole record after the first frame", |path| {
        if path.extension()? != "toml" {
            return None;
        }
        let record = read_record(path).ok()?;
        Some((path.to_path_buf(), record))
    });
    assert_eq!(record.meeting.project, "Shipment Tracking Rebuild");
    assert_eq!(record.meeting.agenda, "reset-point");
    std::process::Command::new("kill")
        .args(["-KILL", &t.child_pid()])
        .status()
        .unwrap();
    t.wait_for_exit(137);
    let left = read_record(&path).expect("the record a kill leaves reads whole");
    assert_eq!(left.meeting.project, record.meeting.project);
}
