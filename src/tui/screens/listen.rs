//! Listen: one question at a time, and a reminder to listen, not solve.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::Ctx;

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let questions = &ctx.shown.section().questions;
    let at = ctx.shown.selected.min(questions.len().saturating_sub(1));
    let title = ctx.hinted(
        &format!("Question {} of {}", at + 1, questions.len()),
        "Enter: their answer",
    );
    let asked = questions.get(at);
    let text = asked.map_or_else(String::new, |q| ctx.plain(q));
    let asked_line = Line::styled(text, ctx.theme.title().add_modifier(Modifier::BOLD));
    let answers = answers_to(ctx, asked)
        .into_iter()
        .flat_map(|answer| super::quoted(answer, "", ""))
        .map(|line| vec![Line::raw(line)]);
    // An answer's wrapped lines stand one in, under the text after its
    // opening quote mark; the question's own start at the border.
    let question = ctx
        .list(&title, 1)
        .row_indented(vec![asked_line], 0)
        .rows(answers);
    let lines: Vec<Vec<Line>> = questions
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
            vec![Line::from(vec![
                Span::styled(marker, ctx.theme.accent()),
                Span::styled(ctx.plain(q), style),
                Span::styled(answered, ctx.theme.accent()),
            ])]
        })
        .collect();
    let list = ctx
        .list("All questions", 2)
        .scrolled(0, &ctx.keymap.first_label(crate::meeting::Action::Down))
        .selected(Some(at))
        .rows(lines);
    let reminder = ctx.list("Reminder", 0).row(vec![Line::styled(
        "Listen to understand, not to respond. Solutions wait until after the playback.",
        ctx.theme.muted().add_modifier(Modifier::ITALIC),
    )]);
    // The question and its answers take what the list and the reminder
    // leave. The reminder coaches the PM: never on the projector, where
    // its rows go to the answers.
    let w = area.width;
    let list_height = list.height(w).min(area.height / 2);
    let reminder_height = if ctx.projector { 0 } else { reminder.height(w) };
    let [question_area, list_area, reminder_area] = Layout::vertical([
        Constraint::Min(4),
        Constraint::Length(list_height),
        Constraint::Length(reminder_height),
    ])
    .areas(area);
    question.render(question_area, buf);
    list.render(list_area, buf);
    if !ctx.projector {
        reminder.render(reminder_area, buf);
    }
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
            crate::meeting::Capture::Answer {
                question: q, text, ..
            } if q == question => Some(text.as_str()),
            _ => None,
        })
        .collect()
}
