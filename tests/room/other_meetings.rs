//! Starting a meeting never touches another one running on this machine:
//! a connection to a meeting's socket is a follower to it (its header
//! would say "projector: 1", and `p` would leave presenting without
//! asking), so a new meeting tells a socket left by a killed meeting from
//! a live one by the process its `.about` names, never by connecting.

use std::os::unix::fs::DirBuilderExt as _;
use std::os::unix::net::UnixListener;
use std::path::Path;

use resetpoint::share::place::{About, MeetingName, key_of, write_about};

use crate::tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

#[test]
fn starting_a_meeting_never_connects_to_one_already_running() {
    let home = tempfile::tempdir().unwrap();
    let runtime = home.path().join("runtime");
    let folder = runtime.join("resetpoint");
    std::fs::DirBuilder::new()
        .mode(0o700)
        .recursive(true)
        .create(&folder)
        .unwrap();
    // A meeting already running: this test's own process, listening.
    let name = MeetingName {
        plan: key_of("/plans/other.toml"),
        records: key_of("/plans/other-meetings"),
    };
    let socket = folder.join(name.file_name());
    let running = UnixListener::bind(&socket).unwrap();
    running.set_nonblocking(true).unwrap();
    let about = About {
        plan: "/plans/other.toml".into(),
        project: "Other project".into(),
        agenda: "status".into(),
        started: jiff::Timestamp::now(),
        pid: std::process::id(),
    };
    write_about(&socket, &about).unwrap();

    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo.toml");
    let script = format!(
        "XDG_RUNTIME_DIR={} {BIN} run {} --records {} --fresh; echo exit=$?; sleep 30",
        runtime.display(),
        plan.display(),
        home.path().join("meetings").display()
    );
    let t = Tmux::start(
        "other-meetings",
        100,
        30,
        home.path(),
        "sh",
        &["-c", &script],
    );
    t.wait_for("the new meeting, its earlier meetings read", |s| {
        s.contains("1/11") && !s.contains("Reading the earlier meetings")
    });
    // The new meeting's own socket is up: its start-up is over.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while std::fs::read_dir(&folder).unwrap().count() < 4 {
        assert!(
            std::time::Instant::now() < deadline,
            "the new meeting's socket and its .about never appeared"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(
        matches!(running.accept(), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock),
        "the new meeting connected to the one already running"
    );
    assert!(
        socket.exists(),
        "the running meeting's socket was left alone"
    );
    t.quit_meeting();
}
