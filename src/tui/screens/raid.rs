//! Issues and risks: the issues list, the 5×5 heat map, risks by score.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Ctx, panel, person, stack};
use crate::meeting::Capture;
use crate::plan::derive::Band;
use crate::plan::model::{IssueStatus, Rag, RiskStatus, Severity};
use crate::tui::theme::Theme;
use crate::tui::widgets::fitted_table::{Column, FittedTable};
use crate::tui::widgets::heat_map::{self, HeatMap};

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let issues = issues_table(ctx);
    let risks_table = risks_table(ctx);
    // A narrow screen draws the map with smaller cells, leaving the risk
    // titles room to read.
    let cell = if area.width < 100 { 3 } else { 5 };
    let map_width = heat_map::width(cell) + 2;
    let map_height = heat_map::HEIGHT + 2;
    let list_width = area.width.saturating_sub(map_width);
    let [issues_area, risks] = stack(
        area,
        [
            (issues.height(area.width), issues.least_height(area.width)),
            (
                risks_table.height(list_width).max(map_height),
                risks_table.least_height(list_width).max(map_height),
            ),
        ],
    );
    issues.render(issues_area, buf);
    let [map, list] =
        Layout::horizontal([Constraint::Length(map_width), Constraint::Min(20)]).areas(risks);
    let block = panel(
        if cell < 5 {
            "Impact ↑ Prob. →"
        } else {
            "Impact ↑ Probability →"
        },
        ctx.theme,
    );
    let inner = block.inner(map);
    block.render(map, buf);
    HeatMap {
        risks: &ctx.plan().risks,
        theme: ctx.theme,
        cell,
    }
    .render(inner, buf);
    risks_table.render(list, buf);
}

fn issues_table(ctx: &Ctx) -> FittedTable<'static> {
    let plan = ctx.plan();
    let mut open: Vec<_> = plan.issues.iter().filter(|i| i.is_open()).collect();
    open.sort_by_key(|i| std::cmp::Reverse(i.severity));
    let raised = raised(ctx, |c| matches!(c, Capture::Issue { .. }));
    let rows = open.iter().map(|issue| {
        let rag = match issue.severity {
            Severity::Critical | Severity::High => Rag::Red,
            Severity::Medium => Rag::Amber,
            Severity::Low => Rag::Green,
        };
        let status = match issue.status {
            IssueStatus::Open => "open",
            IssueStatus::InProgress => "in progress",
            IssueStatus::Resolved => "resolved",
        };
        let mut title = vec![Span::raw(ctx.plain(&issue.title))];
        if !issue.visible {
            title.insert(0, ctx.theme.internal());
        }
        vec![
            Line::raw(issue.id.get_ref().clone()),
            Line::from(title),
            Line::raw(person(plan, issue.owner.as_ref())),
            Line::from(Span::styled(
                issue.severity.as_str().to_uppercase(),
                ctx.theme.rag(rag),
            )),
            Line::raw(status),
            Line::raw(issue.due.map_or_else(|| "—".to_owned(), |d| d.to_string())),
        ]
    });
    let rows = rows.chain(raised.into_iter().map(|(id, title, owner)| {
        vec![
            Line::raw(id),
            title,
            Line::raw(owner),
            Line::raw("—"),
            Line::raw("open"),
            Line::raw("—"),
        ]
    }));
    ctx.table(
        "Open issues",
        vec![
            Column::keep("Id"),
            Column::wrap("Issue"),
            Column::wrap("Owner"),
            Column::keep("Severity"),
            Column::wrap("Status"),
            Column::keep("Due"),
        ],
    )
    .rows(rows)
    .empty(Line::styled("No open issues.", ctx.theme.muted()))
}

fn risks_table(ctx: &Ctx) -> FittedTable<'static> {
    let plan = ctx.plan();
    let mut risks: Vec<_> = plan
        .risks
        .iter()
        .filter(|r| r.status == RiskStatus::Open)
        .collect();
    risks.sort_by_key(|r| std::cmp::Reverse(r.score()));
    let rows = risks.iter().map(|risk| {
        let band = Band::of(risk.score());
        let mut title = vec![Span::raw(ctx.plain(&risk.title))];
        if !risk.visible {
            title.insert(0, ctx.theme.internal());
        }
        vec![
            Line::raw(risk.id.get_ref().clone()),
            Line::from(title),
            Line::from(Span::styled(
                format!("{:>2} {}", risk.score(), band.as_str().to_uppercase()),
                ctx.theme.rag(Theme::band_rag(band)),
            )),
            Line::raw(person(plan, risk.owner.as_ref())),
        ]
    });
    let raised = raised(ctx, |c| matches!(c, Capture::Risk { .. }));
    let rows = rows.chain(raised.into_iter().map(|(id, title, owner)| {
        vec![
            Line::raw(id),
            title,
            Line::raw("not scored"),
            Line::raw(owner),
        ]
    }));
    ctx.table(
        "Risks by score",
        vec![
            Column::keep("Id"),
            Column::wrap("Risk"),
            Column::keep("Score"),
            Column::wrap("Owner"),
        ],
    )
    .rows(rows)
    .empty(Line::styled("No open risks.", ctx.theme.muted()))
}

/// Risks or issues raised in earlier meetings and not yet in the plan, as
/// id, title (marked when and that the plan lacks it) and owner; nothing
/// internal while presenting.
fn raised(ctx: &Ctx, kind: fn(&Capture) -> bool) -> Vec<(String, Line<'static>, String)> {
    ctx.shown
        .raised_earlier
        .iter()
        .filter(|r| kind(&r.item.what))
        .map(|r| {
            let owner = match &r.item.what {
                Capture::Risk { owner, .. } | Capture::Issue { owner, .. } => owner.clone(),
                _ => None,
            };
            let mut title = vec![
                Span::raw(ctx.plain(&r.item.what.text())),
                Span::styled(format!(" ({})", r.mark), ctx.theme.muted()),
            ];
            if !r.item.what.is_public() {
                title.insert(0, ctx.theme.internal());
            }
            let owner = owner.map_or_else(
                || "unassigned".to_owned(),
                |o| ctx.plan().name_of(&o).to_owned(),
            );
            (r.item.id.clone(), Line::from(title), owner)
        })
        .collect()
}
