//! "Did you mean …?" in a real terminal: `@Sorn` for Søren Ødegård asks in
//! one line that fits at 80 columns; Enter makes Søren the owner, on disk;
//! keeping the name as typed, a guest, is the deliberate Tab. Ctrl-U
//! clears a field's line.

use crate::common;
use crate::tmux;

use std::path::Path;

use common::{DEMO_PLAN, wait_for_journal};
use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

/// The demo plan with Søren Ødegård among the customer's people.
fn plan_with_soren(dir: &Path) -> std::path::PathBuf {
    let mut plan = std::fs::read_to_string(DEMO_PLAN).unwrap();
    plan.push_str(
        "\n[[people]]\nid = \"soren\"\nname = \"Søren Ødegård\"\nside = \"customer\"\nrole = \"Vendor manager\"\n",
    );
    let path = dir.join("plan.toml");
    std::fs::write(&path, plan).unwrap();
    path
}

/// Open an action, type `line`, press Enter, and wait for the question.
fn ask_about(t: &Tmux, line: &str) -> String {
    t.keys(&["a"]);
    t.wait_for("the action field", |s| s.contains("┌ Action"));
    t.text(line);
    t.wait_for("the line typed", |s| s.contains(line));
    t.keys(&["Enter"]);
    t.wait_for("the question", |s| s.contains("@Sorn is not in the plan."))
}

#[test]
fn enter_takes_the_person_offered_and_tab_keeps_a_guest() {
    let home = tempfile::tempdir().unwrap();
    let plan = plan_with_soren(home.path());
    let records = home.path().join("meetings");
    let script = format!(
        "{BIN} run {} --agenda reset-point --records {} --fresh; echo exit=$?; sleep 30",
        plan.display(),
        records.display()
    );
    let t = Tmux::start("did-you-mean", 80, 24, home.path(), "sh", &["-c", &script]);
    t.wait_for("the first frame", |s| s.contains("Captured here"));

    let screen = ask_about(&t, "Call the vendor @Sorn");
    // The whole question on one row of 80 columns, both keys on it.
    let asked = "@Sorn is not in the plan. Enter: Søren Ødegård · Tab: Sorn as a guest";
    assert!(
        screen.lines().any(|row| row.trim_end() == asked),
        "the question is cut:\n{screen}"
    );
    t.keys(&["Enter"]);
    wait_for_journal(
        &records,
        r#"title: "Call the vendor", owner: Some("soren")"#,
    );

    ask_about(&t, "Book the room @Sorn");
    t.keys(&["Tab"]);
    wait_for_journal(&records, r#"title: "Book the room", owner: Some("Sorn")"#);
    t.wait_for("both saved", |s| s.contains("Captured here (2)"));

    // Ctrl-U clears the line, in the real terminal as in a shell.
    t.keys(&["a"]);
    t.wait_for("the action field", |s| s.contains("┌ Action"));
    t.text("wrong words");
    t.wait_for("the line typed", |s| s.contains("│wrong words"));
    t.keys(&["C-u"]);
    t.wait_for("the line cleared", |s| {
        s.contains("┌ Action") && !s.contains("wrong words") && !s.contains("wrong word")
    });
    t.keys(&["Escape"]);
    t.wait_for("the field closed", |s| !s.contains("┌ Action"));
    t.quit_meeting();
}
