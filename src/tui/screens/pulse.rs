//! Pulse: how confident each customer attendee is, from 1 to 5, and how
//! likely they are to recommend us, 0 to 10.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::Ctx;
use crate::meeting::Capture;

/// The previous pulse, the same one the welcome screen's trend ends on.
fn previous(trend: &[f64]) -> String {
    match trend {
        [] => "This is the first pulse on record.".to_owned(),
        [only] => format!("Last time: {only:.1} of 5 on average."),
        [first, .., last] => format!(
            "Last time: {last:.1} of 5 on average ({first:.1} → {last:.1} over {} meetings).",
            trend.len()
        ),
    }
}

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let meeting = ctx.shown;
    let plan = ctx.plan();
    let mut lines = vec![
        Line::styled(
            "How confident are you that the project will succeed?",
            ctx.theme.heading(),
        ),
        Line::raw("1 = not at all, 5 = fully confident."),
        Line::raw(""),
    ];
    let people = &meeting.customer_attendees;
    // The row ↑/↓ highlights, counted after the question's lines.
    let mut chosen = None;
    for (n, person) in people.iter().enumerate() {
        let score = meeting.latest(|c| match c {
            Capture::Pulse {
                person: p,
                confidence,
                comment,
            } if p == person => Some((*confidence, comment.clone())),
            _ => None,
        });
        let text = match score {
            Some((c, comment)) if comment.is_empty() => {
                format!("  {}: {c} of 5", plan.name_of(person))
            }
            Some((c, comment)) => format!("  {}: {c} of 5 — {comment}", plan.name_of(person)),
            None => format!("  {}: not asked yet", plan.name_of(person)),
        };
        if n == meeting.selected {
            chosen = Some(lines.len());
        }
        lines.push(Line::raw(text));
    }
    if people.is_empty() {
        lines.push(Line::styled(
            "  No customer attendees listed in the plan.",
            ctx.theme.muted(),
        ));
    }
    let recommend = meeting.latest(|c| match c {
        Capture::Recommend { score } => Some(*score),
        _ => None,
    });
    let line = Line::raw(match recommend {
        Some(score) => format!("  How likely to recommend us: {score} of 10"),
        None => "  How likely to recommend us, 0 to 10: not asked yet".to_owned(),
    });
    if meeting.selected == people.len() {
        chosen = Some(lines.len());
    }
    lines.push(line);
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        previous(&meeting.pulse_trend),
        ctx.theme.muted(),
    ));
    ctx.rows(&ctx.hinted("Pulse", "Enter: their score"), 2)
        .selected(chosen)
        .rows(lines.into_iter().map(|l| vec![l]))
        .render(area, buf);
}
