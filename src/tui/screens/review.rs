//! Review: every action, decision, sign-off and buy-in captured so far, for
//! the customer to read back before the meeting closes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::Ctx;
use crate::meeting::Capture;

/// A heading, and which items it lists.
type Group = (&'static str, fn(&Capture) -> bool);

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let meeting = ctx.shown;
    let groups: [Group; 5] = [
        ("Actions", |c| matches!(c, Capture::Action { .. })),
        ("Decisions", |c| matches!(c, Capture::Decision { .. })),
        ("Sign-offs and buy-in", |c| {
            matches!(c, Capture::Signoff { .. } | Capture::BuyIn { .. })
        }),
        ("New risks and issues", |c| {
            matches!(c, Capture::Risk { .. } | Capture::Issue { .. })
        }),
        // What became of earlier items, as the follow-ups screen recorded it.
        ("Follow-ups", |c| matches!(c, Capture::Followup { .. })),
    ];
    let mut lines = Vec::new();
    for (title, wanted) in groups {
        let items: Vec<_> = meeting
            .captures
            .iter()
            .filter(|c| wanted(&c.what))
            .collect();
        lines.push(Line::styled(
            format!("{title} ({})", items.len()),
            ctx.theme.heading(),
        ));
        if items.is_empty() {
            lines.push(Line::styled("  none yet", ctx.theme.muted()));
        }
        for item in items {
            lines.push(Line::raw(format!("  • {}", item.in_one_line(ctx.plan()))));
        }
        lines.push(Line::raw(""));
    }
    ctx.list("Read back: what we agreed today", 4)
        .rows(lines.into_iter().map(|l| vec![l]))
        .render(area, buf);
}
