//! Status: the overall colour and why, the headline, milestones with
//! baseline / forecast / promised / slip, and what was accomplished.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Ctx, bullets, stack_tables};
use crate::plan::derive::{milestone_rag, milestone_word, slip_days};
use crate::tui::widgets::fitted_table::Column;

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let plan = ctx.plan();
    let derived = ctx.derived();

    let as_of = plan
        .status
        .as_of
        .map_or_else(String::new, |d| format!("  as of {d}"));
    let mut overall = ctx.list("Where we stand", 2).row(vec![Line::from(vec![
        Span::raw("Overall "),
        ctx.theme.badge(derived.overall),
        Span::styled(as_of, ctx.theme.muted()),
    ])]);
    if !plan.status.headline.is_empty() {
        overall = overall.row_indented(vec![Line::raw(ctx.plain(&plan.status.headline))], 0);
    }
    overall = overall.rows(derived.overall_reasons.iter().map(|r| {
        vec![Line::styled(
            format!("• {}", ctx.plain(r)),
            ctx.theme.muted(),
        )]
    }));

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
        vec![
            Line::from(name),
            Line::raw(m.baseline.to_string()),
            Line::raw(m.expected().to_string()),
            Line::raw(
                m.promised_date()
                    .map_or_else(|| "—".to_owned(), |d| d.to_string()),
            ),
            Line::raw(slip),
            Line::from(Span::styled(word, ctx.theme.rag(rag))),
        ]
    });
    let milestones = ctx
        .table(
            "Milestones",
            vec![
                Column::wrap("Milestone"),
                Column::keep("Baseline"),
                Column::keep("Forecast"),
                Column::keep("Promised"),
                Column::keep("Slip"),
                Column::wrap("Status"),
            ],
        )
        .rows(rows)
        .empty(Line::styled(
            "No milestones in the plan yet.",
            ctx.theme.muted(),
        ));

    let accomplished: Vec<String> = plan
        .status
        .accomplishments
        .iter()
        .map(|a| ctx.plain(a))
        .collect();
    let done = bullets(
        "Done since last time",
        &accomplished,
        "Nothing listed.",
        ctx,
    );

    // The colour and every reason for it come first; milestones next; what
    // was done takes what is left and scrolls.
    let [top, middle, bottom] = stack_tables(area, [&overall, &milestones, &done]);
    overall.render(top, buf);
    milestones.render(middle, buf);
    done.render(bottom, buf);
}
