//! The titled, bordered panel every screen and overlay draws in.

use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};

use crate::tui::theme::Theme;

/// A titled panel with a border.
pub fn panel(title: &str, theme: &Theme) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.muted())
        .title(Span::styled(format!(" {title} "), theme.heading()))
}
