//! Issues and risks: the issues list, the 5×5 heat map, risks by score.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Ctx, panel, person, stack};
use crate::meeting::{Capture, Captured};
use crate::plan::derive::Band;
use crate::plan::model::{IssueStatus, Rag, Risk, RiskStatus, Severity};
use crate::tui::theme::Theme;
use crate::tui::widgets::fitted_table::{Column, FittedTable};
use crate::tui::widgets::heat_map::{self, HeatMap};

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let issues = issues_table(ctx);
    let risks_table = risks_table(ctx);
    // A narrow screen draws the map with smaller cells, leaving the risk
    // titles room to read; with no risk to list, the map takes half the width.
    let cell = if on_the_map(ctx)
        .iter()
        .all(|r| r.status != crate::plan::model::RiskStatus::Open)
    {
        (area.width / 2).saturating_sub(6) / 5
    } else if area.width < 100 {
        3
    } else {
        5
    }
    .clamp(3, heat_map::MOST_CELL);
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
    // The issues show whole rows only: lines left at their foot go to the
    // map and the risks, so the map keeps the rows it needs to be drawn.
    let used = issues.used_height(area.width, issues_area.height);
    let spare = issues_area.height - used;
    let issues_area = Rect {
        height: used,
        ..issues_area
    };
    let risks = Rect {
        y: risks.y - spare,
        height: risks.height + spare,
        ..risks
    };
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
        risks: &on_the_map(ctx),
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
    let rows = rows.chain(raised.into_iter().map(|(item, title, owner)| {
        vec![
            Line::raw(item.id),
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
    let band_cell = |score: i64| {
        let band = Band::of(score);
        Line::from(Span::styled(
            format!("{score:>2} {}", band.as_str().to_uppercase()),
            ctx.theme.rag(Theme::band_rag(band)),
        ))
    };
    // The plan's open risks and those raised in the room, worst first; a
    // risk saved unscored comes last.
    let mut rows: Vec<(Option<i64>, Vec<Line<'static>>)> = plan
        .risks
        .iter()
        .filter(|r| r.status == RiskStatus::Open)
        .map(|risk| {
            let mut title = vec![Span::raw(ctx.plain(&risk.title))];
            if !risk.visible {
                title.insert(0, ctx.theme.internal());
            }
            let row = vec![
                Line::raw(risk.id.get_ref().clone()),
                Line::from(title),
                band_cell(risk.score()),
                Line::raw(person(plan, risk.owner.as_ref())),
            ];
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
            vec![Line::raw(item.id.clone()), title, cell, Line::raw(owner)],
        ));
    }
    rows.sort_by_key(|(score, _)| std::cmp::Reverse(score.unwrap_or(0)));
    ctx.table(
        "Risks by score",
        vec![
            Column::keep("Id"),
            Column::wrap("Risk"),
            Column::keep("Score"),
            Column::wrap("Owner"),
        ],
    )
    .rows(rows.into_iter().map(|(_, row)| row))
    .empty(Line::styled("No open risks.", ctx.theme.muted()))
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
    let today = ctx.shown.captures.iter().map(|c| {
        // When it was raised is the PM's note, not the customer's.
        let mark = if ctx.shown.presenting {
            ""
        } else {
            "raised today"
        };
        (c.clone(), mark.to_owned())
    });
    earlier
        .chain(today)
        .filter(|(item, _)| kind(&item.what))
        .map(|(item, mark)| {
            let owner = match &item.what {
                Capture::Risk { owner, .. } | Capture::Issue { owner, .. } => owner.clone(),
                _ => None,
            };
            let mut title = vec![Span::raw(ctx.plain(&item.what.text()))];
            if !mark.is_empty() {
                title.push(Span::styled(format!(" ({mark})"), ctx.theme.muted()));
            }
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
