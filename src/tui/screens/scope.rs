//! Scope: the objectives, and what is in and out of scope.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Widget;

use super::{Ctx, bullets, stack};

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let project = &ctx.plan().project;
    let plain = |items: &[String]| items.iter().map(|i| ctx.plain(i)).collect::<Vec<_>>();
    let objectives = bullets(
        "Objectives",
        &plain(&project.objectives),
        "No objectives in the plan yet.",
        ctx,
    );
    let inside = bullets(
        "In scope",
        &plain(&project.in_scope),
        "Nothing listed.",
        ctx,
    );
    let outside = bullets(
        "Out of scope",
        &plain(&project.out_of_scope),
        "Nothing listed.",
        ctx,
    );
    let half = area.width / 2;
    let scope_need = inside.height(half).max(outside.height(half));
    let scope_least = inside.least_height(half).max(outside.least_height(half));
    let [top, scope] = stack(
        area,
        [
            (
                objectives.height(area.width),
                objectives.least_height(area.width),
            ),
            (scope_need, scope_least),
        ],
    );
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(scope);
    objectives.render(top, buf);
    inside.render(left, buf);
    outside.render(right, buf);
}
