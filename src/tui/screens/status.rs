//! Status: the overall colour and why, the headline, milestones with
//! baseline / forecast / promised / slip, and what was accomplished. Bad
//! news first at every size: the colour with every reason for it, then
//! the milestones that are not on track; what is done gives way first.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Ctx, bullets, stack_tables};
use crate::plan::derive::{milestone_rag, milestone_word, slip_days};
use crate::plan::model::{Milestone, Rag};
use crate::tui::widgets::fitted_table::{Column, FittedTable};

/// Below this width the baseline column gives way to the milestone's name
/// (its slip still says how far it moved).
const ROOM_FOR_BASELINE: u16 = 100;

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let derived = ctx.derived();
    let w = area.width;
    let overall = overall(ctx, derived.overall_reasons.len());
    let milestones = milestones(ctx, w, false);
    let accomplished: Vec<String> = ctx
        .plan()
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
    let wanted = u32::from(overall.height(w))
        + u32::from(milestones.height(w))
        + u32::from(done.least_height(w));
    let short = wanted > u32::from(area.height);
    // Scrolled on (`]`), every panel is offered its share again, and what
    // was done, which gave way, is read from its start.
    let scroll = ctx.shown.scroll;
    let done = if short && scroll > 0 {
        done.scrolled(
            scroll - 1,
            &ctx.keymap.first_label(crate::meeting::Action::ScrollDown),
        )
    } else {
        done
    };
    if !short || scroll > 0 {
        // Room for everything: what was done takes what is left and scrolls.
        let [top, middle, bottom] = stack_tables(area, [&overall, &milestones, &done]);
        overall.render(top, buf);
        milestones.render(middle, buf);
        done.render(bottom, buf);
        return;
    }
    // Short of room: first the colour and every reason for it, then every
    // milestone not on track, then a line of what was done (the rest of it
    // a `]` away), then the other reasons and milestones; done milestones
    // are last in their table, so they give way first.
    let h = area.height;
    let least_overall = self::overall(ctx, derived.reasons_for_colour)
        .height(w)
        .min(h);
    let least_milestones = self::milestones(ctx, w, true)
        .height(w)
        .min(h - least_overall);
    let (mut top, mut middle) = (least_overall, least_milestones);
    let mut bottom = done.least_height(w);
    if top + middle + bottom > h {
        bottom = 0;
    }
    let mut spare = h - top - middle - bottom;
    for (panel, full) in [
        (&mut top, overall.height(w)),
        (&mut middle, milestones.height(w)),
    ] {
        let more = full.saturating_sub(*panel).min(spare);
        *panel += more;
        spare -= more;
    }
    if bottom > 0 {
        bottom += spare;
    } else {
        middle += spare;
    }
    let [top_area, middle_area, bottom_area] = Layout::vertical([
        Constraint::Length(top),
        Constraint::Length(middle),
        Constraint::Length(bottom),
    ])
    .areas(area);
    overall.render(top_area, buf);
    milestones.render(middle_area, buf);
    if bottom > 0 {
        done.render(bottom_area, buf);
    }
}

/// The colour, the headline and the first `reasons` reasons (worst first).
fn overall(ctx: &Ctx, reasons: usize) -> FittedTable<'static> {
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
    overall.rows(derived.overall_reasons.iter().take(reasons).map(|r| {
        vec![Line::styled(
            format!("• {}", ctx.plain(r)),
            ctx.theme.muted(),
        )]
    }))
}

/// How bad a milestone's state is, worst first: red, amber, green, done.
fn badness(rag: Rag) -> u8 {
    match rag {
        Rag::Red => 0,
        Rag::Amber => 1,
        Rag::Green => 2,
        Rag::Grey => 3,
    }
}

/// The milestones, the ones in trouble first (only those, with
/// `only_bad`), with the baseline column where the width allows it.
fn milestones(ctx: &Ctx, width: u16, only_bad: bool) -> FittedTable<'static> {
    let plan = ctx.plan();
    let as_of = plan.status.as_of;
    let baseline = width >= ROOM_FOR_BASELINE;
    let mut ordered: Vec<&Milestone> = plan.milestones.iter().collect();
    // Stable: milestones of one state keep the plan's order.
    ordered.sort_by_key(|m| badness(milestone_rag(m, as_of)));
    if only_bad {
        ordered.retain(|m| matches!(milestone_rag(m, as_of), Rag::Red | Rag::Amber));
    }
    let rows = ordered.into_iter().map(|m| {
        let rag = milestone_rag(m, as_of);
        let slip = match (m.done, slip_days(m)) {
            (Some(_), _) => "done".to_owned(),
            (None, 0) => "on time".to_owned(),
            (None, d) if d > 0 => format!("+{d} days"),
            (None, d) => format!("{d} days"),
        };
        let word = format!("■ {}", milestone_word(m, as_of));
        let mut name = vec![Span::raw(ctx.plain(m.name.get_ref()))];
        if !m.visible {
            name.insert(0, ctx.theme.internal());
        }
        let mut row = vec![Line::from(name)];
        if baseline {
            row.push(Line::raw(m.baseline.to_string()));
        }
        row.extend([
            Line::raw(m.expected().to_string()),
            Line::raw(
                m.promised_date()
                    .map_or_else(|| "—".to_owned(), |d| d.to_string()),
            ),
            Line::raw(slip),
            Line::from(Span::styled(word, ctx.theme.rag(rag))),
        ]);
        row
    });
    let mut columns = vec![Column::wrap("Milestone")];
    if baseline {
        columns.push(Column::keep("Baseline"));
    }
    columns.extend([
        Column::keep("Forecast"),
        Column::keep("Promised"),
        Column::keep("Slip"),
        Column::wrap("Status"),
    ]);
    ctx.table("Milestones", columns)
        .rows(rows)
        .empty(Line::styled(
            "No milestones in the plan yet.",
            ctx.theme.muted(),
        ))
}
