//! Tasks on the customer's side, with how long they have been open and
//! when they are due.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Ctx, person};
use crate::plan::derive::days_between;
use crate::plan::model::{Rag, TaskKind, TaskStatus};
use crate::tui::widgets::fitted_table::Column;

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let plan = ctx.plan();
    let today = ctx.meeting.clock.today();
    // The kind of task is the first thing to give up on a narrow screen.
    let wide = area.width >= 110;
    let rows = plan.customer_tasks.iter().map(|t| {
        let kind = match t.kind {
            TaskKind::Review => "review",
            TaskKind::Signoff => "sign-off",
            TaskKind::Testing => "testing",
            TaskKind::Risk => "risks",
            TaskKind::Requirements => "requirements",
            TaskKind::Other => "other",
        };
        let age = t.assigned.map_or_else(
            || "—".to_owned(),
            |a| format!("{} days", days_between(a, today)),
        );
        let finished = matches!(t.status, TaskStatus::Done | TaskStatus::Dropped);
        let (due, rag) = match t.due {
            None => ("no date yet".to_owned(), Rag::Amber),
            Some(d) if finished => (d.strftime("%-d %b").to_string(), Rag::Grey),
            Some(d) => {
                let day = d.strftime("%-d %b");
                match days_between(today, d) {
                    left if left < 0 => (format!("{day}, {} days late", -left), Rag::Red),
                    0 => (format!("{day}, today"), Rag::Amber),
                    left => (format!("{day}, in {left} days"), Rag::Green),
                }
            }
        };
        let status = match t.status {
            TaskStatus::Open => "open",
            TaskStatus::InProgress => "in progress",
            TaskStatus::Done => "done",
            TaskStatus::Dropped => "dropped",
        };
        let mut cells = vec![
            Line::raw(t.id.get_ref().clone()),
            Line::raw(ctx.plain(&t.title)),
            Line::raw(person(plan, t.owner.as_ref())),
        ];
        if wide {
            cells.push(Line::raw(kind));
        }
        cells.extend([
            Line::raw(age),
            Line::from(Span::styled(due, ctx.theme.rag(rag))),
            Line::raw(status),
        ]);
        cells
    });
    let mut columns = vec![
        Column::keep("Id"),
        Column::wrap("Task"),
        Column::wrap("Owner"),
    ];
    if wide {
        columns.push(Column::keep("Kind"));
    }
    columns.extend([
        Column::keep("Open for"),
        Column::keep("Due"),
        Column::wrap("Status"),
    ]);
    ctx.table("Tasks on your side", columns)
        .rows(rows)
        .empty(Line::styled(
            "No customer tasks in the plan yet.",
            ctx.theme.muted(),
        ))
        .render(area, buf);
}
