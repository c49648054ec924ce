//! A pseudo-terminal of our own for the program, where what it writes
//! must be read byte for byte (tmux shows only the screen it makes of
//! them), and where the terminal can be made to go away.

use std::fs::File;
use std::io::Read;
use std::os::fd::{FromRawFd, OwnedFd};
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

/// A pseudo-terminal of 80×24: the side the program gets, and ours.
pub struct Pty {
    pub ours: File,
    theirs: OwnedFd,
}

pub fn open_pty() -> Pty {
    // SAFETY: each call is checked; the descriptors are owned once made.
    unsafe {
        // O_CLOEXEC: a program another test starts meanwhile must not hold
        // our side open.
        let ours = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC);
        assert!(ours >= 0, "no pseudo-terminal");
        assert_eq!(libc::grantpt(ours), 0);
        assert_eq!(libc::unlockpt(ours), 0);
        let mut name = [0 as libc::c_char; 128];
        assert_eq!(libc::ptsname_r(ours, name.as_mut_ptr(), name.len()), 0);
        // O_NOCTTY: never the program's controlling terminal, so closing
        // it sends no hangup: the case nothing but the program can notice.
        let theirs = libc::open(
            name.as_ptr(),
            libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC,
        );
        assert!(theirs >= 0, "the other side of the pseudo-terminal");
        let size = libc::winsize {
            ws_row: 24,
            ws_col: 80,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        libc::ioctl(theirs, libc::TIOCSWINSZ, &size);
        libc::fcntl(ours, libc::F_SETFL, libc::O_NONBLOCK);
        Pty {
            ours: File::from_raw_fd(ours),
            theirs: OwnedFd::from_raw_fd(theirs),
        }
    }
}

/// Start `args` on the pseudo-terminal, in `home` (records, runtime
/// folder). `controlling`: as the program's controlling terminal, as a
/// terminal window does: closing our side then hangs the terminal up, and
/// every read the program makes sees the end, at once and for ever.
pub fn started(pty: &Pty, home: &Path, args: &[&str], controlling: bool) -> Child {
    use std::os::unix::process::CommandExt as _;
    let side = || pty.theirs.try_clone().unwrap();
    let mut command = Command::new(BIN);
    if controlling {
        // SAFETY: setsid and ioctl are async-signal-safe, run in the child
        // between fork and exec, on its own standard input.
        unsafe {
            command.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                // The hangup signal held back, as when it comes while the
                // program is busy elsewhere: only the terminal's end of
                // input says it is gone, and the program must notice.
                let mut held: libc::sigset_t = std::mem::zeroed();
                libc::sigemptyset(&mut held);
                libc::sigaddset(&mut held, libc::SIGHUP);
                libc::sigprocmask(libc::SIG_BLOCK, &held, std::ptr::null_mut());
                Ok(())
            });
        }
    }
    command
        .args(args)
        .current_dir(home)
        .env("TERM", "xterm-256color")
        // Nothing but the terminal's answer tells the background.
        .env_remove("COLORFGBG")
        .env_remove("NO_COLOR")
        .env_remove("SSH_CONNECTION")
        .env_remove("SSH_TTY")
        .env("HOME", home)
        .env("XDG_RUNTIME_DIR", home)
        .stdin(side())
        .stdout(side())
        .stderr(side())
        .spawn()
        .unwrap()
}

/// A fresh meeting on the demo plan in `pty` (its controlling terminal
/// when `controlling`), recording into `home`/meetings.
pub fn demo_meeting(pty: &Pty, home: &Path, controlling: bool) -> Child {
    let records = home.join("meetings");
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo.toml");
    let args = [
        "run",
        plan.to_str().unwrap(),
        "--records",
        records.to_str().unwrap(),
        "--fresh",
    ];
    started(pty, home, &args, controlling)
}

/// Read what the program draws until `marker` is among it: all it drew
/// up to then, and perhaps a little after.
pub fn read_until(pty: &mut Pty, marker: &str) -> Vec<u8> {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = Vec::new();
    while Instant::now() < deadline {
        seen.extend(read_for(pty, Instant::now() + Duration::from_millis(20)));
        if String::from_utf8_lossy(&seen).contains(marker) {
            return seen;
        }
    }
    panic!(
        "{marker:?} never drawn:\n{}",
        String::from_utf8_lossy(&seen)
    );
}

/// All the program draws from now until `until`.
pub fn read_for(pty: &mut Pty, until: Instant) -> Vec<u8> {
    let mut seen = Vec::new();
    let mut buf = [0u8; 65536];
    while Instant::now() < until {
        match pty.ours.read(&mut buf) {
            Ok(n) => seen.extend_from_slice(&buf[..n]),
            Err(_) => std::thread::sleep(Duration::from_millis(5)),
        }
    }
    seen
}
