//! Tasks on the customer's side, with how long they have been open and
//! when they are due.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, Widget};

use super::{Ctx, panel, person};
use crate::plan::derive::days_between;
use crate::plan::model::{Rag, TaskKind, TaskStatus};

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let plan = ctx.plan();
    if plan.customer_tasks.is_empty() {
        Paragraph::new("No customer tasks in the plan yet.")
            .style(ctx.theme.muted())
            .block(panel("Tasks on your side", ctx.theme))
            .render(area, buf);
        return;
    }
    let today = ctx.shown.clock.today;
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
        Row::new(cells)
    });
    let mut widths = vec![
        Constraint::Length(5),
        Constraint::Min(16),
        Constraint::Length(13),
    ];
    let mut header = vec!["Id", "Task", "Owner"];
    if wide {
        widths.push(Constraint::Length(12));
        header.push("Kind");
    }
    widths.extend([
        Constraint::Length(8),
        Constraint::Length(20),
        Constraint::Length(11),
    ]);
    header.extend(["Open for", "Due", "Status"]);
    Table::new(rows, widths)
        .header(Row::new(header).style(ctx.theme.heading()))
        .block(panel("Tasks on your side", ctx.theme))
        .render(area, buf);
}
