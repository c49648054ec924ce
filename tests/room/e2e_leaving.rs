//! Two meetings in a row through the real binary in tmux: a status meeting
//! left unfinished says how to resume it, and the command it prints works;
//! ended, it names its record and the `minutes` command, which works too;
//! `history` counts the broken promise; the reset-point meeting after it
//! reviews the action left open.

use crate::tmux;

use std::path::Path;
use std::process::Command;

use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

/// A folder holding the demo plan under a name with a space (so commands
/// must quote it) and `bin/resetpoint`, so printed commands run as printed.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("our plan.toml"),
        include_str!("../../assets/demo.toml"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("bin")).unwrap();
    std::os::unix::fs::symlink(BIN, dir.path().join("bin/resetpoint")).unwrap();
    dir
}

fn shell(dir: &Path, command: &str) -> String {
    format!(
        "PATH={}/bin:$PATH; {command}; echo exit=$?; sleep 30",
        dir.display()
    )
}

/// Run `command` (a shell line) in a fresh terminal in `dir`.
fn start(name: &str, dir: &Path, command: &str) -> Tmux {
    Tmux::start(name, 120, 40, dir, "sh", &["-c", &shell(dir, command)])
}

/// The rest of the screen line that starts with `label`.
fn after(screen: &str, label: &str) -> String {
    screen
        .lines()
        .find_map(|l| l.trim_end().strip_prefix(label))
        .unwrap_or_else(|| panic!("no line starting {label:?}:\n{screen}"))
        .to_owned()
}

fn header_shows(marker: &str) -> impl Fn(&str) -> bool + '_ {
    move |s: &str| s.lines().next().is_some_and(|l| l.contains(marker))
}

#[test]
fn leaving_a_meeting_says_what_comes_next_and_the_next_meeting_follows_up() {
    let dir = folder();
    let dir = dir.path();

    // A status meeting: one action on the status screen, then q mid-way.
    let t = start(
        "first",
        dir,
        "resetpoint run 'our plan.toml' --agenda status",
    );
    t.wait_for("the status meeting", header_shows("1/8 "));
    t.keys(&["Right", "Right"]);
    t.wait_for("the status section", header_shows("3/8 "));
    t.keys(&["a"]);
    t.text("Send the revised plan @sam due:+1w");
    t.keys(&["Enter"]);
    t.wait_for("the action captured", |s| {
        s.contains("Send the revised plan")
    });
    t.quit_meeting();
    let screen = t.wait_for("the exit code", |s| s.contains("exit="));
    assert!(screen.contains("exit=0"), "{screen}");
    assert!(
        screen.contains("The meeting is not finished; it is saved in ./meetings/"),
        "{screen}"
    );
    let resume = after(&screen, "To resume it: ");
    assert_eq!(resume, "resetpoint run 'our plan.toml' --resume");
    drop(t);

    // The printed command resumes it where it was left; ended on the last section.
    let t = start("resumed", dir, &resume);
    t.wait_for("the meeting resumed", header_shows("3/8 "));
    t.keys(&["Right", "Right", "Right", "Right", "Right"]);
    t.wait_for("the last section", header_shows("8/8 "));
    t.quit_meeting();
    let screen = t.wait_for("the exit code", |s| s.contains("exit="));
    assert!(screen.contains("exit=0"), "{screen}");
    let record = after(&screen, "The meeting is finished; its record is ");
    let record = record.strip_suffix('.').unwrap_or(&record).to_owned();
    assert!(
        record.starts_with("./meetings/") && record.ends_with("-status.toml"),
        "{screen}"
    );
    assert!(dir.join(&record).is_file(), "{record} is the record");
    let minutes = after(&screen, "For the minutes: ");
    assert_eq!(minutes, format!("resetpoint minutes {record}"));
    drop(t);

    // The minutes command runs as printed.
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("PATH={}/bin:$PATH; {minutes}", dir.display()))
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Send the revised plan"));

    // history counts the promise whose date passed undone (the demo's
    // scanner integration, promised for 27 Nov 2026) as broken.
    let out = Command::new(BIN)
        .args(["history", "our plan.toml", "--format", "json"])
        .current_dir(dir)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let status = &report["meetings"][0];
    assert!(status["promises_broken"].as_u64().unwrap() >= 1, "{report}");
    assert_eq!(
        status["promises_kept"].as_u64().unwrap() + status["promises_broken"].as_u64().unwrap(),
        status["promises_due"].as_u64().unwrap()
    );

    // The reset-point meeting after it reviews the open action after the welcome.
    let t = start(
        "second",
        dir,
        "resetpoint run 'our plan.toml' --agenda reset-point",
    );
    t.wait_for("the reset-point meeting", header_shows("1/12 Welcome"));
    t.keys(&["Right"]);
    let screen = t.wait_for("the follow-ups and the action they follow up", |s| {
        header_shows("2/12 Follow-ups from last time")(s) && s.contains("Send the revised plan")
    });
    assert!(screen.contains("Send the revised plan"), "{screen}");
    t.quit_meeting();
    let screen = t.wait_for("the exit code", |s| s.contains("exit="));
    let resume = after(&screen, "To resume it: ");
    assert_eq!(resume, "resetpoint run 'our plan.toml' --resume");
    drop(t);

    // Resumed, it keeps the follow-ups section it was started with.
    let t = start("second-resumed", dir, &resume);
    t.wait_for("the resumed follow-ups, brought back", |s| {
        header_shows("2/12 Follow-ups")(s) && s.contains("Send the revised plan")
    });
}

