//! The real binary in a real terminal (tmux): step through a whole
//! reset-point meeting, resize, quit, and check the terminal is given back.

use crate::tmux;

use std::path::Path;

use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const RESET_POINT_TITLES: [&str; 11] = [
    "Welcome and introductions",
    "Your view first",
    "What we heard",
    "Where the project stands",
    "Budget and spend",
    "Issues and risks",
    "How we will work together",
    "The new course of action",
    "Tasks on your side",
    "Decisions and actions, read back",
    "How confident are you?",
];

#[test]
fn a_whole_reset_point_meeting_in_a_real_terminal() {
    // Through a shell, to read the exit code; the shell stays a while so
    // tmux shows its last line before the pane closes.
    let records = tempfile::tempdir().unwrap();
    let script = format!(
        "{BIN} run assets/demo.toml --agenda reset-point --records {}; echo exit=$?; sleep 10",
        records.path().display()
    );
    let t = Tmux::start("walk", 100, 30, repo(), "sh", &["-c", &script]);
    t.wait_for("the first frame, presenting", |s| {
        s.contains("1/11") && s.contains("PRESENTING")
    });
    for (n, title) in RESET_POINT_TITLES.iter().enumerate() {
        let marker = format!("{}/11 {title}", n + 1);
        t.wait_for(&marker, |s| {
            s.lines().next().is_some_and(|l| l.contains(&marker))
        });
        assert_eq!(
            t.format("alternate_on"),
            "1",
            "the meeting runs on the alternate screen"
        );
        t.keys(&["Right"]);
    }
    // Past the end stays on the last section.
    t.wait_for("still 11/11", |s| s.contains("11/11 How confident"));

    // Back, and the agenda overlay jumps.
    t.keys(&["Left"]);
    t.wait_for("10/11", |s| s.contains("10/11 Decisions"));
    t.keys(&["g", "Up", "Up", "Up", "Up", "Up", "Enter"]);
    t.wait_for("5/11 after the jump", |s| {
        s.contains("5/11 Budget and spend")
    });

    // Resizes: smaller than 80×24 gets the notice, larger redraws in full.
    t.resize(60, 20);
    t.wait_for("the small-window notice", |s| {
        s.contains("Please make the window larger")
    });
    t.resize(80, 24);
    t.wait_for("the screen at 80x24", |s| {
        s.contains("5/11 Budget and spend") && s.contains("CPI 0.88")
    });
    t.resize(250, 70);
    t.wait_for("the screen at 250x70", |s| {
        s.contains("5/11 Budget and spend") && s.contains("Spend by month")
    });

    // Presenting is where a meeting starts; leaving it asks first, and
    // only `y` shows the PM's private view.
    t.keys(&["p"]);
    t.wait_for("the question", |s| {
        s.contains("Show internal items on this screen? y/N") && s.contains("PRESENTING")
    });
    t.keys(&["y"]);
    t.wait_for("the private view", |s| s.contains("PRIVATE VIEW"));
    t.keys(&["p"]);
    t.wait_for("presenting again", |s| s.contains("PRESENTING"));

    t.quit_meeting();
    t.wait_for("the exit code", |s| s.contains("exit="));
    assert_eq!(
        t.format("alternate_on"),
        "0",
        "the alternate screen is left"
    );
    let screen = t.screen();
    assert!(screen.contains("exit=0"), "{screen}");
}

#[test]
fn the_demo_runs_presenting_with_nothing_internal_on_screen() {
    let records = tempfile::tempdir().unwrap();
    let dir = records.path().to_str().unwrap();
    let t = Tmux::start("demo", 120, 40, repo(), BIN, &["demo", "--records", dir]);
    t.wait_for("the first frame", |s| {
        s.contains("1/11") && s.contains("PRESENTING")
    });
    t.keys(&["g", "Down", "Down", "Down", "Down", "Down", "Enter"]);
    // The whole frame, not one caught while the agenda overlay is redrawn.
    let raid = t.wait_for("issues and risks", |s| {
        s.contains("6/11 Issues and risks") && s.contains("R-2") && !s.contains("What we heard")
    });
    assert!(
        !raid.contains("IR-1"),
        "internal risk on a presenting screen:\n{raid}"
    );
    assert!(
        !raid.contains("II-1"),
        "internal issue on a presenting screen:\n{raid}"
    );
    t.quit_meeting();
    t.wait_until_exited();
    assert_eq!(t.format("alternate_on"), "0");
}

#[test]
fn sigterm_restores_the_terminal() {
    let records = tempfile::tempdir().unwrap();
    let dir = records.path().to_str().unwrap();
    let t = Tmux::start(
        "term",
        100,
        30,
        repo(),
        BIN,
        &["run", "assets/demo.toml", "--records", dir],
    );
    t.wait_for("the first frame", |s| s.contains("1/11"));
    let pid = t.format("pane_pid");
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    t.wait_until_exited();
    assert_eq!(t.format("alternate_on"), "0");
}

#[test]
fn a_bad_plan_is_reported_before_the_screen_is_taken() {
    let script = format!("{BIN} run tests/fixtures/invalid/key_typo.toml; echo exit=$?; sleep 10");
    let t = Tmux::start("bad", 100, 30, repo(), "sh", &["-c", &script]);
    let screen = t.wait_for("the exit code", |s| s.contains("exit="));
    assert!(screen.contains("error[unknown-key]"), "{screen}");
    assert!(screen.contains("did you mean `probability`?"), "{screen}");
    assert!(screen.contains("exit=1"), "{screen}");
    assert_eq!(t.format("alternate_on"), "0");
}
