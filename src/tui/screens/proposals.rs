//! The new course of action: each proposal, why, and the customer's buy-in.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::Ctx;
use crate::meeting::Capture;
use crate::meeting::capture::Verdict;
use crate::plan::model::Rag;

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let proposals = &ctx.plan().proposals;
    let mut items = Vec::new();
    for (n, p) in proposals.iter().enumerate() {
        let buy_in = ctx.shown.latest(|c| match c {
            Capture::BuyIn {
                proposal,
                verdict,
                changes,
                by,
            } if *proposal == p.title => Some((*verdict, (changes.clone(), by.clone()))),
            _ => None,
        });
        let (verdict, (changes, by)) =
            buy_in.map_or((None, (None, None)), |(v, (c, b))| (Some(v), (Some(c), b)));
        let badge = match verdict {
            Some(Verdict::Agreed) => Span::styled(" ✓ AGREED", ctx.theme.rag(Rag::Green)),
            Some(Verdict::AgreedWithChanges) => {
                Span::styled(" ✓ AGREED WITH CHANGES", ctx.theme.rag(Rag::Amber))
            }
            Some(Verdict::NotAgreed) => Span::styled(" ✗ NOT AGREED", ctx.theme.rag(Rag::Red)),
            None => Span::raw(""),
        };
        let title = Line::from(vec![
            Span::styled(format!("{}. ", n + 1), ctx.theme.accent()),
            Span::styled(ctx.plain(&p.title), ctx.theme.heading()),
            badge,
            Span::styled(
                by.map_or_else(String::new, |who| {
                    format!(" by {}", ctx.plan().name_of(&who))
                }),
                ctx.theme.muted(),
            ),
        ]);
        let mut lines = vec![title];
        if !p.why.is_empty() {
            lines.push(Line::styled(
                format!("   Why: {}", ctx.plain(&p.why)),
                ctx.theme.muted(),
            ));
        }
        if let Some(changes) = changes.filter(|c| !c.is_empty()) {
            lines.push(Line::from(vec![
                Span::styled("   Changes: ", ctx.theme.rag(Rag::Amber)),
                Span::raw(changes),
            ]));
        }
        items.push(lines);
    }
    ctx.rows(
        &ctx.hinted(
            "What we propose",
            "Enter, then 1 agreed · 2 with changes · 3 not agreed",
        ),
        3,
    )
    .rows(items)
    .empty(Line::styled(
        "The plan has no [[proposals]] yet.",
        ctx.theme.muted(),
    ))
    .render(area, buf);
}
