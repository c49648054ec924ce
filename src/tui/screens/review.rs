//! Review: every action, decision and sign-off captured so far, read back.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Ctx, bullets};

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let proposals: Vec<String> = ctx
        .plan()
        .proposals
        .iter()
        .map(|p| ctx.plain(&p.title))
        .collect();
    bullets(
        "To read back before we close: proposals put to you today",
        &proposals,
        "Nothing to read back yet.",
        ctx,
        area,
        buf,
    );
}
