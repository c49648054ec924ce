//! Tasks on the customer's side, with how long they have been open and
//! when they are due.

use jiff::civil::Date;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::Ctx;
use crate::meeting::Capture;
use crate::meeting::capture::ActionStatus;
use crate::plan::derive::days_between;
use crate::plan::model::{Rag, TaskKind, TaskStatus};
use crate::tui::widgets::fitted_table::Column;

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let plan = ctx.plan();
    let added = ctx.shown.new_customer_tasks();
    let today = ctx.shown.clock.today;
    // The kind of task is the first thing to give up on a narrow screen.
    let wide = area.width >= 110;
    // How long a task has been open is the next to give up, when the help
    // we offer makes the tasks tall: every task is seen at once at 80×24.
    let shown = Shown {
        kind: wide,
        age: wide || plan.customer_tasks.iter().all(|t| t.help.trim().is_empty()),
    };
    let rows = plan.customer_tasks.iter().map(|t| {
        // What this meeting's follow-up said applies at once.
        let now = ctx.shown.task_now(t);
        let status = match now.status {
            ActionStatus::Done => TaskStatus::Done,
            ActionStatus::Dropped => TaskStatus::Dropped,
            // Reopened by a follow-up, or as the plan has it (in progress).
            ActionStatus::Open if matches!(t.status, TaskStatus::InProgress) => t.status,
            ActionStatus::Open => TaskStatus::Open,
        };
        let due = now.due;
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
        let finished = matches!(status, TaskStatus::Done | TaskStatus::Dropped);
        let (due, rag) = due_cell(due, finished, today);
        let status = match status {
            _ if ctx.shown.accepted(t.id.get_ref()) && !finished => "✓ accepted",
            TaskStatus::Open => "open",
            TaskStatus::InProgress => "in progress",
            TaskStatus::Done => "done",
            TaskStatus::Dropped => "dropped",
        };
        // What we do to help is said with the task, on the projector too.
        // Who helps and by when only where there is room for them: at
        // 80×24 every task must still be seen at once.
        let help = if wide {
            crate::plan::task_help::we_help(t, plan)
        } else {
            crate::plan::task_help::we_help_briefly(t)
        };
        shown.cells(Row {
            id: t.id.get_ref().clone(),
            task: ctx.plain(&format!("{}{help}", t.title)),
            owner: owner_name(plan, now.owner.as_deref()),
            kind,
            age,
            due: Line::from(Span::styled(due, ctx.theme.rag(rag))),
            status,
        })
    });
    let new_rows = added.into_iter().filter_map(|item| {
        let Capture::Action {
            title, owner, due, ..
        } = &item.what
        else {
            return None;
        };
        Some(shown.cells(Row {
            id: item.id.clone(),
            task: title.clone(),
            owner: owner_name(plan, owner.as_deref()),
            kind: "other",
            age: "new".to_owned(),
            due: Line::raw(due.map_or_else(
                || "no date yet".to_owned(),
                |d| d.strftime("%-d %b").to_string(),
            )),
            status: "new today",
        }))
    });
    // Tasks earlier meetings added with `t`, as this meeting left them.
    let earlier_rows = ctx.shown.followups.iter().map(|f| {
        let now = f.outcome.clone().unwrap_or_else(|| f.row.before());
        let finished = !now.is_open();
        let (due, rag) = due_cell(now.due, finished, today);
        let status = match now.status {
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
            ActionStatus::Open => "open",
        };
        shown.cells(Row {
            id: f.row.item.clone(),
            task: ctx.plain(&f.row.title),
            owner: owner_name(plan, now.owner.as_deref()),
            kind: "other",
            age: format!("since {}", meeting_day(&f.row.meeting)),
            due: Line::from(Span::styled(due, ctx.theme.rag(rag))),
            status,
        })
    });
    let rows = rows.chain(earlier_rows).chain(new_rows);
    let mut columns = vec![
        Column::keep("Id"),
        Column::wrap("Task"),
        Column::wrap("Owner"),
    ];
    if shown.kind {
        columns.push(Column::keep("Kind"));
    }
    if shown.age {
        columns.push(Column::keep("Open for"));
    }
    columns.extend([Column::keep("Due"), Column::wrap("Status")]);
    // The highlighted task (only the plan's can be chosen) is kept in view
    // as ↑/↓ move through the list.
    let title = ctx.hinted(
        "Tasks on your side",
        "Enter: they accept it · t: a new task · o: our help",
    );
    ctx.table(&title, columns)
        .selected((ctx.shown.rows > 0).then_some(ctx.shown.selected))
        .rows(rows)
        .empty(Line::styled(
            "No customer tasks in the plan yet. t: add one.",
            ctx.theme.muted(),
        ))
        .render(area, buf);
}

/// When a task is due, coloured by how near: late red, today amber, later
/// green, finished grey; no date is amber (it should have one).
fn due_cell(due: Option<Date>, finished: bool, today: Date) -> (String, Rag) {
    match due {
        None => ("no date yet".to_owned(), Rag::Amber),
        Some(d) if finished => (d.strftime("%-d %b").to_string(), Rag::Grey),
        Some(d) => {
            let day = d.strftime("%-d %b");
            match days_between(today, d) {
                -1 => (format!("{day}, 1 day late"), Rag::Red),
                left if left < 0 => (format!("{day}, {} days late", -left), Rag::Red),
                0 => (format!("{day}, today"), Rag::Amber),
                1 => (format!("{day}, tomorrow"), Rag::Green),
                left => (format!("{day}, in {left} days"), Rag::Green),
            }
        }
    }
}

/// "24 Nov" from a record's name (`2026-11-24-1400-status`), the day the
/// meeting that added a task was held.
fn meeting_day(stem: &str) -> String {
    crate::record::format::Record::day_of_stem(stem)
        .map_or_else(|| stem.to_owned(), |d| d.strftime("%-d %b").to_string())
}

/// The columns this screen's width leaves room for.
struct Shown {
    kind: bool,
    age: bool,
}

/// One task's row, before the columns left out are dropped.
struct Row {
    id: String,
    task: String,
    owner: String,
    kind: &'static str,
    age: String,
    due: Line<'static>,
    status: &'static str,
}

impl Shown {
    fn cells(&self, row: Row) -> Vec<Line<'static>> {
        let mut cells = vec![Line::raw(row.id), Line::raw(row.task), Line::raw(row.owner)];
        if self.kind {
            cells.push(Line::raw(row.kind));
        }
        if self.age {
            cells.push(Line::raw(row.age));
        }
        cells.extend([row.due, Line::raw(row.status)]);
        cells
    }
}

fn owner_name(plan: &crate::plan::model::Plan, owner: Option<&str>) -> String {
    owner.map_or("unassigned", |o| plan.name_of(o)).to_owned()
}
