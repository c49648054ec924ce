//! In the room, at 80×24: a point off the topic parked with `l`, a section
//! skipped with `S` (asked, with its reason), both on disk at once, and
//! both in the minutes written when the meeting ends.

use crate::tmux;

use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

#[test]
fn a_parked_point_and_a_skipped_section_are_on_disk_and_in_the_minutes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.toml"),
        include_str!("../../assets/demo.toml"),
    )
    .unwrap();
    let records = dir.path().join("meetings");
    let script =
        format!("{BIN} run plan.toml --agenda status --records meetings; echo exit=$?; sleep 30");
    let t = Tmux::start("park", 80, 24, dir.path(), "sh", &["-c", &script]);
    let header =
        |marker: &'static str| move |s: &str| s.lines().next().is_some_and(|l| l.contains(marker));
    t.wait_for("the first frame", header("1/8"));
    t.keys(&["Right", "Right"]);
    t.wait_for("where the project stands", header("3/8"));

    t.keys(&["l"]);
    t.wait_for("the parking field", |s| s.contains("Parked for later"));
    t.text("Depot Wi-Fi in Søren's warehouse @ola");
    t.keys(&["Enter"]);
    crate::common::wait_for_journal(&records, "Depot Wi-Fi in Søren's warehouse");
    t.wait_for("the point in the capture pane", |s| {
        s.contains("L-1 parked: Depot Wi-Fi")
    });

    t.keys(&["Right"]);
    t.wait_for("the budget", header("4/8"));
    t.keys(&["S"]);
    t.wait_for("the question, and what its keys do", |s| {
        s.contains("Skip this section: why?") && s.contains("Enter skip the section  Esc keep it")
    });
    t.text("sent by email on Friday");
    t.keys(&["Enter"]);
    t.wait_for("the next section, and why", |s| {
        header("5/8")(s) && s.contains("Skipped: Budget and spend.")
    });
    crate::common::wait_for_journal(&records, "sent by email on Friday");

    // The end of the meeting writes the minutes.
    t.keys(&["Right", "Right", "Right"]);
    t.wait_for("the last section", header("8/8"));
    t.keys(&["q"]);
    t.wait_for("the end's question", |s| {
        s.contains("when is the next meeting")
    });
    t.keys(&["Enter"]);
    let screen = t.wait_for("the exit code", |s| s.contains("exit="));
    assert!(screen.contains("exit=0"), "{screen}");
    drop(t);

    let minutes = std::fs::read_dir(&records)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("-minutes.md"))
        .expect("the customer's minutes beside the record");
    let text = std::fs::read_to_string(minutes).unwrap();
    assert!(
        text.contains("- Skipped: Budget and spend (sent by email on Friday)"),
        "{text}"
    );
    assert!(
        text.contains("**L-1** Depot Wi-Fi in Søren's warehouse — Ola Nordmann"),
        "{text}"
    );
}
