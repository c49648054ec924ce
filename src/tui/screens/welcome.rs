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
        Layout::vertical([Constraint::Length(5), Constraint::Min(3)]).areas(area);
    let summary = ctx.plain(&plan.project.summary);
    let mut lines = vec![Line::from(vec![
        Span::styled(plan.project.name.clone(), ctx.theme.title()),
        Span::raw(format!(" for {}", plan.project.customer)),
    ])];
    if !summary.is_empty() {
        lines.push(Line::raw(summary));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(panel("Why we are here", ctx.theme))
        .render(purpose, buf);

    let [people, agenda] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(below);
    let attendees: Vec<Line> = if plan.meeting.attendees.is_empty() {
        vec![Line::styled(
            "No attendees listed in the plan",
            ctx.theme.muted(),
        )]
    } else {
        plan.meeting
            .attendees
            .iter()
            .map(|id| {
                let (name, role, side) = match plan.person(id.get_ref()) {
                    Some(p) => (p.name.as_str(), p.role.as_str(), p.side),
                    None => (id.get_ref().as_str(), "", Side::Us),
                };
                let side = match side {
                    Side::Us => "delivery team".to_owned(),
                    Side::Customer => plan.project.customer.clone(),
                };
                Line::from(vec![
                    Span::styled(name.to_owned(), ctx.theme.heading()),
                    Span::styled(format!("  {role}, {side}"), ctx.theme.muted()),
                ])
            })
            .collect()
    };
    Paragraph::new(attendees)
        .wrap(Wrap { trim: false })
        .block(panel("In the room", ctx.theme))
        .render(people, buf);

    let rows = ctx.meeting.sections.iter().enumerate().map(|(n, s)| {
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
