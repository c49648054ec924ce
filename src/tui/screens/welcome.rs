//! Welcome: why we are here, who is in the room, and the agenda ahead.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Ctx, stack};
use crate::plan::model::Side;
use crate::tui::widgets::fitted_table::Column;
use crate::tui::widgets::split::columns;

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let plan = ctx.plan();
    let summary = ctx.plain(&plan.project.summary);
    let mut lines = vec![Line::from(vec![
        Span::styled(plan.project.name.clone(), ctx.theme.title()),
        Span::raw(format!(" for {}", plan.project.customer)),
    ])];
    if !summary.is_empty() {
        lines.push(Line::raw(summary));
    }
    lines.push(pulse_trend(ctx));
    let purpose = ctx
        .list("Why we are here", 0)
        .rows(lines.into_iter().map(|l| vec![l]));
    let mut attendees: Vec<Vec<Line>> = ctx
        .shown
        .attendees
        .iter()
        .map(|a| {
            let (name, role, side) = match plan.person(&a.person) {
                Some(p) => (p.name.as_str(), p.role.as_str(), Some(p.side)),
                None => (a.person.as_str(), "guest", None),
            };
            let side = match side {
                Some(Side::Us) => ", delivery team".to_owned(),
                Some(Side::Customer) => format!(", {}", plan.project.customer),
                None => String::new(),
            };
            let mark = match a.present {
                Some(true) => {
                    Span::styled("✓ here  ", ctx.theme.rag(crate::plan::model::Rag::Green))
                }
                Some(false) => Span::styled("✗ away  ", ctx.theme.muted()),
                None => Span::styled("?       ", ctx.theme.muted()),
            };
            vec![Line::from(vec![
                mark,
                Span::styled(name.to_owned(), ctx.theme.heading()),
                Span::styled(format!("  {role}{side}"), ctx.theme.muted()),
            ])]
        })
        .collect();
    if !ctx.projector {
        attendees.push(vec![Line::styled("+ add a guest", ctx.theme.accent())]);
    }
    let people = ctx
        .rows(&ctx.hinted("In the room", "Enter: here / away"), 8)
        .rows(attendees);

    let rows = ctx.shown.sections.iter().enumerate().map(|(n, s)| {
        vec![
            Line::raw(format!("{:>2}.", n + 1)),
            Line::raw(s.title.clone()),
            Line::raw(format!("{} min", s.minutes)),
        ]
    });
    let agenda = ctx
        .table(
            "Today's agenda",
            vec![Column::keep(""), Column::wrap(""), Column::right("")],
        )
        .rows(rows);

    let half = area.width / 2;
    let below_need = people.height(half).max(agenda.height(area.width - half));
    let below_least = people
        .least_height(half)
        .max(agenda.least_height(area.width - half));
    let [top, below] = stack(
        area,
        [(purpose.height(area.width), 4), (below_need, below_least)],
    );
    let [left, right] = columns(below, [Constraint::Length(half), Constraint::Min(1)]);
    purpose.render(top, buf);
    people.render(left, buf);
    agenda.render(right, buf);
}

/// "Pulse so far ▃▅▆ 2.5 → 3.5": the customer's confidence meeting by
/// meeting; after years of meetings, the latest few, so it stays a line.
fn pulse_trend(ctx: &Ctx) -> Line<'static> {
    if ctx.shown.reading_earlier {
        return Line::styled("Reading the earlier meetings…", ctx.theme.muted());
    }
    const RECENT: usize = 12;
    let all = &ctx.shown.pulse_trend;
    let trend = &all[all.len().saturating_sub(RECENT)..];
    let (Some(first), Some(last)) = (trend.first(), trend.last()) else {
        return Line::styled(
            "No earlier pulse on record: this is the first.",
            ctx.theme.muted(),
        );
    };
    let label = if trend.len() < all.len() {
        format!("Pulse, last {RECENT} meetings ")
    } else {
        "Pulse so far ".to_owned()
    };
    const BARS: [char; 5] = ['▁', '▃', '▅', '▆', '█'];
    let bars: String = trend
        .iter()
        .map(|v| BARS[(v.round().clamp(1.0, 5.0) as usize) - 1])
        .collect();
    Line::from(vec![
        Span::styled(label, ctx.theme.muted()),
        Span::styled(bars, ctx.theme.accent()),
        Span::styled(format!(" {first:.1} → {last:.1} of 5"), ctx.theme.muted()),
    ])
}
