//! A terminal that is gone: its window closed or its pseudo-terminal
//! deleted, with or without a hangup signal. Reads from it then fail or see
//! the end, and a message written to it would only fail. The loops look
//! once a second and leave as on a hangup: the meeting is saved as it
//! goes, so nothing is lost.
//!
//! The terminal reader (crossterm 0.29) reads again at once after an end
//! of input or an error, for ever, on whichever thread asked it for a key:
//! on the loop's own thread, the loop would never look again. So a thread
//! of its own watches for the hang-up and gives standard input a pipe
//! with nothing in it; the reader then waits, and the loop goes on.

use std::os::fd::AsRawFd;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Set once standard input, output and error point at /dev/null.
static LET_GO: AtomicBool = AtomicBool::new(false);
/// Set once standard input is the quiet pipe, the terminal having hung up.
static QUIETED: AtomicBool = AtomicBool::new(false);

/// Start watching the terminal from a thread of its own (once a process).
pub fn watch() {
    static WATCHING: Once = Once::new();
    WATCHING.call_once(|| {
        let watching = std::thread::Builder::new()
            .name("terminal-watch".into())
            .spawn(|| {
                while !hung_up() {
                    std::thread::sleep(Duration::from_millis(250));
                }
                quiet_input();
            });
        // Without the watch the loop still looks at each tick.
        drop(watching);
    });
}

/// Standard input becomes a pipe that never has anything to read and never
/// ends (its writing end is kept open), so a reader that would spin on the
/// hung-up terminal waits instead.
fn quiet_input() {
    let mut ends = [0; 2];
    // SAFETY: pipe2 fills `ends` on success; dup2 replaces standard input
    // atomically; the reading end's own descriptor is closed after.
    unsafe {
        if libc::pipe2(ends.as_mut_ptr(), libc::O_CLOEXEC | libc::O_NONBLOCK) == 0 {
            libc::dup2(ends[0], libc::STDIN_FILENO);
            libc::close(ends[0]);
        }
    }
    QUIETED.store(true, Ordering::SeqCst);
}

/// Whether the terminal on standard input or output has hung up (and so
/// was let go of).
pub fn terminal_gone() -> bool {
    LET_GO.load(Ordering::SeqCst) || QUIETED.load(Ordering::SeqCst) || hung_up()
}

/// Whether the terminal on standard input or output reports a hang-up.
fn hung_up() -> bool {
    [libc::STDIN_FILENO, libc::STDOUT_FILENO]
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
    // Standard input stays the quiet pipe once it is one: /dev/null would
    // end at once, and the reader would spin on it again.
    let input = (!QUIETED.load(Ordering::SeqCst)).then_some(libc::STDIN_FILENO);
    for fd in input
        .into_iter()
        .chain([libc::STDOUT_FILENO, libc::STDERR_FILENO])
    {
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
