//! How we work together: the meeting rules, the communication plan as a
//! table, and the escalation path.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::{Ctx, bullets, person, stack, stack_tables};
use crate::tui::widgets::fitted_table::Column;

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let plan = ctx.plan();
    let comms = &plan.communication;
    let plain = |items: &[String]| items.iter().map(|i| ctx.plain(i)).collect::<Vec<_>>();
    let rules = bullets(
        "Meeting rules",
        &plain(&comms.rules),
        "No rules in the plan yet.",
        ctx,
    );
    let escalation = bullets(
        "If something goes wrong, in order",
        &plain(&comms.escalation),
        "No escalation path yet.",
        ctx,
    );
    let rows = comms.channels.iter().map(|c| {
        vec![
            Line::raw(ctx.plain(&c.what)),
            Line::raw(ctx.plain(&c.audience)),
            Line::raw(ctx.plain(&c.method)),
            Line::raw(ctx.plain(&c.frequency)),
            Line::raw(person(plan, c.owner.as_ref())),
        ]
    });
    let channels = ctx
        .table(
            &signoff_title(ctx),
            vec![
                Column::wrap("What"),
                Column::wrap("For"),
                Column::wrap("How"),
                Column::wrap("How often"),
                Column::wrap("Owner"),
            ],
        )
        .rows(rows)
        .empty(Line::styled(
            "No communication plan yet.",
            ctx.theme.muted(),
        ));
    let w = area.width;
    if w >= 100 {
        // Rules and the escalation path side by side, the plan below.
        let rules_w = w * 3 / 5;
        let top_need = rules.height(rules_w).max(escalation.height(w - rules_w));
        let top_least = rules
            .least_height(rules_w)
            .max(escalation.least_height(w - rules_w));
        let [top, bottom] = stack(
            area,
            [
                (top_need, top_least),
                (channels.height(w), channels.least_height(w)),
            ],
        );
        let [left, right] =
            Layout::horizontal([Constraint::Length(rules_w), Constraint::Min(1)]).areas(top);
        rules.render(left, buf);
        escalation.render(right, buf);
        channels.render(bottom, buf);
    } else {
        let [top, middle, bottom] = stack_tables(area, [&rules, &channels, &escalation]);
        rules.render(top, buf);
        channels.render(middle, buf);
        escalation.render(bottom, buf);
    }
}

/// The communication plan's title, with its sign-off once taken.
fn signoff_title(ctx: &Ctx) -> String {
    let signoff = ctx
        .shown
        .captures
        .iter()
        .rev()
        .find(|c| matches!(c.what, crate::meeting::Capture::Signoff { .. }))
        .map(|c| c.in_one_line(ctx.plan()));
    match signoff {
        Some(said) => format!("How we keep you informed — {said}"),
        None => ctx.hinted("How we keep you informed", "s: sign-off"),
    }
}
