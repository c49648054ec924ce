//! A terminal that is gone: its window closed or its pseudo-terminal
//! deleted, with or without a hangup signal. Reads from it then fail or see
//! the end (and the event reader would spin on them), and a message written
//! to it would only fail. The loops look once a second and leave as on a
//! hangup: the meeting is saved as it goes, so nothing is lost.

use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once standard input, output and error point at /dev/null.
static LET_GO: AtomicBool = AtomicBool::new(false);

/// Whether the terminal on standard input or output has hung up (and so
/// was let go of).
pub fn terminal_gone() -> bool {
    LET_GO.load(Ordering::SeqCst)
        || [libc::STDIN_FILENO, libc::STDOUT_FILENO]
            .into_iter()
            .any(|fd| {
                let mut look = libc::pollfd {
                    fd,
                    events: 0,
                    revents: 0,
                };
                // SAFETY: one valid pollfd, and a timeout of 0: nothing waits.
                let ready = unsafe { libc::poll(&mut look, 1, 0) };
                ready == 1 && look.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
            })
}

/// Point standard input, output and error at /dev/null, so what is said on
/// the way out (where the meeting is saved, what to run next) goes nowhere
/// instead of failing, and the program leaves whole rather than aborting.
pub fn let_go() {
    let Ok(null) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")
    else {
        return;
    };
    for fd in [libc::STDIN_FILENO, libc::STDOUT_FILENO, libc::STDERR_FILENO] {
        // SAFETY: both descriptors are open; dup2 replaces `fd` atomically.
        unsafe { libc::dup2(null.as_raw_fd(), fd) };
    }
    LET_GO.store(true, Ordering::SeqCst);
}

/// Lets go of a gone terminal when a loop ends, before the terminal is
/// put back and dropped (both write to it, and ratatui prints when that
/// fails): declare it after them, so it is dropped first.
pub struct LetGoIfGone;

impl Drop for LetGoIfGone {
    fn drop(&mut self) {
        if terminal_gone() {
            let_go();
        }
    }
}