/// What the heat map's cell at `impact` and `probability` says.
fn map_cell(screen: &str, impact: usize, probability: usize) -> usize {
    let axis = format!("│{impact} │");
    let line = screen
        .lines()
        .find(|l| l.contains(&axis))
        .unwrap_or_else(|| panic!("no heat map row {impact}:\n{screen}"));
    let row = line.split_once(&axis).unwrap().1;
    let row = row.split('│').next().unwrap_or(row);
    // Cells read "·" when empty, else a count and the band's letter, with
    // or without a space between them ("1 H" on a wide map, "1H" narrow).
    let mut counts = Vec::new();
    let mut words = row.split_whitespace().peekable();
    while let Some(word) = words.next() {
        if word == "·" {
            counts.push(0);
            continue;
        }
        let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
        counts.push(digits.parse().unwrap_or(0));
        if digits.len() == word.len() {
            words.next(); // the band's letter, written apart
        }
    }
    counts[probability - 1]
}

#[test]
fn a_moved_date_and_a_scored_risk_are_the_latest_word_on_screen_and_in_the_minutes() {
    let dir = folder();
    let dir = dir.path();
    let t = start(
        "latest",
        dir,
        "resetpoint run 'our plan.toml' --agenda status",
    );
    t.wait_for("the status meeting", header_shows("1/8 "));
    t.keys(&["Right"]);
    t.wait_for("the follow-ups", |s| {
        header_shows("2/8 ")(s) && s.contains("CT-1")
    });
    // The customer's first task, CT-1 (due 10 Dec), moves to 8 Dec.
    t.keys(&["Enter"]);
    t.wait_for("the follow-up field", |s| s.contains("done | dropped"));
    t.text("open due:2026-12-08");
    t.keys(&["Enter"]);
    t.wait_for("the new date", |s| {
        s.contains("now due Tue 8 Dec") && s.contains("(moved from Thu 10")
    });
    t.keys(&["Right", "Right", "Right"]);
    // The header is drawn before the body: wait for the heat map itself.
    let before = t.wait_for("the raid screen and its heat map", |s| {
        header_shows("5/8 ")(s) && s.contains("│3 │")
    });
    let counted = map_cell(&before, 3, 4);
    t.keys(&["r"]);
    t.wait_for("a risk field", |s| s.contains("New risk"));
    t.text("Label printers short @priya p:4 i:3");
    t.keys(&["Enter"]);
    let raid = t.wait_for("the risk in the list by score", |s| {
        s.lines()
            .any(|l| l.contains("Label printers") && l.contains("12 HIGH"))
    });
    assert_eq!(map_cell(&raid, 3, 4), counted + 1, "{raid}");
    t.keys(&["Right"]);
    let tasks = t.wait_for("the tasks screen", header_shows("6/8 "));
    let ct1 = tasks.lines().find(|l| l.contains("CT-1")).unwrap();
    assert!(ct1.contains("8 Dec") && !ct1.contains("10 Dec"), "{tasks}");
    t.keys(&["Right", "Right"]);
    t.wait_for("the last section", header_shows("8/8 "));
    t.quit_meeting();
    let screen = t.wait_for("the exit code", |s| s.contains("exit="));
    let minutes = after(&screen, "For the minutes: ");
    drop(t);
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("PATH={}/bin:$PATH; {minutes}", dir.display()))
        .current_dir(dir)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("still open, new date Tue 8 Dec 2026 (moved from Thu 10 Dec 2026)"),
        "{text}"
    );
    assert!(
        text.contains("Label printers short — Priya Raman, score 12 (high"),
        "{text}"
    );
}
