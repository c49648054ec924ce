//! Status: the overall colour and why, the headline, milestones with
//! baseline / forecast / promised / slip, and what was accomplished.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Widget, Wrap};

use super::{Ctx, bullets, panel};
use crate::plan::derive::{milestone_rag, milestone_word, slip_days};
use crate::tui::view::rows_high;

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let plan = ctx.plan();
    let derived = ctx.derived();
    // Milestones and accomplishments keep their rows; the colour and its
    // reasons take what is left.
    let done_rows = plan.status.accomplishments.len().clamp(1, 3) as u16 + 2;
    let [overall, milestones, done] = Layout::vertical([
        Constraint::Min(4),
        Constraint::Length(rows_high(plan.milestones.len().max(1), 3)),
        Constraint::Length(done_rows),
    ])
    .areas(area);

    let as_of = plan
        .status
        .as_of
        .map_or_else(String::new, |d| format!("  as of {d}"));
    let mut lines = vec![Line::from(vec![
        Span::raw("Overall "),
        ctx.theme.badge(derived.overall),
        Span::styled(as_of, ctx.theme.muted()),
    ])];
    if !plan.status.headline.is_empty() {
        lines.push(Line::raw(ctx.plain(&plan.status.headline)));
    }
    lines.extend(
        derived
            .overall_reasons
            .iter()
            .map(|r| Line::styled(format!("• {}", ctx.plain(r)), ctx.theme.muted())),
    );
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(panel("Where we stand", ctx.theme))
        .render(overall, buf);

    let header = Row::new([
        "Milestone",
        "Baseline",
        "Forecast",
        "Promised",
        "Slip",
        "Status",
    ])
    .style(ctx.theme.heading());
    let rows = plan.milestones.iter().map(|m| {
        let rag = milestone_rag(m, plan.status.as_of);
        let slip = match (m.done, slip_days(m)) {
            (Some(_), _) => "done".to_owned(),
            (None, 0) => "on time".to_owned(),
            (None, d) if d > 0 => format!("+{d} days"),
            (None, d) => format!("{d} days"),
        };
        let word = format!("■ {}", milestone_word(m, plan.status.as_of));
        let mut name = vec![Span::raw(ctx.plain(m.name.get_ref()))];
        if !m.visible {
            name.insert(0, ctx.theme.internal());
        }
        Row::new(vec![
            Cell::from(Line::from(name)),
            Cell::from(m.baseline.to_string()),
            Cell::from(m.expected().to_string()),
            Cell::from(
                m.promised_date()
                    .map_or_else(|| "—".to_owned(), |d| d.to_string()),
            ),
            Cell::from(slip),
            Cell::from(Span::styled(word, ctx.theme.rag(rag))),
        ])
    });
    Table::new(
        rows,
        [
            Constraint::Min(16),
            Constraint::Length(10),
            Constraint::Length(10),
            Constraint::Length(10),
            Constraint::Length(9),
            Constraint::Length(17),
        ],
    )
    .header(header)
    .block(panel("Milestones", ctx.theme))
    .render(milestones, buf);

    let accomplished: Vec<String> = plan
        .status
        .accomplishments
        .iter()
        .map(|a| ctx.plain(a))
        .collect();
    bullets(
        "Done since last time",
        &accomplished,
        "Nothing listed.",
        ctx,
        done,
        buf,
    );
}
