//! Issues and risks: the issues list, the 5×5 heat map, risks by score.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, Widget};

use super::{Ctx, panel, person};
use crate::meeting::Capture;
use crate::plan::derive::Band;
use crate::plan::model::{IssueStatus, Rag, RiskStatus, Severity};
use crate::tui::theme::Theme;
use crate::tui::widgets::heat_map::{self, HeatMap};

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let [issues, risks] =
        Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area);
    render_issues(ctx, issues, buf);
    let map_width = heat_map::WIDTH + 2;
    let [map, list] =
        Layout::horizontal([Constraint::Length(map_width), Constraint::Min(20)]).areas(risks);
    let block = panel("Impact ↑ Probability →", ctx.theme);
    let inner = block.inner(map);
    block.render(map, buf);
    HeatMap {
        risks: &ctx.plan().risks,
        theme: ctx.theme,
    }
    .render(inner, buf);
    render_risks(ctx, list, buf);
}

fn render_issues(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let plan = ctx.plan();
    let mut open: Vec<_> = plan.issues.iter().filter(|i| i.is_open()).collect();
    open.sort_by_key(|i| std::cmp::Reverse(i.severity));
    let raised = raised(ctx, |c| matches!(c, Capture::Issue { .. }));
    if open.is_empty() && raised.is_empty() {
        Paragraph::new("No open issues.")
            .style(ctx.theme.muted())
            .block(panel("Open issues", ctx.theme))
            .render(area, buf);
        return;
    }
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
        Row::new(vec![
            Line::raw(issue.id.get_ref().clone()),
            Line::from(title),
            Line::raw(person(plan, issue.owner.as_ref())),
            Line::from(Span::styled(
                issue.severity.as_str().to_uppercase(),
                ctx.theme.rag(rag),
            )),
            Line::raw(status),
            Line::raw(issue.due.map_or_else(|| "—".to_owned(), |d| d.to_string())),
        ])
    });
    let rows = rows.chain(raised.into_iter().map(|(id, title, owner)| {
        Row::new(vec![
            Line::raw(id),
            title,
            Line::raw(owner),
            Line::raw("—"),
            Line::raw("open"),
            Line::raw("—"),
        ])
    }));
    Table::new(
        rows,
        [
            Constraint::Length(5),
            Constraint::Min(20),
            Constraint::Length(14),
            Constraint::Length(8),
            Constraint::Length(11),
            Constraint::Length(10),
        ],
    )
    .header(
        Row::new(["Id", "Issue", "Owner", "Severity", "Status", "Due"]).style(ctx.theme.heading()),
    )
    .block(panel("Open issues", ctx.theme))
    .render(area, buf);
}

fn render_risks(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
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
        Row::new(vec![
            Line::raw(risk.id.get_ref().clone()),
            Line::from(title),
            Line::from(Span::styled(
                format!("{:>2} {}", risk.score(), band.as_str().to_uppercase()),
                ctx.theme.rag(Theme::band_rag(band)),
            )),
            Line::raw(person(plan, risk.owner.as_ref())),
        ])
    });
    let raised = raised(ctx, |c| matches!(c, Capture::Risk { .. }));
    let rows = rows.chain(raised.into_iter().map(|(id, title, owner)| {
        Row::new(vec![
            Line::raw(id),
            title,
            Line::raw("not scored"),
            Line::raw(owner),
        ])
    }));
    Table::new(
        rows,
        [
            Constraint::Length(5),
            Constraint::Min(16),
            Constraint::Length(11),
            Constraint::Length(14),
        ],
    )
    .header(Row::new(["Id", "Risk", "Score", "Owner"]).style(ctx.theme.heading()))
    .block(panel("Risks by score", ctx.theme))
    .render(area, buf);
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
