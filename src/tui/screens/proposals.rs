//! The new course of action: each proposal and why.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Ctx, panel};

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let proposals = &ctx.plan().proposals;
    let mut lines = Vec::new();
    if proposals.is_empty() {
        lines.push(Line::styled(
            "The plan has no [[proposals]] yet.",
            ctx.theme.muted(),
        ));
    }
    for (n, p) in proposals.iter().enumerate() {
        lines.push(Line::from(vec![
            Span::styled(format!("{}. ", n + 1), ctx.theme.accent()),
            Span::styled(ctx.plain(&p.title), ctx.theme.heading()),
        ]));
        if !p.why.is_empty() {
            lines.push(Line::styled(
                format!("   Why: {}", ctx.plain(&p.why)),
                ctx.theme.muted(),
            ));
        }
        lines.push(Line::raw(""));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(panel("What we propose", ctx.theme))
        .render(area, buf);
}
