//! A workbook is never written to a terminal: typed at a shell prompt in a
//! real terminal (tmux), `actions --format xlsx` and `history --format
//! xlsx` without `-o` say how to write it and exit 2, with none of its
//! bytes on the screen; with `-o` the file is written.

use crate::meetings;
use crate::tmux;

use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

/// The code echoed as `exit N: C` (the typed command holds `$?` instead).
fn exit_code(screen: &str, n: usize) -> Option<char> {
    let marker = format!("exit {n}: ");
    screen
        .match_indices(&marker)
        .filter_map(|(at, _)| screen[at + marker.len()..].chars().next())
        .find(char::is_ascii_digit)
}

#[test]
fn a_workbook_is_refused_on_a_terminal_with_what_to_do() {
    let (dir, plan) = meetings::project();
    // A shell at a prompt, as a PM would type the command.
    let t = Tmux::start("xlsx", 150, 30, dir.path(), "env", &["PS1=ready> ", "sh"]);
    t.wait_for("the prompt", |s| s.contains("ready>"));
    for (n, (command, file)) in [("actions", "actions.xlsx"), ("history", "history.xlsx")]
        .into_iter()
        .enumerate()
    {
        t.text(&format!(
            "'{BIN}' {command} '{}' --format xlsx; echo \"exit {n}: $?\"",
            plan.display()
        ));
        t.keys(&["Enter"]);
        let screen = t.wait_for("the exit code", |s| exit_code(s, n).is_some());
        assert_eq!(exit_code(&screen, n), Some('2'), "{screen}");
        assert!(
            screen.contains(&format!(
                "a workbook is not for the terminal: write it to a file with -o {file}"
            )),
            "{screen}"
        );
        assert!(
            !screen.contains("PK"),
            "no zip bytes on the screen: {screen}"
        );
        assert!(!dir.path().join(file).exists(), "nothing written unasked");
    }
    t.text(&format!(
        "'{BIN}' actions '{}' --format xlsx -o actions.xlsx; echo \"exit 2: $?\"",
        plan.display()
    ));
    t.keys(&["Enter"]);
    let screen = t.wait_for("the exit code", |s| exit_code(s, 2).is_some());
    assert_eq!(exit_code(&screen, 2), Some('0'), "{screen}");
    let bytes = std::fs::read(dir.path().join("actions.xlsx")).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip, as every xlsx is");
}
