//! Pulse: how confident each customer attendee is, from 1 to 5, and how
//! likely they are to recommend us, 0 to 10.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Ctx, panel};
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
        let line = Line::raw(text);
        lines.push(if n == meeting.selected {
            line.style(ctx.theme.selected())
        } else {
            line
        });
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
    lines.push(if meeting.selected == people.len() {
        line.style(ctx.theme.selected())
    } else {
        line
    });
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        previous(&meeting.pulse_trend),
        ctx.theme.muted(),
    ));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(panel("Pulse — Enter: their score", ctx.theme))
        .render(area, buf);
}
