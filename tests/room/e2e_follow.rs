//! `follow` with the real binary, in two tmux terminals: the follower
//! waits for the meeting, shows the section the facilitator is on and what
//! the customer said, never what was typed privately; when the facilitator
//! is killed it waits for the meeting to come back, and follows it again
//! after `run --resume`; when the facilitator quits it says the meeting
//! has ended. With `--no-wait` and no meeting, it says so and exits 1.

use crate::tmux;

use std::path::Path;

use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

/// Typed only into private and internal fields.
const MARK: &str = "ZQX";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `resetpoint ARGS` in a terminal of its own, with its own socket folder.
fn start(name: &str, runtime: &Path, args: &str, width: u16, height: u16) -> Tmux {
    let script = format!(
        "XDG_RUNTIME_DIR={} {BIN} {args}; echo exit=$?; sleep 30",
        runtime.display()
    );
    Tmux::start(name, width, height, repo(), "sh", &["-c", &script])
}

fn facilitator(name: &str, runtime: &Path, records: &Path) -> Tmux {
    let args = format!(
        "run assets/demo.toml --agenda reset-point --records {} --resume",
        records.display()
    );
    start(name, runtime, &args, 120, 35)
}

/// What the room never sees on the projector: a sign that something is
/// typed privately, a key hint or coaching meant for the PM, the PM's
/// note of when an item was raised.
const NOT_FOR_THE_ROOM: [&str; 7] = [
    "typing privately",
    "masked",
    "Private note",
    "Enter:",
    "Reminder",
    "Listen to understand",
    "not yet in the plan",
];

/// Wait for `ready` on the follower, failing at once if any screen seen
/// on the way shows the marker, or anything not for the room.
fn wait_safe(t: &Tmux, what: &str, ready: impl Fn(&str) -> bool) -> String {
    t.wait_for(what, |s| {
        assert!(!s.contains(MARK), "{MARK} on the projector ({what}):\n{s}");
        for words in NOT_FOR_THE_ROOM {
            assert!(
                !s.contains(words),
                "{words:?} on the projector ({what}):\n{s}"
            );
        }
        ready(s)
    })
}

