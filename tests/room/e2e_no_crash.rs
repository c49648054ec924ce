//! The real binary in tmux on text that used to crash it: a wide character
//! after a relative due date (and the resume that brought the crash back),
//! and a plan whose glossary term sits in text that folds to another length.

use crate::tmux;

use std::path::Path;

use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(name: &str, records: &Path) -> Tmux {
    let script = format!(
        "{BIN} run assets/demo.toml --agenda reset-point --records {} --resume; echo exit=$?; sleep 30",
        records.display()
    );
    let t = Tmux::start(name, 100, 30, repo(), "sh", &["-c", &script]);
    t.wait_for("the first frame", |s| s.contains("/11 "));
    t
}

#[test]
fn a_wide_character_after_a_relative_date_is_asked_about_and_resumes() {
    let records = tempfile::tempdir().unwrap();
    let t = run("widedue", records.path());
    t.keys(&["Right", "Right", "Right"]);
    t.wait_for("the status section", |s| s.contains("4/11"));
    t.keys(&["a"]);
    t.text("Call Ola due:+1日");
    t.keys(&["Enter"]);
    t.wait_for("the date asked about", |s| s.contains("is not a date"));
    // From `due:+1日` back to `due:`, then another unit that is no unit.
    t.keys(&["BSpace", "BSpace", "BSpace"]);
    t.text("+3é 🎉");
    t.keys(&["Enter"]);
    t.wait_for("asked again, still running", |s| {
        s.contains("due:+3é is not a date")
    });
    // Quit with the field open: Ctrl-C asks too, and y leaves; the field
    // stays a draft, to resume.
    t.keys(&["C-c"]);
    t.wait_for("the question", |s| s.contains("Leave now?"));
    t.keys(&["y"]);
    t.wait_for("the exit", |s| s.contains("exit=0"));
    drop(t);

    let t = run("widedue2", records.path());
    t.wait_for("the draft back", |s| s.contains("due:+3é"));
    t.keys(&["Enter"]);
    t.wait_for("asked, not crashed", |s| s.contains("not a date"));
    // Ctrl-C twice leaves too.
    t.keys(&["C-c"]);
    t.wait_for("the question", |s| s.contains("Leave now?"));
    t.keys(&["C-c"]);
    let screen = t.wait_for("the exit", |s| s.contains("exit="));
    assert!(screen.contains("exit=0"), "{screen}");
    assert!(!screen.contains("panicked"), "{screen}");
}

#[test]
fn a_glossary_term_after_a_kelvin_sign_draws_with_its_meaning() {
    let dir = tempfile::tempdir().unwrap();
    let demo = include_str!("../../assets/demo.toml")
        .replace(
            "in_scope = [\"Tracking web app\"",
            "in_scope = [\"\u{212A} éx İİ\", \"Tracking web app\"",
        )
        .replace(
            "glossary = { UAT",
            "glossary = { \"éx\" = \"the exchange\", Kx = \"kilo x\", UAT",
        );
    assert!(demo.contains("\u{212A} éx İİ") && demo.contains("the exchange"));
    std::fs::write(dir.path().join("plan.toml"), demo).unwrap();
    let check = std::process::Command::new(BIN)
        .args(["check", "plan.toml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "check calls it ready: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    let script = format!(
        "{BIN} run plan.toml --agenda kickoff --records {}; echo exit=$?; sleep 30",
        dir.path().join("meetings").display()
    );
    let t = Tmux::start("kelvin", 120, 40, dir.path(), "sh", &["-c", &script]);
    t.wait_for("the first frame", |s| s.contains("/8 "));
    t.keys(&["Right"]);
    // The meaning is given once, at the foot of the screen that uses it.
    t.wait_for("the scope, with the term's meaning at its foot", |s| {
        s.contains("2/8") && s.contains("Plain words: éx = the exchange")
    });
    t.quit_meeting();
    let screen = t.wait_for("the exit", |s| s.contains("exit="));
    assert!(screen.contains("exit=0"), "{screen}");
}
