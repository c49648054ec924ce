//! Follow-ups: what is still open from earlier meetings. Until earlier
//! meetings are on record, the customer's open tasks from the plan.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Ctx, bullets, person};
use crate::plan::model::TaskStatus;

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let plan = ctx.plan();
    let open: Vec<String> = plan
        .customer_tasks
        .iter()
        .filter(|t| matches!(t.status, TaskStatus::Open | TaskStatus::InProgress))
        .map(|t| {
            let due = t
                .due
                .map_or_else(|| "no due date".to_owned(), |d| format!("due {d}"));
            format!(
                "{}  {} — {}, {due}",
                t.id.get_ref(),
                ctx.plain(&t.title),
                person(plan, t.owner.as_ref())
            )
        })
        .collect();
    bullets(
        "Still open from last time",
        &open,
        "Nothing is open from earlier meetings.",
        ctx,
        area,
        buf,
    );
}
