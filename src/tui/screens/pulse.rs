//! Pulse: how confident the customer is, from 1 to 5, and why.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Ctx, panel};
use crate::plan::model::Side;

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let plan = ctx.plan();
    let mut lines = vec![
        Line::styled(
            "How confident are you that the project will succeed?",
            ctx.theme.heading(),
        ),
        Line::raw(
            "1 = not at all, 5 = fully confident. And how likely are you to recommend us, 0 to 10?",
        ),
        Line::raw(""),
    ];
    let customers: Vec<&str> = plan
        .meeting
        .attendees
        .iter()
        .filter_map(|id| plan.person(id.get_ref()))
        .filter(|p| p.side == Side::Customer)
        .map(|p| p.name.as_str())
        .collect();
    for name in &customers {
        lines.push(Line::raw(format!("  {name}:  confidence  1  2  3  4  5")));
    }
    if customers.is_empty() {
        lines.push(Line::styled(
            "No customer attendees listed in the plan.",
            ctx.theme.muted(),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "This is the first pulse on record.",
        ctx.theme.muted(),
    ));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(panel("Pulse", ctx.theme))
        .render(area, buf);
}
