//! Listen: one question at a time, and a reminder to listen, not solve.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Ctx, panel};

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let questions = &ctx.meeting.section().questions;
    let at = ctx.meeting.selected.min(questions.len().saturating_sub(1));
    let [question, list, reminder] = Layout::vertical([
        Constraint::Length(6),
        Constraint::Min(3),
        Constraint::Length(3),
    ])
    .areas(area);
    let title = format!("Question {} of {}", at + 1, questions.len());
    let text = questions.get(at).map_or_else(String::new, |q| ctx.plain(q));
    Paragraph::new(Line::styled(
        text,
        ctx.theme.title().add_modifier(Modifier::BOLD),
    ))
    .wrap(Wrap { trim: false })
    .block(panel(&title, ctx.theme))
    .render(question, buf);
    let lines: Vec<Line> = questions
        .iter()
        .enumerate()
        .map(|(n, q)| {
            let marker = if n == at { "▶ " } else { "  " };
            let style = if n == at {
                ctx.theme.heading()
            } else {
                ctx.theme.muted()
            };
            Line::from(vec![
                Span::styled(marker, ctx.theme.accent()),
                Span::styled(ctx.plain(q), style),
            ])
        })
        .collect();
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(panel("All questions", ctx.theme))
        .render(list, buf);
    Paragraph::new(Line::styled(
        "Listen to understand, not to respond. Solutions wait until after the playback.",
        ctx.theme.muted().add_modifier(Modifier::ITALIC),
    ))
    .wrap(Wrap { trim: false })
    .block(panel("Reminder", ctx.theme))
    .render(reminder, buf);
}
