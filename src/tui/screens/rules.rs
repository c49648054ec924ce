//! How we work together: the meeting rules, the communication plan as a
//! table, and the escalation path.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Row, Table, Widget};

use super::{Ctx, bullets, panel, person};

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let plan = ctx.plan();
    let comms = &plan.communication;
    let [top, channels] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let [rules, escalation] =
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(top);
    let plain = |items: &[String]| items.iter().map(|i| ctx.plain(i)).collect::<Vec<_>>();
    bullets(
        "Meeting rules",
        &plain(&comms.rules),
        "No rules in the plan yet.",
        ctx,
        rules,
        buf,
    );
    let steps = plain(&comms.escalation);
    bullets(
        "If something goes wrong, in order",
        &steps,
        "No escalation path yet.",
        ctx,
        escalation,
        buf,
    );
    let rows = comms.channels.iter().map(|c| {
        Row::new(vec![
            Line::raw(ctx.plain(&c.what)),
            Line::raw(ctx.plain(&c.audience)),
            Line::raw(ctx.plain(&c.method)),
            Line::raw(ctx.plain(&c.frequency)),
            Line::raw(person(plan, c.owner.as_ref())),
        ])
    });
    Table::new(
        rows,
        [
            Constraint::Percentage(20),
            Constraint::Percentage(22),
            Constraint::Percentage(26),
            Constraint::Percentage(16),
            Constraint::Percentage(16),
        ],
    )
    .header(Row::new(["What", "For", "How", "How often", "Owner"]).style(ctx.theme.heading()))
    .block(panel(&signoff_title(ctx), ctx.theme))
    .render(channels, buf);
}

/// The communication plan's title, with its sign-off once taken.
fn signoff_title(ctx: &Ctx) -> String {
    let signoff = ctx
        .shown
        .captures
        .iter()
        .rev()
        .find(|c| matches!(c.what, crate::meeting::Capture::Signoff { .. }))
        .map(|c| crate::tui::capture_pane::describe(c, ctx.plan()));
    match signoff {
        Some(said) => format!("How we keep you informed — {said}"),
        None => "How we keep you informed — s: sign-off".to_owned(),
    }
}
