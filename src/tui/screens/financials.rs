//! Financials: budget and spend to date, CPI and SPI as gauges with their
//! colour word, the forecast at completion, the monthly burn, change requests.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Gauge, Paragraph, Row, Table, Widget};

use super::{Ctx, field, panel};
use crate::figures::{money, ratio};
use crate::plan::model::{ChangeStatus, Financials, Rag};

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let Some(money_plan) = &ctx.plan().financials else {
        Paragraph::new("The plan has no [financials] yet.")
            .style(ctx.theme.muted())
            .block(panel("Budget and spend", ctx.theme))
            .render(area, buf);
        return;
    };
    let [top, bottom] = Layout::vertical([Constraint::Length(8), Constraint::Min(5)]).areas(area);
    let [figures, gauges] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(top);
    render_figures(ctx, money_plan, figures, buf);
    render_gauges(ctx, gauges, buf);
    let [burn, changes] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(bottom);
    render_burn(ctx, money_plan, burn, buf);
    render_changes(ctx, money_plan, changes, buf);
}

fn render_figures(ctx: &Ctx, m: &Financials, area: Rect, buf: &mut Buffer) {
    let ev = &ctx.derived().earned_value;
    let c = m.currency.as_str();
    let amount = |v: Option<&toml::Spanned<f64>>| money(v.map(|v| *v.get_ref()), c);
    let plain = Style::default();
    let lines = vec![
        field(
            "Budget",
            money(Some(*m.budget.get_ref()), c),
            ctx.theme.heading(),
        ),
        field("Planned", amount(m.planned_value.as_ref()), plain),
        field("Earned", money(m.earned(), c), plain),
        field("Spent", amount(m.actual_cost.as_ref()), plain),
        field("Forecast", money(ev.eac, c), ctx.theme.heading()),
        field(
            "Variance",
            money(ev.vac, c),
            ctx.theme.rag(if ev.vac.unwrap_or(0.0) < 0.0 {
                Rag::Red
            } else {
                Rag::Green
            }),
        ),
    ];
    Paragraph::new(lines)
        .block(panel("Money to date", ctx.theme))
        .render(area, buf);
}

fn render_gauges(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let ev = &ctx.derived().earned_value;
    let block = panel("Cost and schedule", ctx.theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let [cpi, cpi_note, spi, spi_note] = Layout::vertical([Constraint::Length(1); 4]).areas(inner);
    let gauge = |name: &str, value: Option<f64>, rag: Rag, area: Rect, buf: &mut Buffer| {
        let word = match rag {
            Rag::Green => "GREEN",
            Rag::Amber => "AMBER",
            Rag::Red => "RED",
            Rag::Grey => "n/a",
        };
        Gauge::default()
            .ratio(value.unwrap_or(0.0).clamp(0.0, 1.0))
            .label(format!("{name} {} {word}", ratio(value)))
            .gauge_style(ctx.theme.rag(rag))
            .use_unicode(true)
            .render(area, buf);
    };
    gauge("CPI", ev.cpi, ev.cpi_rag, cpi, buf);
    Line::styled("value earned for each 1.00 spent", ctx.theme.muted()).render(cpi_note, buf);
    gauge("SPI", ev.spi, ev.spi_rag, spi, buf);
    Line::styled("work done for each 1.00 of work planned", ctx.theme.muted())
        .render(spi_note, buf);
}

fn render_burn(ctx: &Ctx, m: &Financials, area: Rect, buf: &mut Buffer) {
    if m.periods.is_empty() {
        Paragraph::new("No monthly figures in the plan.")
            .style(ctx.theme.muted())
            .block(panel("Monthly spend", ctx.theme))
            .render(area, buf);
        return;
    }
    let thousands = |v: f64| (v.max(0.0) / 1000.0).round() as u64;
    let groups: Vec<BarGroup> = m
        .periods
        .iter()
        .map(|p| {
            let month = p.month.get_ref();
            let short = month.get(2..).unwrap_or(month);
            BarGroup::default()
                .label(Line::from(short.to_owned()))
                .bars(&[
                    Bar::default()
                        .value(thousands(p.planned))
                        .style(ctx.theme.muted())
                        .text_value(format!("{}", thousands(p.planned))),
                    Bar::default()
                        .value(thousands(p.actual))
                        .style(ctx.theme.rag(if p.actual > p.planned {
                            Rag::Amber
                        } else {
                            Rag::Green
                        }))
                        .text_value(format!("{}", thousands(p.actual))),
                ])
        })
        .collect();
    let title = format!("Spend by month, {} thousands: plan, actual", m.currency);
    let mut chart = BarChart::default()
        .block(panel(&title, ctx.theme))
        .bar_width(3)
        .bar_gap(0)
        .group_gap(1);
    for group in groups {
        chart = chart.data(group);
    }
    chart.render(area, buf);
}

fn render_changes(ctx: &Ctx, m: &Financials, area: Rect, buf: &mut Buffer) {
    if m.changes.is_empty() {
        Paragraph::new("No change requests.")
            .style(ctx.theme.muted())
            .block(panel("Change requests", ctx.theme))
            .render(area, buf);
        return;
    }
    let rows = m.changes.iter().map(|cr| {
        let (word, rag) = match cr.status {
            ChangeStatus::Pending => ("pending", Rag::Amber),
            ChangeStatus::Approved => ("approved", Rag::Green),
            ChangeStatus::Rejected => ("rejected", Rag::Grey),
        };
        Row::new(vec![
            Line::raw(cr.id.get_ref().clone()),
            Line::raw(ctx.plain(&cr.title)),
            Line::raw(crate::figures::thousands(cr.amount)).right_aligned(),
            Line::from(Span::styled(word, ctx.theme.rag(rag))),
        ])
    });
    Table::new(
        rows,
        [
            Constraint::Length(4),
            Constraint::Min(8),
            Constraint::Length(8),
            Constraint::Length(8),
        ],
    )
    .block(panel(
        &format!("Change requests, {}", m.currency),
        ctx.theme,
    ))
    .render(area, buf);
}
