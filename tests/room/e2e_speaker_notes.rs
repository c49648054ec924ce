//! Speaker notes with the real binary: a meeting on an 80×24 laptop and its
//! projector (`follow`) in two tmux terminals. The notes show on the laptop
//! in the private view only, at the foot of their section, and the
//! projector never shows them, whatever the laptop shows.

use crate::tmux;

use std::path::Path;

use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

/// The note for the listen section; its words are on no other screen.
const NOTE: &str = "Let Søren finish; do not defend October";

fn start(name: &str, runtime: &Path, dir: &Path, args: &str, width: u16, height: u16) -> Tmux {
    let script = format!(
        "XDG_RUNTIME_DIR={} {BIN} {args}; echo exit=$?; sleep 30",
        runtime.display()
    );
    Tmux::start(name, width, height, dir, "sh", &["-c", &script])
}

/// Wait for `ready` on the projector, failing at once if a screen on the
/// way shows the note.
fn projected(t: &Tmux, what: &str, ready: impl Fn(&str) -> bool) -> String {
    t.wait_for(what, |s| {
        assert!(
            !s.contains("Søren finish"),
            "the note on the projector:\n{s}"
        );
        assert!(!s.contains("Your notes"), "notes on the projector:\n{s}");
        ready(s)
    })
}

#[test]
fn speaker_notes_are_on_the_laptop_in_private_view_and_never_on_the_projector() {
    let runtime = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let plan = format!(
        "{}\n[speaker_notes]\nlisten = \"{NOTE}.\"\n",
        include_str!("../../assets/demo.toml")
    );
    std::fs::write(dir.path().join("plan.toml"), plan).unwrap();
    let projector = start(
        "projector",
        runtime.path(),
        dir.path(),
        "follow plan.toml",
        100,
        30,
    );
    projected(&projector, "waiting for the meeting", |s| {
        s.contains("Waiting for the meeting")
    });
    let laptop = start(
        "laptop",
        runtime.path(),
        dir.path(),
        "run plan.toml --agenda reset-point",
        80,
        24,
    );
    laptop.wait_for("the first frame and its projector", |s| {
        s.contains("1/11") && s.contains("projector: 1")
    });
    // Presenting on the laptop: the listen section without its note.
    laptop.keys(&["Right"]);
    let presenting = laptop.wait_for("the listen section, presenting", |s| {
        s.contains("2/11") && s.contains("PRESENTING")
    });
    assert!(!presenting.contains("Søren finish"), "{presenting}");
    projected(&projector, "the listen section", |s| {
        s.contains("2/11 · YOUR VIEW FIRST")
    });
    // The private view: the note at the foot of the section.
    laptop.keys(&["p"]);
    laptop.wait_for("the note in the private view", |s| {
        s.contains("PRIVATE VIEW") && s.contains("Your notes: Let Søren finish")
    });
    // The projector is redrawn by what the customer says next, and still
    // holds no note.
    laptop.keys(&["n"]);
    laptop.text("Weekly calls from now on");
    laptop.keys(&["Enter"]);
    projected(&projector, "the public note", |s| {
        s.contains("Weekly calls from now on")
    });
    // The next section has no note of its own.
    laptop.keys(&["Right"]);
    // A frame is drawn top to bottom: a capture taken mid-frame can hold
    // the header of the new one over the foot of the old, so the wait is
    // for the whole frame without the note (it times out if it stays).
    laptop.wait_for("section 3, private, without a note", |s| {
        s.contains("3/11") && s.contains("Captured here") && !s.contains("Your notes")
    });
    projected(&projector, "section 3", |s| s.contains("3/11"));
    laptop.quit_meeting();
    laptop.wait_for("the exit", |s| s.contains("exit=0"));
}
