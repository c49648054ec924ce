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
use crate::tui::widgets::fitted_table::window;

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let meeting = ctx.shown;
    // Years of open actions: only the rows near the highlighted one are
    // built, the rest counted in the panel's hints.
    let shown = window(meeting.followups.len(), meeting.selected);
    let rows = &meeting.followups[shown.clone()];
    // A date of another year says which.
    let this_year = meeting.clock.today.year();
    let day = |d: jiff::civil::Date| {
        if d.year() == this_year {
            d.strftime("%a %-d %b").to_string()
        } else {
            d.strftime("%a %-d %b %Y").to_string()
        }
    };
    let mut lines = Vec::new();
    for Followup { row, outcome } in rows {
        let owner = row.owner.as_deref().map_or_else(
            || "no owner yet".to_owned(),
            |o| ctx.plan().name_of(o).to_owned(),
        );
        let due = row.due.map_or_else(|| "no date".to_owned(), day);
        let from = match row.meeting.as_str() {
            "plan" => "your task".to_owned(),
            crate::meeting::capture::OUR_HELP => "our help".to_owned(),
            stem => format!("from {}", stem.get(..10).unwrap_or(stem)),
        };
        // "moved from" once the date differs from the first one given.
        let moved = |first: Option<jiff::civil::Date>| {
            first.map_or_else(String::new, |d| format!(" (moved from {})", day(d)))
        };
        let verdict = match outcome {
            None => Span::styled(
                format!("  ? not reviewed{}", moved(row.moved_from)),
                ctx.theme.muted(),
            ),
            Some(now) if now.status == ActionStatus::Done => {
                Span::styled("  ✓ DONE", ctx.theme.rag(Rag::Green))
            }
            Some(now) if now.status == ActionStatus::Dropped => {
                Span::styled("  ✗ DROPPED", ctx.theme.muted())
            }
            Some(now) => {
                let mut said = "  → STILL OPEN".to_owned();
                if now.due != row.due
                    && let Some(d) = now.due
                {
                    said.push_str(&format!(", now due {}", day(d)));
                }
                said.push_str(&moved(now.moved_from));
                if now.owner != row.owner
                    && let Some(o) = &now.owner
                {
                    said.push_str(&format!(", now with {}", ctx.plan().name_of(o)));
                }
                Span::styled(said, ctx.theme.rag(Rag::Amber))
            }
        };
        let line = Line::from(vec![
            Span::styled(format!("{} ", row.item), ctx.theme.accent()),
            Span::raw(ctx.plain(&row.title)),
            Span::styled(format!(" — {owner}, due {due} ({from})"), ctx.theme.muted()),
            verdict,
        ]);
        lines.push(vec![line]);
    }
    // A long list says how long.
    let title = match meeting.followups.len() {
        0..=9 => "Still open from last time".to_owned(),
        n => format!("Still open from last time ({n})"),
    };
    let title = ctx.hinted(&title, "Enter: done / dropped / open due:…");
    ctx.rows(&title, 0)
        .rows(lines)
        .selected(Some(meeting.selected.saturating_sub(shown.start)))
        .beyond(shown.start, meeting.followups.len() - shown.end)
        .empty(Line::styled(
            if ctx.shown.reading_earlier {
                "Reading the earlier meetings…"
            } else {
                "Nothing is open from earlier meetings."
            },
            ctx.theme.muted(),
        ))
        .render(area, buf);
}
