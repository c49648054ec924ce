//! Glossary meanings, once per screen: the terms a screen shows are listed
//! with their plain meaning in one line at its foot, instead of after
//! every mention.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::Ctx;
use crate::plan::warnings::find_term;
use crate::tui::widgets::wrap::wrap_indented;

/// "Plain words: UAT = your team's acceptance testing · …" for the
/// glossary terms drawn in `area` of `drawn`, wrapped to its width.
pub fn legend(ctx: &Ctx, drawn: &Buffer, area: Rect) -> Vec<Line<'static>> {
    // The text drawn in `area`, a line of it per row, read in place: one
    // string for the whole screen, not one per cell.
    let mut text = String::with_capacity(usize::from(area.width + 1) * usize::from(area.height));
    for y in area.top()..area.bottom() {
        let row = drawn.index_of(area.left(), y);
        for cell in &drawn.content[row..row + usize::from(area.width)] {
            // Most cells hold one ASCII letter: pushed as it is, not copied.
            match cell.symbol().as_bytes() {
                &[letter] => text.push(char::from(letter)),
                _ => text.push_str(cell.symbol()),
            }
        }
        text.push('\n');
    }
    let mut spans = vec![Span::styled("Plain words: ", ctx.theme.muted())];
    for (term, meaning) in &ctx.plan().project.glossary {
        if find_term(&text, term).is_none() {
            continue;
        }
        if spans.len() > 1 {
            spans.push(Span::styled(" · ", ctx.theme.muted()));
        }
        spans.push(Span::styled(term.clone(), ctx.theme.heading()));
        spans.push(Span::styled(format!(" = {meaning}"), ctx.theme.muted()));
    }
    if spans.len() == 1 {
        return Vec::new();
    }
    wrap_indented(&Line::from(spans), usize::from(area.width), 2)
}