#[test]
fn the_projector_follows_the_meeting_and_never_shows_private_things() {
    let runtime = tempfile::tempdir().unwrap();
    let records = tempfile::tempdir().unwrap();
    let projector = start(
        "follower",
        runtime.path(),
        "follow assets/demo.toml",
        100,
        30,
    );
    wait_safe(&projector, "waiting for the meeting", |s| {
        s.contains("Waiting for the meeting of assets/demo.toml to start")
    });

    let pm = facilitator("facilitator", runtime.path(), records.path());
    pm.wait_for("the facilitator's first frame and its projector", |s| {
        s.contains("1/11") && s.contains("projector: 1")
    });
    wait_safe(&projector, "the welcome", |s| s.contains("1/11 · WELCOME"));

    // The listen section: an answer the customer gave, then a private note
    // and an internal risk typed while the projector shows the section.
    pm.keys(&["Right"]);
    wait_safe(&projector, "section 2", |s| {
        s.contains("2/11 · YOUR VIEW FIRST")
    });
    pm.keys(&["Enter"]);
    pm.text("Scanner drops worry us most");
    pm.keys(&["Enter"]);
    wait_safe(&projector, "the answer", |s| {
        s.contains("Scanner drops worry us most")
    });
    pm.keys(&["N"]);
    pm.text(&format!("{MARK} they will walk if March slips"));
    pm.wait_for("the private field, masked on the PM's own screen", |s| {
        s.contains("masked while presenting")
    });
    pm.keys(&["Enter"]);
    // The next public words show on the projector; no screen on the way
    // showed a sign of the private note.
    pm.keys(&["n"]);
    pm.text("Weekly calls from now on");
    pm.keys(&["Enter"]);
    wait_safe(&projector, "the public note", |s| {
        s.contains("Weekly calls from now on")
    });
    pm.keys(&["R"]);
    pm.text(&format!("{MARK} margin below the floor @sam p:3 i:4"));
    pm.keys(&["Enter"]);
    pm.wait_for("the field to close", |s| {
        !s.contains("masked while presenting")
    });
    // The PM's own screen goes private without a question: a screen follows.
    pm.keys(&["p"]);
    pm.wait_for("the private view", |s| s.contains("PRIVATE VIEW"));
    pm.keys(&["Right", "Right", "Right", "Right"]);
    wait_safe(&projector, "section 6", |s| {
        s.contains("6/11 · ISSUES AND RISKS")
    });
    let seen = wait_safe(&projector, "the same screen", |s| s.contains("Open issues"));
    assert!(
        !seen.contains("Margin on this account"),
        "an internal plan risk:\n{seen}"
    );
    // The projector's own size: too small, then wide, redrawn each time.
    projector.resize(60, 20);
    wait_safe(&projector, "the small-window notice", |s| {
        s.contains("larger")
    });
    projector.resize(130, 40);
    wait_safe(&projector, "the wide screen", |s| {
        s.contains("6/11 · ISSUES AND RISKS") && s.lines().any(|l| l.chars().count() > 110)
    });

    // Killed: the follower keeps the last screen and waits.
    let pid = pm.child_pid();
    let killed = std::process::Command::new("kill")
        .args(["-9", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    wait_safe(&projector, "waiting for the meeting to come back", |s| {
        s.contains("Waiting for the meeting to come back") && s.contains("6/11")
    });
    drop(pm);

    // Resumed: the follower is back on the section, private things still out.
    let pm = facilitator("resumed", runtime.path(), records.path());
    pm.wait_for("the resumed meeting", |s| {
        s.contains("6/11") && s.contains("projector: 1")
    });
    wait_safe(&projector, "the resumed meeting", |s| {
        s.contains("6/11 · ISSUES AND RISKS") && !s.contains("come back")
    });
    pm.keys(&["Left"]);
    wait_safe(&projector, "section 5", |s| s.contains("5/11"));

    // Quit before the end: the meeting is left to resume; the screen says it ended.
    pm.quit_meeting();
    wait_safe(&projector, "the end", |s| {
        s.contains("The meeting has ended.")
    });
    pm.wait_for("the facilitator to exit", |s| s.contains("exit=0"));
    projector.keys(&["q"]);
    projector.wait_for("the follower to exit", |s| s.contains("exit=0"));
}

#[test]
fn with_no_wait_and_no_meeting_it_says_so_and_exits_1() {
    let runtime = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(BIN)
        .args(["follow", "--no-wait", "assets/demo.toml"])
        .current_dir(repo())
        .env("XDG_RUNTIME_DIR", runtime.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("no meeting is running for assets/demo.toml"),
        "{said}"
    );
    assert_eq!(said.lines().count(), 1, "{said}");
    // The folder the facilitator and followers share is the user's alone.
    use std::os::unix::fs::PermissionsExt as _;
    let folder = runtime.path().join("resetpoint");
    let mode = std::fs::metadata(&folder).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
}

#[test]
fn a_plan_that_is_not_there_is_named() {
    let out = std::process::Command::new(BIN)
        .args(["follow", "--no-wait", "no-such-plan.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no plan at no-such-plan.toml"));
}

#[test]
fn a_meeting_of_another_version_is_named_in_one_line() {
    use resetpoint::share::place::{MeetingName, key_of};
    use std::io::Write as _;
    let runtime = tempfile::tempdir().unwrap();
    let folder = runtime.path().join("resetpoint");
    std::fs::create_dir(&folder).unwrap();
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700)).unwrap();
    let name = MeetingName {
        plan: key_of("a later plan"),
        records: key_of("a later folder"),
    };
    // A facilitator from a later resetpoint: its first line is version 2.
    let listener = std::os::unix::net::UnixListener::bind(folder.join(name.file_name())).unwrap();
    let later = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        stream.write_all(b"{\"v\":2,\"screen\":{}}\n").unwrap();
    });
    let projector = start("other-version", runtime.path(), "follow", 100, 30);
    let screen = projector.wait_for("the follower to exit", |s| s.contains("exit="));
    later.join().unwrap();
    assert!(screen.contains("exit=1"), "{screen}");
    let said: Vec<&str> = screen.lines().filter(|l| l.contains("version")).collect();
    assert_eq!(said.len(), 1, "{screen}");
    assert!(
        said[0].contains("version 2") && said[0].contains("version 1"),
        "{screen}"
    );
}

#[test]
fn b_blanks_the_projector_and_b_again_brings_it_back() {
    let runtime = tempfile::tempdir().unwrap();
    let records = tempfile::tempdir().unwrap();
    let projector = start(
        "blank-follower",
        runtime.path(),
        "follow assets/demo.toml",
        100,
        30,
    );
    let pm = facilitator("blank-facilitator", runtime.path(), records.path());
    pm.wait_for("the projector", |s| s.contains("projector: 1"));
    wait_safe(&projector, "the welcome", |s| s.contains("1/11 · WELCOME"));
    pm.keys(&["b"]);
    pm.wait_for("the PM told the projector is blank", |s| {
        s.contains("PROJECTOR BLANK")
    });
    let blank = wait_safe(&projector, "the blank projector", |s| {
        !s.contains("WELCOME") && s.contains("Shipment Tracking Rebuild")
    });
    assert!(
        blank.contains("Shipment Tracking Rebuild"),
        "the title alone:\n{blank}"
    );
    assert!(!blank.contains("1/11") && !blank.contains("┌"), "{blank}");
    pm.keys(&["b"]);
    wait_safe(&projector, "the meeting again", |s| {
        s.contains("1/11 · WELCOME")
    });
    pm.quit_meeting();
    pm.wait_for("the facilitator to exit", |s| s.contains("exit=0"));
}

