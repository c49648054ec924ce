//! In the room, at 80×24: the customer accepts their task with Enter on
//! the tasks screen, and the help we agreed with it is taken with `o` on
//! the same row; it is an action of ours from then on (`actions --side us`).

use crate::tmux;

use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

#[test]
fn the_help_agreed_with_an_accepted_task_is_an_action_of_ours() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml");
    std::fs::write(&plan, include_str!("../../assets/demo.toml")).unwrap();
    let records = dir.path().join("meetings");
    let script = format!(
        "{BIN} run plan.toml --agenda reset-point --records meetings; echo exit=$?; sleep 30"
    );
    let t = Tmux::start("help", 80, 24, dir.path(), "sh", &["-c", &script]);
    let header =
        |marker: &'static str| move |s: &str| s.lines().next().is_some_and(|l| l.contains(marker));
    t.wait_for("the first frame", header("1/11"));
    t.keys(&["Right"; 8]);
    t.wait_for("the tasks screen", header("9/11"));

    t.keys(&["Enter"]);
    t.wait_for("the acceptance, and how to add our help", |s| {
        s.contains("accepts CT-1") && s.contains("o: the help we agreed")
    });
    t.keys(&["o"]);
    t.wait_for("the help's field", |s| {
        s.contains("Our help with this task")
    });
    t.text("a workshop with Søren's team on Thursday @priya due:2026-12-10");
    t.keys(&["Enter"]);
    crate::common::wait_for_journal(&records, "Our help with CT-1: a workshop with Søren's team");
    t.wait_for("the help in the capture pane", |s| {
        s.contains("Our help with")
    });
    t.quit_meeting();
    let screen = t.wait_for("the exit code", |s| s.contains("exit="));
    assert!(screen.contains("exit=0"), "{screen}");
    drop(t);

    let out = crate::common::resetpoint(
        dir.path(),
        &[
            "actions",
            "plan.toml",
            "--records",
            "meetings",
            "--side",
            "us",
        ],
    );
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(
        listed.contains("Our help with CT-1: a workshop with Søren's team on Thursday"),
        "{listed}"
    );
    assert!(listed.contains("Priya Raman"), "{listed}");
}
