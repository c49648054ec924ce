//! Financials: budget and spend to date, CPI and SPI on scales with their
//! thresholds and colour word, the forecast at completion, the monthly
//! spend against plan, change requests.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, field, panel};
use crate::figures::money;
use crate::plan::model::{ChangeStatus, Financials, Rag};
use crate::tui::widgets::fitted_table::Column;
use crate::tui::widgets::index_gauge::{self, IndexGauge};
use crate::tui::widgets::spend_chart::SpendChart;

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let Some(money_plan) = &ctx.plan().financials else {
        // On a shared screen the money may be kept internal: the customer
        // is told nothing of why it is not there.
        let missing = if ctx.shown.presenting {
            "Budget and spend are reviewed separately."
        } else {
            "The plan has no [financials] yet."
        };
        Paragraph::new(missing)
            .style(ctx.theme.muted())
            .block(panel("Budget and spend", ctx.theme))
            .render(area, buf);
        return;
    };
    let [top, bottom] = Layout::vertical([Constraint::Length(8), Constraint::Min(5)]).areas(area);
    let [figures, gauges] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(top);
    render_figures(ctx, money_plan, figures, buf);
    render_gauges(ctx, money_plan, gauges, buf);
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

fn render_gauges(ctx: &Ctx, m: &Financials, area: Rect, buf: &mut Buffer) {
    let ev = &ctx.derived().earned_value;
    let block = panel("Cost and schedule", ctx.theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let [cpi, spi] = Layout::vertical([Constraint::Length(index_gauge::HEIGHT); 2]).areas(inner);
    for (name, value, rag, meaning, area) in [
        ("CPI", ev.cpi, ev.cpi_rag, "earned per 1.00 spent", cpi),
        ("SPI", ev.spi, ev.spi_rag, "done per 1.00 planned", spi),
    ] {
        IndexGauge {
            name,
            value,
            rag,
            thresholds: m.thresholds(),
            meaning,
            theme: ctx.theme,
        }
        .render(area, buf);
    }
}

fn render_burn(ctx: &Ctx, m: &Financials, area: Rect, buf: &mut Buffer) {
    if m.periods.is_empty() {
        Paragraph::new("No monthly figures in the plan.")
            .style(ctx.theme.muted())
            .block(panel("Monthly spend", ctx.theme))
            .render(area, buf);
        return;
    }
    let title = format!("Spend by month, {} thousands", m.currency);
    let block = panel(&title, ctx.theme);
    let inner = block.inner(area);
    block.render(area, buf);
    SpendChart {
        periods: &m.periods,
        theme: ctx.theme,
    }
    .render(inner, buf);
}

fn render_changes(ctx: &Ctx, m: &Financials, area: Rect, buf: &mut Buffer) {
    let rows = m.changes.iter().map(|cr| {
        let (word, rag) = match cr.status {
            ChangeStatus::Pending => ("pending", Rag::Amber),
            ChangeStatus::Approved => ("approved", Rag::Green),
            ChangeStatus::Rejected => ("rejected", Rag::Grey),
        };
        vec![
            Line::raw(cr.id.get_ref().clone()),
            Line::raw(ctx.plain(&cr.title)),
            Line::raw(crate::figures::thousands(cr.amount)),
            Line::from(Span::styled(word, ctx.theme.rag(rag))),
        ]
    });
    ctx.table(
        &format!("Change requests, {}", m.currency),
        vec![
            Column::keep(""),
            Column::wrap(""),
            Column::right(""),
            Column::keep(""),
        ],
    )
    .rows(rows)
    .empty(Line::styled("No change requests.", ctx.theme.muted()))
    .render(area, buf);
}
