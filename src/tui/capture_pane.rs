//! The capture pane beside (or below) the section, the text field being
//! typed into, and a one-line description of any captured item.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

use super::screens::panel;
use super::theme::Theme;
use super::widgets::fitted_table::{Column, FittedTable};
use crate::meeting::{Capture, Captured, Meeting};
use crate::plan::model::Plan;

/// An item in one line, as the pane and the review list show it.
pub fn describe(item: &Captured, plan: &Plan) -> String {
    let name = |id: &Option<String>| id.as_deref().map(|id| plan.name_of(id).to_owned());
    match &item.what {
        Capture::Answer { text, .. } => format!("“{}”", one_line(text)),
        Capture::Note { text, private } => {
            format!(
                "{}{}",
                if *private { "private: " } else { "" },
                one_line(text)
            )
        }
        Capture::Action {
            title, owner, due, ..
        } => {
            let mut line = format!("{} {title}", item.id);
            if let Some(owner) = name(owner) {
                line.push_str(&format!(" — {owner}"));
            }
            if let Some(due) = due {
                line.push_str(&format!(", due {}", due.strftime("%a %-d %b")));
            }
            line
        }
        Capture::Decision { text } => format!("decided: {}", one_line(text)),
        Capture::Risk {
            title,
            owner,
            visible,
        }
        | Capture::Issue {
            title,
            owner,
            visible,
        } => {
            let kind = if matches!(item.what, Capture::Risk { .. }) {
                "risk"
            } else {
                "issue"
            };
            let owner = name(owner).map_or_else(String::new, |o| format!(" — {o}"));
            let internal = if *visible { "" } else { " (internal)" };
            format!("new {kind}: {title}{owner}{internal}")
        }
        Capture::Signoff { what, by, decision } => {
            let word = decision.word();
            let by = name(by).map_or_else(String::new, |b| format!(" by {b}"));
            format!("{what} {word}{by}")
        }
        Capture::BuyIn { proposal, verdict } => format!("{}: {proposal}", verdict.words()),
        Capture::Attendance {
            person, present, ..
        } => {
            format!(
                "{} {}",
                plan.name_of(person),
                if *present { "present" } else { "absent" }
            )
        }
        Capture::Playback {
            confirmed: true, ..
        } => "the customer confirmed what we heard".to_owned(),
        Capture::Playback { correction, .. } => format!("correction: {}", one_line(correction)),
        Capture::Pulse {
            person,
            confidence,
            comment,
        } => {
            let comment = if comment.is_empty() {
                String::new()
            } else {
                format!(" — {comment}")
            };
            format!(
                "{}: confidence {confidence}/5{comment}",
                plan.name_of(person)
            )
        }
        Capture::Recommend { score } => format!("would recommend us: {score}/10"),
        Capture::Followup {
            item, status, due, ..
        } => {
            let word = match status {
                crate::meeting::capture::ActionStatus::Open => "still open",
                crate::meeting::capture::ActionStatus::Done => "done",
                crate::meeting::capture::ActionStatus::Dropped => "dropped",
            };
            let due = due.map_or_else(String::new, |d| {
                format!(", now due {}", d.strftime("%a %-d %b"))
            });
            format!("{item} {word}{due}")
        }
    }
}

fn one_line(text: &str) -> String {
    text.replace('\n', " ⏎ ")
}

pub fn render_pane(meeting: &Meeting, theme: &Theme, area: Rect, buf: &mut Buffer) {
    pane(meeting, theme).render(area, buf);
}

/// The height of the pane below the section: `least`, or enough to show
/// the highlighted item whole, up to 8 lines.
pub fn height_below(meeting: &Meeting, theme: &Theme, width: u16, least: u16) -> u16 {
    pane(meeting, theme)
        .least_height(width)
        .clamp(least, least.max(8))
}

fn pane(meeting: &Meeting, theme: &Theme) -> FittedTable<'static> {
    let items = meeting.pane_items();
    let everything = meeting.section().kind == crate::agenda::SectionKind::Review;
    let title = if everything {
        format!("Everything captured ({})", items.len())
    } else {
        format!("Captured here ({})", items.len())
    };
    // Long items wrap; the highlighted one is kept in view, and the pane
    // says how many more there are above or below.
    let selected = meeting.capture_cursor.min(items.len().saturating_sub(1));
    let rows = items.iter().map(|item| {
        vec![
            Line::styled(short_kind(&item.what), theme.accent()),
            Line::raw(describe(item, meeting.shown_plan())),
        ]
    });
    FittedTable::new(
        vec![Column::keep(""), Column::wrap("")],
        panel(&title, theme),
    )
    .styles(theme.heading(), theme.selected(), theme.muted())
    .scrolled(0, "↑↓")
    .selected(Some(selected))
    .rows(rows)
    .empty(Line::styled(
        "Nothing yet. n note · a action · d decision · r risk · i issue",
        theme.muted(),
    ))
}

fn short_kind(capture: &Capture) -> &'static str {
    match capture {
        Capture::Answer { .. } => "answer",
        Capture::Note { private: true, .. } => "private",
        Capture::Note { .. } => "note",
        Capture::Action { .. } => "action",
        Capture::Decision { .. } => "decision",
        Capture::Risk { .. } => "risk",
        Capture::Issue { .. } => "issue",
        Capture::Signoff { .. } => "sign-off",
        Capture::BuyIn { .. } => "buy-in",
        Capture::Attendance { .. } => "present",
        Capture::Playback { .. } => "playback",
        Capture::Pulse { .. } | Capture::Recommend { .. } => "pulse",
        Capture::Followup { .. } => "follow-up",
    }
}

/// The open text field, drawn over the bottom of the body.
pub fn render_draft(meeting: &Meeting, theme: &Theme, body: Rect, buf: &mut Buffer) {
    let Some(draft) = &meeting.draft else { return };
    let height = if draft.kind.multiline() { 8 } else { 3 };
    let height = height.min(body.height);
    let area = Rect::new(body.x, body.y + body.height - height, body.width, height);
    Clear.render(area, buf);
    let block = panel(draft.kind.title(), theme).border_style(theme.accent());
    let inner = block.inner(area);
    block.render(area, buf);
    (&draft.editor).render(inner, buf);
}
