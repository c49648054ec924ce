//! Drawing a meeting's screen headless, as the tests of every screen do.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use resetpoint::config;
use resetpoint::meeting::Meeting;
use resetpoint::tui::background::Background;
use resetpoint::tui::keymap::Keymap;
use resetpoint::tui::theme::Theme;
use resetpoint::tui::view::{View, draw};

/// The screen for `m` at `width`×`height` with the default settings,
/// drawn for a terminal of `background`.
pub fn render(
    m: &Meeting,
    width: u16,
    height: u16,
    background: Background,
) -> Terminal<TestBackend> {
    let config = config::load(None, false, false).unwrap();
    let mut theme = Theme {
        palette: config.palette,
    };
    theme.palette.background = background;
    render_with(m, &theme, &config.keymap, width, height)
}

/// The screen for `m` drawn with `theme` and `keymap`.
pub fn render_with(
    m: &Meeting,
    theme: &Theme,
    keymap: &Keymap,
    width: u16,
    height: u16,
) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let view = View {
        meeting: m,
        theme,
        keymap,
    };
    terminal.draw(|frame| draw(frame, &view)).unwrap();
    terminal
}

/// Every cell's text, row after row, with no line breaks.
pub fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    buffer.content().iter().map(|cell| cell.symbol()).collect()
}
