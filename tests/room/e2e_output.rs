//! Output of the real binary around a meeting carries no raw control
//! characters: the resume prompt shows a record's agenda and the records
//! path as visible escapes, and `actions` and `history` print hostile
//! titles safely.

use crate::tmux;

use std::path::Path;
use std::time::{Duration, Instant};

use resetpoint::text::is_unsafe;
use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Nothing a terminal would act on, other than line breaks.
fn assert_safe(bytes: &[u8]) {
    let text = String::from_utf8(bytes.to_vec()).expect("UTF-8 output");
    for c in text.chars() {
        assert!(
            c == '\n' || c == '\r' || !is_unsafe(c),
            "raw {c:?} in:\n{text:?}"
        );
    }
}

/// A records folder whose name holds an OSC title sequence, with the
/// fixture meeting left unfinished and its agenda holding a C1 CSI.
fn hostile_records(root: &Path) -> std::path::PathBuf {
    let dir = root.join("meet\u{1b}]0;pwned\u{7}ings");
    std::fs::create_dir(&dir).unwrap();
    let fixtures = repo().join("tests/fixtures/records");
    let stem = "2026-11-24-1400-reset-point";
    let record = std::fs::read_to_string(fixtures.join(format!("{stem}.toml")))
        .unwrap()
        .replace(
            "agenda = \"reset-point\"",
            "agenda = \"reset-point\\u009b2J\\u001b]52;c;eA==\\u0007\"",
        );
    assert!(record.contains("\\u009b"), "the fixture names its agenda");
    std::fs::write(dir.join(format!("{stem}.toml")), record).unwrap();
    std::fs::copy(
        fixtures.join(format!("{stem}.journal")),
        dir.join(format!("{stem}.journal")),
    )
    .unwrap();
    dir
}

#[test]
fn the_resume_prompt_shows_agenda_and_path_visibly() {
    let root = tempfile::tempdir().unwrap();
    let records = hostile_records(root.path());
    let prompt = root.path().join("prompt.txt");
    // A script file carries the hostile path past tmux and the shell as is.
    let script = root.path().join("run.sh");
    std::fs::write(
        &script,
        format!(
            "'{BIN}' run assets/demo.toml --records '{}' 2>'{}'\nsleep 30\n",
            records.display(),
            prompt.display()
        ),
    )
    .unwrap();
    let _t = Tmux::start(
        "resume-prompt",
        100,
        30,
        repo(),
        "sh",
        &[script.to_str().unwrap()],
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    let text = loop {
        let text = std::fs::read(&prompt).unwrap_or_default();
        if String::from_utf8_lossy(&text).contains("Resume it?") {
            break text;
        }
        assert!(
            Instant::now() < deadline,
            "no prompt; stderr so far: {:?}",
            String::from_utf8_lossy(&text)
        );
        std::thread::sleep(Duration::from_millis(30));
    };
    assert_safe(&text);
    let text = String::from_utf8(text).unwrap();
    assert!(
        text.contains("reset-point\\u{9b}2J\\u{1b}]52;c;eA==\\u{7}"),
        "{text}"
    );
    assert!(text.contains("meet\\u{1b}]0;pwned\\u{7}ings"), "{text}");
}

#[test]
fn actions_and_history_print_hostile_text_safely() {
    let root = tempfile::tempdir().unwrap();
    let records = root.path().join("records");
    std::fs::create_dir(&records).unwrap();
    let stem = "2026-11-24-1400-reset-point";
    let record = std::fs::read_to_string(
        repo().join(format!("tests/fixtures/records/{stem}.toml")),
    )
    .unwrap()
    .replace(
        "title = \"Send the revised plan\"",
        "title = \"=HYPERLINK(\\\"http://x/\\\")\\u001b]52;c;eA==\\u0007 \\u202eevil \\u009b2J\"",
    )
    .replace("agenda = \"reset-point\"", "agenda = \"reset\\u009b2J\"");
    assert!(record.contains("HYPERLINK"), "the fixture has the action");
    std::fs::write(records.join(format!("{stem}.toml")), record).unwrap();
    let plan = repo().join("assets/demo.toml");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(BIN)
            .args(args)
            .arg(&plan)
            .arg("--records")
            .arg(&records)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_safe(&out.stdout);
        assert_safe(&out.stderr);
        String::from_utf8(out.stdout).unwrap()
    };
    // Each format writes the override visibly, in its own escaping.
    for (format, shown) in [
        ("md", r"\u{202e}evil"),
        ("csv", r"\u{202e}evil"),
        ("ics", r"\\u{202e}evil"),
    ] {
        let text = run(&["actions", "--format", format]).replace("\r\n ", "");
        assert!(text.contains(shown), "{format}: {text}");
    }
    assert!(run(&["actions", "--format", "csv"]).contains(",\"'=HYPERLINK("));
    assert!(run(&["history"]).contains("reset\\u{9b}2J"));
    let json = run(&["history", "--format", "json"]);
    assert!(json.contains("reset\\u009b2J"), "{json}");
}
