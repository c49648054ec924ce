//! The facilitator's side of `follow`: a follower that connects late gets
//! the screen at once; a follower that reads nothing never holds the
//! meeting up and is let go; the socket is the user's alone (0600, and a
//! peer of another user id is refused); a socket left by a killed
//! facilitator is cleaned up, one still answered on is never taken over.

use std::io::{BufRead as _, BufReader, Read as _};
use std::os::unix::fs::PermissionsExt as _;
use std::os::unix::net::{UnixListener, UnixStream};

use jiff::tz::TimeZone;
use resetpoint::meeting::{Action, Clock, Meeting, update};
use resetpoint::plan::load_bytes;
use resetpoint::plan::model::AgendaName;
use resetpoint::share::protocol::{self, Incoming};
use resetpoint::share::publisher::Publisher;

const DEMO: &str = include_str!("../../assets/demo.toml");

fn meeting() -> Meeting {
    let plan = load_bytes("demo.toml", DEMO.as_bytes()).plan.unwrap();
    let start = "2026-11-24T14:00:00Z".parse().unwrap();
    Meeting::new(
        plan,
        AgendaName::ResetPoint,
        Clock::at(start, TimeZone::UTC),
        true,
    )
}

fn first_screen(stream: UnixStream) -> Box<resetpoint::meeting::Shared> {
    let mut line = String::new();
    BufReader::new(stream).read_line(&mut line).unwrap();
    match protocol::read_line(&line) {
        Ok(Incoming::Screen(shared)) => shared,
        other => panic!("not a screen: {other:?}"),
    }
}

#[test]
fn a_follower_that_connects_late_gets_the_screen_as_it_stands() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("m.sock");
    let mut m = meeting();
    let publisher = Publisher::start_at(socket.clone()).unwrap();
    for _ in 0..3 {
        update(&mut m, Action::NextSection);
        publisher.publish(&m);
    }
    // At once: the screen as it stands (or, if the publisher thread is
    // still encoding the newest, the one before it and then the newest).
    let follower = BufReader::new(UnixStream::connect(&socket).unwrap());
    let shown: Vec<usize> = follower
        .lines()
        .map(|l| match protocol::read_line(&l.unwrap()) {
            Ok(Incoming::Screen(shared)) => shared.current,
            other => panic!("not a screen: {other:?}"),
        })
        .take_while(|&n| n != 3)
        .collect();
    assert!(shown.iter().all(|&n| n < 3), "{shown:?}");
    assert!(
        shown.len() <= 3,
        "only the newest screens are sent: {shown:?}"
    );
}

#[test]
fn the_socket_is_the_users_alone_and_goes_when_the_meeting_ends() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("m.sock");
    let mut publisher = Publisher::start_at(socket.clone()).unwrap();
    let mut counts = publisher.follower_counts().unwrap();
    let mode = std::fs::metadata(&socket).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let mut follower = UnixStream::connect(&socket).unwrap();
    assert_eq!(counts.blocking_recv(), Some(1));
    publisher.finish();
    assert!(!socket.exists(), "the socket is taken away at the end");
    let mut said = String::new();
    follower.read_to_string(&mut said).unwrap();
    assert_eq!(
        said,
        protocol::ended_line(),
        "the follower is told it ended"
    );
}

#[test]
fn a_socket_left_by_a_killed_facilitator_is_cleaned_up() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("m.sock");
    // Bound and dropped: the file stays, nobody answers, as after kill -9.
    drop(UnixListener::bind(&socket).unwrap());
    assert!(socket.exists());
    let publisher = Publisher::start_at(socket.clone()).unwrap();
    publisher.publish(&meeting());
    assert_eq!(
        first_screen(UnixStream::connect(&socket).unwrap()).current,
        0
    );
}

