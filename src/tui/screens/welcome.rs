//! Welcome: why we are here, who is in the room, and the agenda ahead.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, Widget, Wrap};

use super::{Ctx, panel};
use crate::plan::model::Side;

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let plan = ctx.plan();
    let [purpose, below] =
        Layout::vertical([Constraint::Length(6), Constraint::Min(3)]).areas(area);
    let summary = ctx.plain(&plan.project.summary);
    let mut lines = vec![Line::from(vec![
        Span::styled(plan.project.name.clone(), ctx.theme.title()),
        Span::raw(format!(" for {}", plan.project.customer)),
    ])];
    if !summary.is_empty() {
        lines.push(Line::raw(summary));
    }
    lines.push(pulse_trend(ctx));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(panel("Why we are here", ctx.theme))
        .render(purpose, buf);

    let [people, agenda] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(below);
    let mut attendees: Vec<Line> = ctx
        .shown
        .attendees
        .iter()
        .enumerate()
        .map(|(n, a)| {
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
            let line = Line::from(vec![
                mark,
                Span::styled(name.to_owned(), ctx.theme.heading()),
                Span::styled(format!("  {role}{side}"), ctx.theme.muted()),
            ]);
            if n == ctx.shown.selected {
                line.style(ctx.theme.selected())
            } else {
                line
            }
        })
        .collect();
    let add = Line::styled("+ add a guest", ctx.theme.accent());
    let guest_row = ctx.shown.attendees.len();
    attendees.push(if ctx.shown.selected == guest_row {
        add.style(ctx.theme.selected())
    } else {
        add
    });
    Paragraph::new(attendees)
        .wrap(Wrap { trim: false })
        .block(panel("In the room — Enter: here / away", ctx.theme))
        .render(people, buf);

    let rows = ctx.shown.sections.iter().enumerate().map(|(n, s)| {
        Row::new(vec![
            Line::raw(format!("{:>2}.", n + 1)),
            Line::raw(s.title.clone()),
            Line::raw(format!("{} min", s.minutes)).right_aligned(),
        ])
    });
    Table::new(
        rows,
        [
            Constraint::Length(3),
            Constraint::Min(10),
            Constraint::Length(6),
        ],
    )
    .block(panel("Today's agenda", ctx.theme))
    .render(agenda, buf);
}

/// "Pulse so far ▃▅▆ 2.5 → 3.5": the customer's confidence meeting by meeting.
fn pulse_trend(ctx: &Ctx) -> Line<'static> {
    let trend = &ctx.shown.pulse_trend;
    let (Some(first), Some(last)) = (trend.first(), trend.last()) else {
        return Line::styled(
            "No earlier pulse on record: this is the first.",
            ctx.theme.muted(),
        );
    };
    const BARS: [char; 5] = ['▁', '▃', '▅', '▆', '█'];
    let bars: String = trend
        .iter()
        .map(|v| BARS[(v.round().clamp(1.0, 5.0) as usize) - 1])
        .collect();
    Line::from(vec![
        Span::styled("Pulse so far ", ctx.theme.muted()),
        Span::styled(bars, ctx.theme.accent()),
        Span::styled(format!(" {first:.1} → {last:.1} of 5"), ctx.theme.muted()),
    ])
}
