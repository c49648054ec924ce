//! Drawing a meeting's screen headless, as the tests of every screen do.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use resetpoint::meeting::Meeting;
use resetpoint::tui::background::Background;
use resetpoint::tui::config;
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

/// What the loop spends on a frame of `m` at 100×30: drawing it, and the
/// customer-safe projection it publishes to `follow` screens; the median
/// of 31 frames.
pub fn frame_cost(m: &Meeting) -> std::time::Duration {
    use ratatui::widgets::Widget as _;
    let config = config::load(None, false, false).unwrap();
    let theme = Theme {
        palette: config.palette,
    };
    let area = ratatui::layout::Rect::new(0, 0, 100, 30);
    let mut times: Vec<std::time::Duration> = (0..31)
        .map(|_| {
            let started = std::time::Instant::now();
            let view = View {
                meeting: m,
                theme: &theme,
                keymap: &config.keymap,
            };
            let mut buffer = ratatui::buffer::Buffer::empty(area);
            (&view).render(area, &mut buffer);
            std::hint::black_box(resetpoint::meeting::Shared::presenting(m));
            started.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}