#[test]
fn a_socket_still_answered_on_is_never_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("m.sock");
    let first = Publisher::start_at(socket.clone()).unwrap();
    let second = Publisher::start_at(socket.clone());
    assert!(second.is_err(), "a second publisher took the socket");
    first.publish(&meeting());
    assert_eq!(
        first_screen(UnixStream::connect(&socket).unwrap()).current,
        0
    );
}

#[test]
fn a_follower_that_reads_nothing_never_holds_the_meeting_up() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("m.sock");
    let mut m = meeting();
    let mut publisher = Publisher::start_at(socket.clone()).unwrap();
    let mut counts = publisher.follower_counts().unwrap();
    // Connected, then never read: like a follower stopped with SIGSTOP.
    let stalled = UnixStream::connect(&socket).unwrap();
    assert_eq!(counts.blocking_recv(), Some(1));
    // Far more than the socket's buffer holds; each publish returns at once.
    let sections = m.sections.len();
    for n in 0..2_000 {
        update(&mut m, Action::JumpTo(n % sections));
        publisher.publish(&m);
    }
    // A healthy follower still gets the latest screen, at once or next.
    let healthy = BufReader::new(UnixStream::connect(&socket).unwrap());
    let latest = healthy
        .lines()
        .find_map(|line| match protocol::read_line(&line.unwrap()) {
            Ok(Incoming::Screen(shared)) if shared.current == m.current => Some(shared),
            _ => None,
        });
    assert!(latest.is_some());
    // The meeting goes on; once the stalled one's buffer is full and a
    // line has waited too long for it, it is let go.
    let mut n = 0;
    loop {
        match counts.try_recv() {
            Ok(0) => break,
            Ok(_) | Err(tokio::sync::mpsc::error::TryRecvError::Empty) => {}
            Err(e) => panic!("the publisher stopped: {e}"),
        }
        n += 1;
        update(&mut m, Action::JumpTo(n % sections));
        publisher.publish(&m);
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    drop(stalled);
}

/// A peer of another user id is refused: as root, connect as `nobody`
/// through a folder and socket opened to everyone for the test, so only
/// the peer check stands in the way.
#[test]
fn a_peer_of_another_user_is_refused() {
    // SAFETY: geteuid(2) has no preconditions.
    if unsafe { libc::geteuid() } != 0 || !std::path::Path::new("/usr/bin/python3").exists() {
        // Only root can connect as someone else; `place`'s unit tests check
        // the uid comparison itself.
        eprintln!("skipped: needs root and /usr/bin/python3");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let socket = dir.path().join("m.sock");
    let mut publisher = Publisher::start_at(socket.clone()).unwrap();
    let mut counts = publisher.follower_counts().unwrap();
    publisher.publish(&meeting());
    std::fs::set_permissions(&socket, std::fs::Permissions::from_mode(0o777)).unwrap();
    let read_all = "import socket,sys\ns=socket.socket(socket.AF_UNIX)\ns.connect(sys.argv[1])\ndata=b''\nwhile True:\n    b=s.recv(65536)\n    if not b: break\n    data+=b\nprint(len(data))";
    let path = socket.to_str().unwrap().to_owned();
    let run = move |uid: Option<u32>| {
        let mut command = std::process::Command::new("/usr/bin/python3");
        command.args(["-c", read_all, &path]);
        if let Some(uid) = uid {
            use std::os::unix::process::CommandExt as _;
            command.uid(uid).gid(uid);
        }
        command.output().unwrap()
    };
    // The same user gets the screen (then the end, below); nobody gets nothing.
    let nobody = run(Some(65534));
    assert!(
        nobody.status.success(),
        "{}",
        String::from_utf8_lossy(&nobody.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&nobody.stdout).trim(), "0");
    let me = std::thread::spawn(move || run(None));
    // Counted in only once the peer check let it through.
    assert_eq!(counts.blocking_recv(), Some(1));
    publisher.finish();
    let me = me.join().unwrap();
    let got: usize = String::from_utf8_lossy(&me.stdout).trim().parse().unwrap();
    assert!(got > 1000, "the same user got {got} bytes");
}
