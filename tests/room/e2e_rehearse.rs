//! A rehearsal of the demo plan through the real binary in tmux: the
//! header says REHEARSAL, `c` deals a card, the PM answers it, sees the
//! prepared answer in private view and marks it; at the end the pacing
//! report is the last screen, is printed on exit and is written beside
//! the record under `meetings/rehearsals/`, where `history --rehearsals`
//! finds it.

use crate::tmux;

use std::path::Path;

use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

fn header_shows(marker: &str) -> impl Fn(&str) -> bool + '_ {
    move |s: &str| s.lines().next().is_some_and(|l| l.contains(marker))
}

fn files_in(dir: &Path, ending: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|listing| {
            listing
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(ending))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_rehearsal_deals_a_card_and_ends_with_its_pacing_report() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    std::fs::write(
        dir.join("plan.toml"),
        include_str!("../../assets/demo.toml"),
    )
    .unwrap();
    let config = dir.join("config.toml");
    std::fs::write(&config, "background = \"dark\"\n").unwrap();
    // A follow folder of its own: no screen following another meeting on
    // this machine can attach to this one and change how `p` behaves.
    let runtime = tempfile::tempdir().unwrap();
    let command = format!(
        "XDG_RUNTIME_DIR={} {BIN} rehearse plan.toml --seed 1 --config {}; echo exit=$?; sleep 30",
        runtime.path().display(),
        config.display()
    );
    let t = Tmux::start("rehearse", 120, 40, dir, "sh", &["-c", &command]);
    let screen = t.wait_for("the rehearsal", header_shows("1/11 "));
    assert!(
        screen
            .lines()
            .nth(1)
            .is_some_and(|l| l.contains("REHEARSAL")),
        "{screen}"
    );
    t.keys(&["Right"]);
    t.wait_for("the listen section", header_shows("2/11 "));
    t.keys(&["c"]);
    t.wait_for("a card dealt", |s| s.contains("The customer says:"));
    t.text("We missed it, and here is the new date");
    t.keys(&["Enter"]);
    // A rehearsal starts in the private view: the prepared answer shows.
    t.wait_for("the answer taken, and the prepared one beside it", |s| {
        s.contains("You said: “We missed it, and here is the new date”")
            && s.contains("Prepared answer:")
    });
    t.keys(&["w"]);
    t.wait_for("the card marked", |s| s.contains("Card marked needs work."));
    for _ in 0..9 {
        t.keys(&["Right"]);
    }
    t.wait_for("the last section", header_shows("11/11 "));
    t.keys(&["q"]);
    t.wait_for("the pacing report on screen", |s| {
        s.contains("Rehearsal pacing") && s.contains("Cards: 0 handled, 1 needs work.")
    });
    t.keys(&["q"]);
    let screen = t.wait_for("the exit", |s| s.contains("exit="));
    assert!(screen.contains("exit=0"), "{screen}");
    assert!(
        screen.contains("Cards: 0 handled, 1 needs work."),
        "{screen}"
    );
    assert!(
        screen.contains("The pacing report is in ./meetings/rehearsals/"),
        "{screen}"
    );
    assert!(screen.contains("The rehearsal is finished"), "{screen}");

    let rehearsals = dir.join("meetings/rehearsals");
    let reports = files_in(&rehearsals, "-pacing.md");
    assert_eq!(reports.len(), 1, "{reports:?}");
    let report = std::fs::read_to_string(rehearsals.join(&reports[0])).unwrap();
    assert!(report.starts_with("# Rehearsal pacing: Shipment Tracking Rebuild"));
    assert!(report.contains("- **needs work:**"), "{report}");
    assert!(report.contains("We missed it, and here is the new date"));
    assert_eq!(
        files_in(&rehearsals, ".toml").len(),
        1,
        "the record beside it"
    );
    assert!(
        files_in(&dir.join("meetings"), ".toml").is_empty(),
        "nothing among the live meetings"
    );

    let out = std::process::Command::new(BIN)
        .args(["history", "plan.toml", "--rehearsals"])
        .current_dir(dir)
        .output()
        .unwrap();
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(listed.contains("reset-point"), "{listed}");
}

/// One seeded rehearsal in `dir`: a card dealt on the listen screen,
/// answered and marked with `mark` (`w` needs work, `h` handled), then
/// straight to the end. What the terminal shows once it has exited.
fn rehearse_once(dir: &Path, name: &str, mark: &str) -> String {
    let runtime = tempfile::tempdir().unwrap();
    let command = format!(
        "XDG_RUNTIME_DIR={} {BIN} rehearse plan.toml --seed 1; echo exit=$?; sleep 30",
        runtime.path().display(),
    );
    let t = Tmux::start(name, 120, 60, dir, "sh", &["-c", &command]);
    t.wait_for("the rehearsal", header_shows("1/11 "));
    t.keys(&["Right"]);
    t.wait_for("the listen section", header_shows("2/11 "));
    t.keys(&["c"]);
    t.wait_for("a card dealt", |s| s.contains("The customer says:"));
    t.text("We missed it, and here is the new date");
    t.keys(&["Enter"]);
    t.wait_for("the answer taken", |s| s.contains("Prepared answer:"));
    t.keys(&[mark]);
    t.wait_for("the card marked", |s| s.contains("Card marked"));
    for _ in 0..9 {
        t.keys(&["Right"]);
    }
    t.wait_for("the last section", header_shows("11/11 "));
    t.keys(&["q"]);
    t.wait_for("the pacing report on screen", |s| {
        s.contains("Rehearsal pacing")
    });
    t.keys(&["q"]);
    t.wait_for("the exit", |s| s.contains("exit="))
}

#[test]
fn a_second_rehearsal_of_the_agenda_is_set_beside_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    std::fs::write(
        dir.join("plan.toml"),
        include_str!("../../assets/demo.toml"),
    )
    .unwrap();
    let first = rehearse_once(dir, "rehearse-first", "w");
    assert!(first.contains("exit=0"), "{first}");
    assert!(
        !first.contains("Since the rehearsal of"),
        "nothing before it:\n{first}"
    );

    let second = rehearse_once(dir, "rehearse-second", "h");
    assert!(second.contains("exit=0"), "{second}");
    assert!(second.contains("Since the rehearsal of"), "{second}");
    assert!(
        second.contains("Cards needing work: then 1, now 0."),
        "{second}"
    );
    assert!(second.contains("Questions not asked: then "), "{second}");
    // The projection then and now; each section's own times are checked
    // against a scripted clock in tests/documents/rehearsal_pacing.rs.
    assert!(second.contains("Projected then "), "{second}");
    let rehearsals = dir.join("meetings/rehearsals");
    let mut reports = files_in(&rehearsals, "-pacing.md");
    reports.sort();
    assert_eq!(reports.len(), 2, "{reports:?}");
    let written: Vec<String> = reports
        .iter()
        .map(|r| std::fs::read_to_string(rehearsals.join(r)).unwrap())
        .collect();
    assert_eq!(
        written
            .iter()
            .filter(|r| r.contains("## Since the rehearsal of"))
            .count(),
        1,
        "only the second report compares:\n{written:?}"
    );
}
