//! Scope: the objectives, and what is in and out of scope.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};

use super::{Ctx, bullets};

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let project = &ctx.plan().project;
    let plain = |items: &[String]| items.iter().map(|i| ctx.plain(i)).collect::<Vec<_>>();
    let [objectives, scope] =
        Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area);
    let [inside, outside] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(scope);
    bullets(
        "Objectives",
        &plain(&project.objectives),
        "No objectives in the plan yet.",
        ctx,
        objectives,
        buf,
    );
    bullets(
        "In scope",
        &plain(&project.in_scope),
        "Nothing listed.",
        ctx,
        inside,
        buf,
    );
    bullets(
        "Out of scope",
        &plain(&project.out_of_scope),
        "Nothing listed.",
        ctx,
        outside,
        buf,
    );
}