#[test]
fn with_several_meetings_running_follow_asks_which() {
    let runtime = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let demo = std::fs::read_to_string(repo().join("assets/demo.toml")).unwrap();
    let mut meetings = Vec::new();
    for (n, project) in ["Harbour Cranes Upgrade", "Depot Scanners Rollout"]
        .iter()
        .enumerate()
    {
        let plan = home.path().join(format!("plan{n}.toml"));
        std::fs::write(
            &plan,
            demo.replace(
                "name = \"Shipment Tracking Rebuild\"",
                &format!("name = \"{project}\""),
            ),
        )
        .unwrap();
        let records = home.path().join(format!("meetings{n}"));
        let args = format!(
            "run {} --agenda status --records {} --fresh",
            plan.display(),
            records.display()
        );
        let pm = start(&format!("several-{n}"), runtime.path(), &args, 100, 30);
        pm.wait_for("the meeting", |s| s.contains(project));
        meetings.push(pm);
    }
    // Another meeting starting never looked like a projector to the first.
    let first = meetings[0].screen();
    assert!(!first.contains("projector:"), "{first}");

    let projector = start("several-follower", runtime.path(), "follow", 100, 30);
    let asked = projector.wait_for("the question", |s| s.contains("Its number, then Enter"));
    assert!(
        asked.contains("1  Harbour Cranes Upgrade — status"),
        "{asked}"
    );
    assert!(
        asked.contains("2  Depot Scanners Rollout — status"),
        "{asked}"
    );
    projector.text("2");
    projector.keys(&["Enter"]);
    // The question stays on screen until the follower takes it: wait for
    // the meeting there first, then hold every screen to the room's rules.
    projector.wait_for("the second meeting", |s| {
        s.contains("Depot Scanners Rollout") && s.contains(" · ") && !s.contains("Its number")
    });
    wait_safe(&projector, "the second meeting, as the room sees it", |s| {
        s.contains("Depot Scanners Rollout")
    });
    meetings[1].wait_for("its projector", |s| s.contains("projector: 1"));
    for pm in &meetings {
        pm.quit_meeting();
    }
}

#[test]
fn with_several_running_and_no_terminal_to_ask_on_each_is_named() {
    let runtime = tempfile::tempdir().unwrap();
    let folder = runtime.path().join("resetpoint");
    std::fs::create_dir(&folder).unwrap();
    std::fs::set_permissions(&folder, std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
    for (n, project) in ["Harbour Cranes Upgrade", "Depot Scanners Rollout"]
        .iter()
        .enumerate()
    {
        let socket = folder.join(format!("{n:012x}-{:012x}.sock", n + 7));
        std::fs::write(&socket, "").unwrap();
        let about = format!(
            "{{\"plan\":\"/plans/p{n}.toml\",\"project\":\"{project}\",\"agenda\":\"status\",\"started\":\"2026-12-0{}T09:00:00Z\",\"pid\":{}}}",
            n + 1,
            std::process::id()
        );
        std::fs::write(socket.with_extension("about"), about).unwrap();
    }
    let out = std::process::Command::new(BIN)
        .arg("follow")
        .env("XDG_RUNTIME_DIR", runtime.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("2 meetings are running"), "{said}");
    assert!(said.contains("resetpoint follow /plans/p0.toml"), "{said}");
    assert!(said.contains("Depot Scanners Rollout — status"), "{said}");
}

#[test]
fn a_sensitive_answer_never_reaches_the_projector() {
    let runtime = tempfile::tempdir().unwrap();
    let records = tempfile::tempdir().unwrap();
    let projector = start(
        "sensitive-follower",
        runtime.path(),
        "follow assets/demo.toml",
        100,
        30,
    );
    let pm = facilitator("sensitive-facilitator", runtime.path(), records.path());
    pm.wait_for("the projector", |s| s.contains("projector: 1"));
    pm.keys(&["Right"]);
    wait_safe(&projector, "section 2", |s| {
        s.contains("2/11 · YOUR VIEW FIRST")
    });
    // The fourth question asks about people on our team: its answer is
    // typed masked and is for our management only.
    pm.keys(&["Down", "Down", "Down", "Enter"]);
    pm.wait_for("the masked answer field", |s| {
        s.contains("Sensitive answer")
    });
    pm.text(&format!("{MARK} the tech lead misses every call"));
    pm.keys(&["Enter"]);
    pm.keys(&["Up", "Up", "Up", "Enter"]);
    pm.text("Status is clearer now");
    pm.keys(&["Enter"]);
    wait_safe(&projector, "the public answer", |s| {
        s.contains("Status is clearer now")
    });
    pm.quit_meeting();
}
