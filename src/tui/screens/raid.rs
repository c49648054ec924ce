//! Issues and risks: the issues list, the 5×5 heat map, risks by score.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, Widget};

use super::{Ctx, panel, person};
use crate::meeting::{Capture, Captured};
use crate::plan::derive::Band;
use crate::plan::model::{IssueStatus, Rag, Risk, RiskStatus, Severity};
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
        risks: &on_the_map(ctx),
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
    let rows = rows.chain(raised.into_iter().map(|(item, title, owner)| {
        Row::new(vec![
            Line::raw(item.id),
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
    let band_cell = |score: i64| {
        let band = Band::of(score);
        Line::from(Span::styled(
            format!("{score:>2} {}", band.as_str().to_uppercase()),
            ctx.theme.rag(Theme::band_rag(band)),
        ))
    };
    // The plan's open risks and those raised in the room, worst first; a
    // risk saved unscored comes last.
    let mut rows: Vec<(Option<i64>, Row)> = plan
        .risks
        .iter()
        .filter(|r| r.status == RiskStatus::Open)
        .map(|risk| {
            let mut title = vec![Span::raw(ctx.plain(&risk.title))];
            if !risk.visible {
                title.insert(0, ctx.theme.internal());
            }
            let row = Row::new(vec![
                Line::raw(risk.id.get_ref().clone()),
                Line::from(title),
                band_cell(risk.score()),
                Line::raw(person(plan, risk.owner.as_ref())),
            ]);
            (Some(risk.score()), row)
        })
        .collect();
    for (item, title, owner) in raised(ctx, |c| matches!(c, Capture::Risk { .. })) {
        let score = item
            .what
            .risk_score()
            .map(|(p, i)| i64::from(p) * i64::from(i));
        let cell = score.map_or_else(|| Line::raw("not scored"), band_cell);
        rows.push((
            score,
            Row::new(vec![
                Line::raw(item.id.clone()),
                title,
                cell,
                Line::raw(owner),
            ]),
        ));
    }
    rows.sort_by_key(|(score, _)| std::cmp::Reverse(score.unwrap_or(0)));
    let rows = rows.into_iter().map(|(_, row)| row);
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

/// The risks the heat map counts: the plan's, and those scored in the
/// room, in this meeting or an earlier one (what the screen may show only:
/// nothing internal while presenting).
fn on_the_map(ctx: &Ctx) -> Vec<Risk> {
    let mut risks = ctx.plan().risks.clone();
    for (item, _, _) in raised(ctx, |c| matches!(c, Capture::Risk { .. })) {
        let (Some((p, i)), Capture::Risk { title, visible, .. }) =
            (item.what.risk_score(), &item.what)
        else {
            continue;
        };
        risks.push(Risk {
            id: toml::Spanned::new(0..0, item.id.clone()),
            title: title.clone(),
            probability: toml::Spanned::new(0..0, i64::from(p)),
            impact: toml::Spanned::new(0..0, i64::from(i)),
            owner: None,
            response: None,
            plan: String::new(),
            status: RiskStatus::Open,
            visible: *visible,
        });
    }
    risks
}

/// Risks or issues raised in the room and not yet in the plan — in
/// earlier meetings (marked when) and in this one (marked today) — as the
/// item, its title line and owner; nothing internal while presenting,
/// since the screen's captures are already the customer-safe ones.
fn raised(ctx: &Ctx, kind: fn(&Capture) -> bool) -> Vec<(Captured, Line<'static>, String)> {
    let earlier = ctx
        .shown
        .raised_earlier
        .iter()
        .map(|r| (r.item.clone(), r.mark.clone()));
    let today = ctx
        .shown
        .captures
        .iter()
        .map(|c| (c.clone(), "raised today".to_owned()));
    earlier
        .chain(today)
        .filter(|(item, _)| kind(&item.what))
        .map(|(item, mark)| {
            let owner = match &item.what {
                Capture::Risk { owner, .. } | Capture::Issue { owner, .. } => owner.clone(),
                _ => None,
            };
            let mut title = vec![
                Span::raw(ctx.plain(&item.what.text())),
                Span::styled(format!(" ({mark})"), ctx.theme.muted()),
            ];
            if !item.what.is_public() {
                title.insert(0, ctx.theme.internal());
            }
            let owner = owner.map_or_else(
                || "unassigned".to_owned(),
                |o| ctx.plan().name_of(&o).to_owned(),
            );
            (item, Line::from(title), owner)
        })
        .collect()
}
