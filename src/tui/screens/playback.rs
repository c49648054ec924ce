//! Playback: "what we heard", every answer of this meeting, read back.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Ctx, bullets};

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let questions: Vec<String> = ctx
        .meeting
        .sections
        .iter()
        .filter(|s| s.kind == crate::agenda::SectionKind::Listen)
        .flat_map(|s| s.questions.iter().map(|q| ctx.plain(q)))
        .collect();
    bullets(
        "What we heard — we asked",
        &questions,
        "No questions were on today's agenda.",
        ctx,
        area,
        buf,
    );
}
