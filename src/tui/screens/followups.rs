//! Follow-ups: actions still open from earlier meetings and the customer's
//! open tasks, each marked done, still open (with a new date) or dropped.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::Ctx;
use crate::meeting::capture::ActionStatus;
use crate::meeting::shared::Followup;
use crate::plan::model::Rag;

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let meeting = ctx.shown;
    let rows = &meeting.followups;
    let mut lines = Vec::new();
    for Followup { row, outcome } in rows {
        let owner = row.owner.as_deref().map_or_else(
            || "no owner yet".to_owned(),
            |o| ctx.plan().name_of(o).to_owned(),
        );
        let due = row.due.map_or_else(
            || "no date".to_owned(),
            |d| d.strftime("%a %-d %b").to_string(),
        );
        let from = if row.meeting == "plan" {
            "your task".to_owned()
        } else {
            format!("from {}", row.meeting.get(..10).unwrap_or(&row.meeting))
        };
        let verdict = match *outcome {
            None => Span::styled("  ? not reviewed", ctx.theme.muted()),
            Some((ActionStatus::Done, _)) => Span::styled("  ✓ DONE", ctx.theme.rag(Rag::Green)),
            Some((ActionStatus::Dropped, _)) => Span::styled("  ✗ DROPPED", ctx.theme.muted()),
            Some((ActionStatus::Open, due)) => Span::styled(
                format!(
                    "  → STILL OPEN{}",
                    due.map_or_else(String::new, |d| format!(
                        ", now due {}",
                        d.strftime("%a %-d %b")
                    ))
                ),
                ctx.theme.rag(Rag::Amber),
            ),
        };
        let line = Line::from(vec![
            Span::styled(format!("{} ", row.item), ctx.theme.accent()),
            Span::raw(ctx.plain(&row.title)),
            Span::styled(format!(" — {owner}, due {due} ({from})"), ctx.theme.muted()),
            verdict,
        ]);
        lines.push(vec![line]);
    }
    ctx.rows(
        "Still open from last time — Enter: done / dropped / open due:…",
        0,
    )
    .rows(lines)
    .empty(Line::styled(
        "Nothing is open from earlier meetings.",
        ctx.theme.muted(),
    ))
    .render(area, buf);
}
