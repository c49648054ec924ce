//! What a rehearsal adds to the screen: the pushback card on the table,
//! drawn over the top of the section, and the pacing report, the last
//! screen. Both are plain functions of what the screen may show.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::theme::Theme;
use super::widgets::panel::panel;
use super::widgets::wrap::{wrap_all, wrap_indented};
use crate::export::rehearsal::pacing::minutes_seconds;
use crate::export::rehearsal::pacing::{Pacing, jargon_line, said};
use crate::meeting::Action;
use crate::meeting::shared::CardFace;
use crate::plan::model::Rag;
use crate::tui::keymap::Keymap;

/// The card over the section's `area` (the field for the answer and the
/// capture pane stay in view).
pub fn render_card(card: &CardFace, keymap: &Keymap, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines = vec![
        Line::styled("The customer says:", theme.muted()),
        Line::styled(
            format!("“{}”", card.says),
            theme.heading().add_modifier(Modifier::BOLD),
        ),
        Line::raw(""),
    ];
    match &card.answered {
        None => lines.push(Line::styled(
            "Answer in the field below — or say it aloud and press Enter on the empty field. The prepared answer shows once you have answered.",
            theme.muted(),
        )),
        Some(typed) => {
            let you = if typed.trim().is_empty() {
                "You answered aloud.".to_owned()
            } else {
                format!("You said: “{typed}”")
            };
            lines.push(Line::raw(you));
            match &card.prepared {
                Some(prepared) => {
                    lines.push(Line::from(vec![
                        Span::styled("Prepared answer: ", theme.accent()),
                        Span::raw(prepared.clone()),
                    ]));
                }
                None => lines.push(Line::styled(
                    format!(
                        "Prepared answer: hidden while presenting — {} shows it on your screen.",
                        keymap.first_label(Action::Presenting)
                    ),
                    theme.rag(Rag::Amber),
                )),
            }
            lines.push(Line::from(vec![
                Span::styled(keymap.first_label(Action::CardHandled), theme.accent()),
                Span::styled(" handled   ", theme.muted()),
                Span::styled(keymap.first_label(Action::CardNeedsWork), theme.accent()),
                Span::styled(" needs work", theme.muted()),
            ]));
        }
    }
    let lines = wrap_all(&lines, width.max(1));
    // The whole section's area: the card is what the PM answers now, and
    // a part-covered panel under it would read as broken.
    let box_area = area;
    Clear.render(box_area, buf);
    let title = if card.by_itself {
        "Pushback card — half the section's time has gone"
    } else {
        "Pushback card"
    };
    let block = panel(title, theme).border_style(theme.rag(Rag::Amber));
    let inner = block.inner(box_area);
    block.render(box_area, buf);
    Paragraph::new(lines).render(inner, buf);
}

/// The pacing report over the whole body: the totals first, across the
/// top; then the time of each section on the left, and on the right the
/// cards needing work, the plain words and what was left out. `scroll`
/// rows of both columns are scrolled past.
pub fn render_pacing(
    pacing: &Pacing,
    scroll: usize,
    keymap: &Keymap,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    Clear.render(area, buf);
    let hint = format!(
        " {} ends the rehearsal · {} goes back · printed and saved on exit ",
        keymap.first_label(Action::Quit),
        keymap.first_label(Action::Close)
    );
    let block = panel("Rehearsal pacing", theme)
        .border_style(theme.accent())
        .title_bottom(Line::styled(hint, theme.muted()));
    let inner = block.inner(area);
    block.render(area, buf);
    let total = if pacing.overrun_seconds > 0 {
        theme.rag(Rag::Red)
    } else {
        theme.rag(Rag::Green)
    };
    let top = wrap_all(
        &[
            Line::styled(pacing.total_line(), total.add_modifier(Modifier::BOLD)),
            Line::styled(pacing.cards_line(), theme.heading()),
        ],
        usize::from(inner.width).max(1),
    );
    let top_height = u16::try_from(top.len())
        .unwrap_or(u16::MAX)
        .min(inner.height);
    let [summary, _, columns] = Layout::vertical([
        Constraint::Length(top_height),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    Paragraph::new(top).render(summary, buf);
    let [time, rest] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(columns);
    let mut left = vec![Line::styled(
        "Spent / timebox  (▲ over, ~ skimmed, × skipped)",
        theme.heading(),
    )];
    for s in &pacing.sections {
        let (rag, mark, spent) = if s.skipped {
            (Rag::Grey, "×", "skip".to_owned())
        } else if !s.rehearsed {
            (Rag::Grey, " ", "—".to_owned())
        } else if s.skimmed {
            (Rag::Amber, "~", minutes_seconds(s.seconds))
        } else if s.over_seconds() >= 60 {
            (Rag::Red, "▲", minutes_seconds(s.seconds))
        } else {
            (Rag::Green, " ", minutes_seconds(s.seconds))
        };
        // Said by the mark and the dash too, not by colour alone.
        let line = Line::styled(
            format!(
                "{mark} {spent:>5} / {:<5} {}",
                minutes_seconds(s.planned_seconds),
                s.title
            ),
            theme.rag(rag),
        );
        left.extend(wrap_indented(&line, usize::from(time.width).max(16), 16));
    }
    let mut right = Vec::new();
    for card in &pacing.needs_work {
        right.push(Line::styled(
            format!("Needs work: “{}” — {}", card.says, said(card)),
            theme.rag(Rag::Amber),
        ));
    }
    for card in &pacing.handled {
        right.push(Line::raw(format!("Handled: “{}”", card.says)));
    }
    if !pacing.jargon.is_empty() {
        right.push(Line::styled("Say it plainly", theme.heading()));
        for j in &pacing.jargon {
            right.push(Line::raw(jargon_line(j)));
        }
    }
    for (heading, items) in pacing.left_out() {
        right.push(Line::styled(heading, theme.heading()));
        for item in items {
            right.push(Line::raw(format!("• {item}")));
        }
    }
    if pacing.left_out().is_empty() {
        right.push(Line::styled("Nothing left out.", theme.rag(Rag::Green)));
    }
    let more_key = keymap.first_label(Action::ScrollDown);
    fitted(left, scroll, &more_key, time, theme, buf);
    fitted(
        right,
        scroll,
        &more_key,
        rest.inner(ratatui::layout::Margin::new(1, 0)),
        theme,
        buf,
    );
}

/// Lines wrapped to `area`, `scroll` of them scrolled past; when the rest
/// do not fit, the last row says how many more there are and how to see them.
fn fitted(
    lines: Vec<Line<'static>>,
    scroll: usize,
    more_key: &str,
    area: Rect,
    theme: &Theme,
    buf: &mut Buffer,
) {
    let all = wrap_all(&lines, usize::from(area.width).max(1));
    let mut lines: Vec<Line> = all.into_iter().skip(scroll).collect();
    let room = usize::from(area.height);
    if lines.len() > room && room > 0 {
        let more = lines.len() - (room - 1);
        lines.truncate(room - 1);
        lines.push(Line::styled(
            format!("+{more} more, {more_key}"),
            theme.muted(),
        ));
    }
    Paragraph::new(lines).render(area, buf);
}
