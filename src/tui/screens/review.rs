//! Review: every action, decision, sign-off and buy-in captured so far, for
//! the customer to read back before the meeting closes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::Ctx;
use crate::meeting::Capture;

/// A heading, which items it lists, and whether it is shown with none.
type Group = (&'static str, fn(&Capture) -> bool, bool);

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let meeting = ctx.shown;
    let groups: [Group; 7] = [
        ("Actions", |c| matches!(c, Capture::Action { .. }), true),
        ("Decisions", |c| matches!(c, Capture::Decision { .. }), true),
        (
            "Sign-offs and buy-in",
            |c| matches!(c, Capture::Signoff { .. } | Capture::BuyIn { .. }),
            true,
        ),
        (
            "New risks and issues",
            |c| matches!(c, Capture::Risk { .. } | Capture::Issue { .. }),
            true,
        ),
        // What became of earlier items, as the follow-ups screen recorded it.
        (
            "Follow-ups",
            |c| matches!(c, Capture::Followup { .. }),
            true,
        ),
        // Said only when there are some: most meetings park and skip nothing.
        (
            "Parked for later",
            |c| matches!(c, Capture::Parked { .. }),
            false,
        ),
        (
            "Skipped on purpose",
            |c| matches!(c, Capture::Skipped { .. }),
            false,
        ),
    ];
    let mut lines = Vec::new();
    for (title, wanted, even_empty) in groups {
        let items: Vec<_> = meeting
            .captures
            .iter()
            .filter(|c| wanted(&c.what))
            .collect();
        if items.is_empty() && !even_empty {
            continue;
        }
        lines.push(Line::styled(
            format!("{title} ({})", items.len()),
            ctx.theme.heading(),
        ));
        if items.is_empty() {
            lines.push(Line::styled("  none yet", ctx.theme.muted()));
        }
        for item in items {
            let line = match &item.what {
                Capture::Skipped { reason } => skipped(ctx, item.section, reason),
                _ => item.in_one_line(ctx.plan()),
            };
            lines.push(Line::raw(format!("  • {line}")));
        }
        lines.push(Line::raw(""));
    }
    ctx.list("Read back: what we agreed today", 4)
        .rows(lines.into_iter().map(|l| vec![l]))
        .render(area, buf);
}

/// A skipped section by its title, with why; one that asks for the
/// customer's buy-in says that it still needs it.
fn skipped(ctx: &Ctx, section: usize, reason: &str) -> String {
    let Some(skipped) = ctx.shown.sections.get(section) else {
        return "a section".to_owned();
    };
    let why = if reason.is_empty() {
        String::new()
    } else {
        format!(" ({reason})")
    };
    let buy_in = if skipped.kind.needs_buy_in() {
        " — still needs their buy-in"
    } else {
        ""
    };
    format!("{}{why}{buy_in}", skipped.title)
}
