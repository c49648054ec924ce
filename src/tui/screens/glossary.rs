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
    let area = drawn.area;
    let text: String = (area.y..area.y + area.height)
        .flat_map(|y| {
            (area.x..area.x + area.width)
                .map(move |x| drawn[(x, y)].symbol().to_owned())
                .chain(std::iter::once("\n".to_owned()))
        })
        .collect();
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
