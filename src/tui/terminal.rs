//! Taking the terminal and giving it back, for the meeting and for
//! `follow` alike: raw mode and the alternate screen, a writer that sends
//! each frame in one write, and a panic hook and a guard that put the
//! terminal back however the screen ends.

use std::io::{self, BufWriter, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// The terminal a screen is drawn on. A frame is gathered in memory and
/// sent in one write: standard output's own writer takes its lock and
/// looks for a line's end at each of the thousands of escapes and letters
/// a frame is sent as, and sends it in 1 KiB pieces.
pub type Screen = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Room for a whole frame of a large terminal (a frame sends only what
/// changed; the first, every cell that is not blank: 6 KiB at 120 × 40).
const FRAME_BYTES: usize = 32 * 1024;

/// Puts the terminal back (bracketed paste, raw mode, alternate screen,
/// cursor) however the loop ends: return, error or panic.
pub struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        leave_terminal();
    }
}

/// Whether a screen has the terminal, so nothing else sends it escapes.
static TERMINAL_TAKEN: AtomicBool = AtomicBool::new(false);

/// Undo everything a screen did to the terminal. Does nothing when none
/// took it, and nothing the second time.
pub fn leave_terminal() {
    if TERMINAL_TAKEN.swap(false, Ordering::SeqCst) {
        let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableBracketedPaste);
        // Not `restore`: it prints its failure, and printing to a terminal
        // that is gone would fail again.
        let _ = ratatui::try_restore();
    }
}

/// Take the terminal again after a suspend: raw mode, the alternate
/// screen and bracketed paste, as [`init_terminal`] and the loop set them.
pub fn take_terminal() -> io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(
        io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::event::EnableBracketedPaste
    )?;
    TERMINAL_TAKEN.store(true, Ordering::SeqCst);
    Ok(())
}

/// The terminal, raw and on the alternate screen, and a panic hook that
/// gives it back before the message is printed (as `ratatui::init` does).
pub fn init_terminal() -> io::Result<Screen> {
    static HOOKED: std::sync::Once = std::sync::Once::new();
    HOOKED.call_once(|| {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            leave_terminal();
            hook(info);
        }));
    });
    crossterm::terminal::enable_raw_mode()?;
    TERMINAL_TAKEN.store(true, Ordering::SeqCst);
    let screen = crossterm::execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen)
        .and_then(|()| {
            let frames = BufWriter::with_capacity(FRAME_BYTES, io::stdout());
            Terminal::new(CrosstermBackend::new(frames))
        });
    if screen.is_err() {
        // Given back at once: nothing else would.
        leave_terminal();
    }
    screen
}
