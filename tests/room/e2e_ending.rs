//! The end of a meeting in a real terminal (tmux): a stray `q` asks and
//! Esc keeps the meeting on the same section; `q` at the last section asks
//! for the next meeting, then ends it, with the minutes written beside
//! the record and the next meeting in it.

use crate::tmux;

use common::DEMO_PLAN as PLAN;
use tmux::Tmux;

use crate::common;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

#[test]
fn a_stray_q_asks_esc_stays_and_the_end_books_the_next_meeting() {
    let home = tempfile::tempdir().unwrap();
    let records = home.path().join("meetings");
    let script = format!(
        "COLORFGBG='0;15' {BIN} run {PLAN} --agenda status --records {} --fresh; echo exit=$?; sleep 30",
        records.display()
    );
    let t = Tmux::start("ending", 80, 24, home.path(), "sh", &["-c", &script]);
    let first = t.wait_for("the first section", |s| s.contains(" 1/"));
    let sections: usize = first
        .split(" 1/")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("the header says how many sections");
    t.keys(&["Right", "Right"]);
    t.wait_for("the third section", |s| {
        s.contains(&format!("3/{sections}"))
    });
    t.keys(&["q"]);
    let asked = t.wait_for("the question", |s| s.contains("Leave now?"));
    assert!(
        asked
            .lines()
            .any(|l| l.contains("y: leave") && l.contains("stay")),
        "the whole question shows at 80 columns:\n{asked}"
    );
    t.keys(&["Escape"]);
    let stayed = t.wait_for("still in the meeting", |s| {
        s.contains("Still in the meeting.") && s.contains(&format!("3/{sections}"))
    });
    assert!(stayed.contains(&format!("3/{sections}")), "{stayed}");

    for _ in 3..sections {
        t.keys(&["Right"]);
    }
    t.wait_for("the last section", |s| {
        s.contains(&format!("{sections}/{sections}"))
    });
    t.keys(&["q"]);
    t.wait_for("the next meeting asked for", |s| s.contains("Ending:"));
    t.text("2099-01-15 10:00");
    t.keys(&["Enter"]);
    let screen = t.wait_for("the exit", |s| s.contains("exit="));
    assert!(screen.contains("exit=0"), "{screen}");
    assert!(screen.contains("The meeting is finished"), "{screen}");

    let names: Vec<String> = std::fs::read_dir(&records)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let record = names
        .iter()
        .find(|n| n.ends_with("-status.toml"))
        .expect("the record");
    let stem = record.trim_end_matches(".toml");
    for document in [
        "-minutes.md",
        "-minutes-internal.md",
        "-minutes.html",
        "-minutes-internal.html",
        "-next-meeting.ics",
    ] {
        let name = format!("{stem}{document}");
        assert!(
            names.contains(&name),
            "{document} beside the record: {names:?}"
        );
        // The leaving lines name every file written.
        let flat: String = screen.split_whitespace().collect();
        assert!(
            flat.contains(&name),
            "{name} not named on leaving:\n{screen}"
        );
    }
    assert!(
        screen.contains("Next meeting: Thu 15 Jan 2099, 10:00."),
        "{screen}"
    );
    let text = std::fs::read_to_string(records.join(record)).unwrap();
    assert!(text.contains("next = \"2099-01-15 10:00\""), "{text}");
    assert!(text.contains("ended = "), "{text}");
}
