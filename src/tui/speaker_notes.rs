//! What the PM means to say in the section on screen (the plan's speaker
//! notes), at the foot of the section on the laptop's private view only:
//! the screen that presents, the projector and the follower's bytes never
//! hold them (their copy of the plan has none).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::theme::Theme;
use super::widgets::split::rows;
use super::widgets::wrap::wrap_indented;
use crate::agenda::speaker_notes;
use crate::meeting::Shared;

/// The most rows the notes take: the section keeps the rest of the screen.
const MOST_ROWS: usize = 3;

/// Draw the notes at the foot of `area` when this screen may show them;
/// the room left above them for the section.
pub fn render(shown: &Shared, theme: &Theme, area: Rect, buf: &mut Buffer) -> Rect {
    if shown.presenting {
        return area;
    }
    let section = shown.section();
    let Some(notes) = speaker_notes(&shown.plan, shown.agenda, shown.current, section.kind) else {
        return area;
    };
    let line = Line::from(vec![
        Span::styled("Your notes: ", theme.heading()),
        Span::styled(notes.to_owned(), theme.muted()),
    ]);
    // Two cells spare on each line for the mark of notes cut short.
    let mut lines = wrap_indented(&line, usize::from(area.width).saturating_sub(2), 2);
    let room = MOST_ROWS.min(usize::from(area.height / 4)).max(1);
    if lines.len() > room {
        lines.truncate(room);
        if let Some(last) = lines.last_mut() {
            last.spans.push(Span::styled(" …", theme.muted()));
        }
    }
    let [rest, foot] = rows(
        area,
        [Constraint::Min(1), Constraint::Length(lines.len() as u16)],
    );
    Paragraph::new(lines).render(foot, buf);
    rest
}
