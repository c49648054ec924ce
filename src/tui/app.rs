//! The loop: draw when something changed, wait for a key, a resize, the
//! one-second clock or a signal, turn keys into actions, apply them, carry
//! out the effects. The terminal is always given back as it was found.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{Event, EventStream, KeyEventKind};
use futures_util::StreamExt as _;
use ratatui::DefaultTerminal;
use tokio::signal::unix::{SignalKind, signal};

use super::theme::Theme;
use super::view::{View, draw};
use crate::config::Config;
use crate::meeting::{Action, Effect, Meeting, update};

/// Puts the terminal back (bracketed paste, raw mode, alternate screen,
/// cursor) however the loop ends: return, error or panic.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        leave_terminal();
    }
}

/// Whether the runner has the terminal, so nothing else sends it escapes.
static TERMINAL_TAKEN: AtomicBool = AtomicBool::new(false);

/// Undo everything the runner did to the terminal. Does nothing when the
/// runner never took it, and nothing the second time.
pub fn leave_terminal() {
    if TERMINAL_TAKEN.swap(false, Ordering::SeqCst) {
        let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableBracketedPaste);
        ratatui::restore();
    }
}

/// Run the meeting full screen until the PM quits or a signal arrives.
pub fn run(meeting: Meeting, config: Config) -> io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run_loop(meeting, config))
}

async fn run_loop(mut meeting: Meeting, config: Config) -> io::Result<()> {
    // Signals first, so a SIGTERM during start-up still restores the terminal.
    let mut terminate = signal(SignalKind::terminate())?;
    let mut hangup = signal(SignalKind::hangup())?;
    let mut interrupt = signal(SignalKind::interrupt())?;
    // `init` chains a panic hook that restores the terminal before the
    // message is printed.
    let mut terminal: DefaultTerminal = ratatui::init();
    TERMINAL_TAKEN.store(true, Ordering::SeqCst);
    let _restore = Restore;
    crossterm::execute!(io::stdout(), crossterm::event::EnableBracketedPaste)?;
    let theme = Theme {
        palette: config.palette,
    };
    let mut events = EventStream::new();
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut dirty = true;
    loop {
        if dirty {
            let view = View {
                meeting: &meeting,
                theme: &theme,
                keymap: &config.keymap,
            };
            terminal.draw(|frame| draw(frame, &view))?;
            dirty = false;
        }
        let action = tokio::select! {
            event = events.next() => match event {
                Some(Ok(Event::Key(key))) if key.kind != KeyEventKind::Release => {
                    config.keymap.action_for(&key)
                }
                Some(Ok(Event::Resize(_, _))) => {
                    dirty = true;
                    None
                }
                Some(Ok(_)) => None,
                Some(Err(e)) => return Err(e),
                None => return Ok(()),
            },
            _ = tick.tick() => Some(Action::Tick(jiff::Timestamp::now())),
            _ = terminate.recv() => return Ok(()),
            _ = hangup.recv() => return Ok(()),
            _ = interrupt.recv() => return Ok(()),
        };
        let Some(action) = action else { continue };
        dirty = true;
        if update(&mut meeting, action).contains(&Effect::Quit) {
            return Ok(());
        }
    }
}
