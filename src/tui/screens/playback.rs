//! Playback: "what we heard", every answer of this meeting read back, and
//! whether the customer confirmed it or corrected it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::Ctx;
use crate::meeting::Capture;
use crate::plan::model::Rag;

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let mut lines = Vec::new();
    let mut questions: Vec<&str> = Vec::new();
    for item in &ctx.shown.captures {
        if let Capture::Answer { question, .. } = &item.what
            && !questions.contains(&question.as_str())
        {
            questions.push(question);
        }
    }
    for question in &questions {
        lines.push(Line::styled(ctx.plain(question), ctx.theme.heading()));
        for item in &ctx.shown.captures {
            if let Capture::Answer {
                question: q, text, ..
            } = &item.what
                && q == question
            {
                lines.extend(super::quoted(text, "  ", "   ").into_iter().map(Line::raw));
            }
        }
    }
    if questions.is_empty() {
        lines.push(Line::styled("No answers captured yet.", ctx.theme.muted()));
    }
    lines.push(Line::raw(""));
    let verdict = ctx.shown.latest(|c| match c {
        Capture::Playback {
            confirmed,
            correction,
        } => Some((*confirmed, correction.clone())),
        _ => None,
    });
    lines.push(match verdict {
        Some((true, _)) => Line::from(Span::styled(
            "✓ You confirmed this is what you said.",
            ctx.theme.rag(Rag::Green),
        )),
        Some((false, correction)) => Line::from(vec![
            Span::styled("Your correction: ", ctx.theme.rag(Rag::Amber)),
            Span::raw(correction),
        ]),
        None if ctx.projector => Line::raw(""),
        None => Line::styled(
            "Enter: the customer confirms, or type their correction.",
            ctx.theme.muted(),
        ),
    });
    ctx.list("What we heard", 3)
        .rows(lines.into_iter().map(|l| vec![l]))
        .render(area, buf);
}
