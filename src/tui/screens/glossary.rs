//! Glossary meanings, once per screen: the terms a screen shows are listed
//! with their plain meaning in one line at its foot, instead of after
//! every mention.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};

use super::Ctx;
use crate::plan::warnings::find_term;
use crate::tui::widgets::wrap::wrap_indented;

/// "Plain words: UAT = your team's acceptance testing · …" for the
/// glossary terms drawn in `drawn`, wrapped to `width`.
pub fn legend(ctx: &Ctx, drawn: &Buffer, width: u16) -> Vec<Line<'static>> {
    // The screen's text, a line of it per row, read in place: one string
    // for the whole screen, not one per cell.
    let mut text = String::with_capacity(drawn.content.len() + 64);
    for row in drawn.content.chunks(usize::from(drawn.area.width).max(1)) {
        for cell in row {
            text.push_str(cell.symbol());
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
    wrap_indented(&Line::from(spans), usize::from(width), 2)
}
