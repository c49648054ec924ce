//! Listen: one question at a time, and a reminder to listen, not solve.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Ctx, panel};
use crate::tui::view::rows_high;

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let questions = &ctx.shown.section().questions;
    let at = ctx.shown.selected.min(questions.len().saturating_sub(1));
    let [question, list, reminder] = Layout::vertical([
        Constraint::Min(4),
        Constraint::Length(rows_high(questions.len(), 2)),
        Constraint::Length(3),
    ])
    .areas(area);
    let title = format!(
        "Question {} of {} — Enter: their answer",
        at + 1,
        questions.len()
    );
    let asked = questions.get(at);
    let text = asked.map_or_else(String::new, |q| ctx.plain(q));
    let mut lines = vec![Line::styled(
        text,
        ctx.theme.title().add_modifier(Modifier::BOLD),
    )];
    for answer in answers_to(ctx, asked) {
        lines.extend(super::quoted(answer, "", "").into_iter().map(Line::raw));
    }
    Paragraph::new(lines)
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
            let count = answers_to(ctx, Some(q)).len();
            let answered = if count > 0 {
                format!("  ({count} answered)")
            } else {
                String::new()
            };
            Line::from(vec![
                Span::styled(marker, ctx.theme.accent()),
                Span::styled(ctx.plain(q), style),
                Span::styled(answered, ctx.theme.accent()),
            ])
        })
        .collect();
    Paragraph::new(lines)
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

/// The answers captured in this section to `question`.
fn answers_to<'a>(ctx: &'a Ctx, question: Option<&String>) -> Vec<&'a str> {
    let Some(question) = question else {
        return Vec::new();
    };
    ctx.shown
        .captures
        .iter()
        .filter(|c| c.section == ctx.shown.current)
        .filter_map(|c| match &c.what {
            crate::meeting::Capture::Answer { question: q, text } if q == question => {
                Some(text.as_str())
            }
            _ => None,
        })
        .collect()
}
