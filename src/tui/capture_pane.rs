//! The capture pane beside (or below) the section, the text field being
//! typed into, and a one-line description of any captured item.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};
use ratatui_textarea::TextArea;

use super::screens::panel;
use super::theme::Theme;
use super::widgets::fitted_table::{Column, FittedTable};
use crate::meeting::shared::{FieldText, Shared};
use crate::meeting::{Capture, Captured};
use crate::plan::model::{Plan, Rag};

/// An item in one line, as the pane and the review list show it.
pub fn describe(item: &Captured, plan: &Plan) -> String {
    let name = |id: &Option<String>| id.as_deref().map(|id| plan.name_of(id).to_owned());
    match &item.what {
        Capture::Answer { text, .. } => format!("“{}”", one_line(text)),
        Capture::Note {
            text,
            private,
            unsent,
        } => {
            let mark = match (*unsent, *private) {
                (true, _) => "unsent, private: ",
                (false, true) => "private: ",
                (false, false) => "",
            };
            format!("{mark}{}", one_line(text))
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
            ..
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
            let score = item.what.risk_score().map_or_else(String::new, |(p, i)| {
                let score = i64::from(p) * i64::from(i);
                let band = crate::plan::derive::Band::of(score).as_str();
                format!(", score {score} {band}")
            });
            format!("new {kind}: {title}{owner}{score}{internal}")
        }
        Capture::Signoff {
            what, by, decision, ..
        } => {
            let word = decision.word();
            let by = name(by).map_or_else(String::new, |b| format!(" by {b}"));
            format!("{what} {word}{by}")
        }
        Capture::BuyIn {
            proposal, verdict, ..
        } => format!("{}: {proposal}", verdict.words()),
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
            item,
            status,
            due,
            owner,
            ..
        } => {
            let word = match status {
                crate::meeting::capture::ActionStatus::Open => "still open",
                crate::meeting::capture::ActionStatus::Done => "done",
                crate::meeting::capture::ActionStatus::Dropped => "dropped",
            };
            let due = due.map_or_else(String::new, |d| {
                format!(", now due {}", d.strftime("%a %-d %b"))
            });
            let owner = name(owner).map_or_else(String::new, |o| format!(", now with {o}"));
            format!("{item} {word}{due}{owner}")
        }
    }
}

fn one_line(text: &str) -> String {
    text.replace('\n', " ⏎ ")
}

pub fn render_pane(shown: &Shared, theme: &Theme, area: Rect, buf: &mut Buffer) {
    pane(shown, theme).render(area, buf);
}

/// The height of the pane below the section: `least`, or enough to show
/// the highlighted item whole, up to 8 lines.
pub fn height_below(shown: &Shared, theme: &Theme, width: u16, least: u16) -> u16 {
    pane(shown, theme)
        .least_height(width)
        .clamp(least, least.max(8))
}

fn pane(shown: &Shared, theme: &Theme) -> FittedTable<'static> {
    let items = shown.pane_items();
    let everything = shown.is_review();
    let title = if everything {
        format!("Everything captured ({})", items.len())
    } else {
        format!("Captured here ({})", items.len())
    };
    // Long items wrap; the highlighted one is kept in view, and the pane
    // says how many more there are above or below.
    let selected = shown.capture_cursor.min(items.len().saturating_sub(1));
    let rows = items.iter().map(|item| {
        vec![
            Line::styled(short_kind(&item.what), theme.accent()),
            Line::raw(describe(item, &shown.plan)),
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

/// The open text field, drawn over the bottom of the body: the PM's own
/// `editor` when there is one, else the typed lines; a masked field shows
/// only that something private is being typed, and how much.
pub fn render_draft(
    shown: &Shared,
    editor: Option<&TextArea>,
    theme: &Theme,
    body: Rect,
    buf: &mut Buffer,
) {
    let Some(field) = &shown.field else { return };
    // A masked field has one line to say; it covers no more than that.
    let height = if field.kind.multiline() && !field.masked() {
        8
    } else {
        3
    };
    let height = height.min(body.height);
    let area = Rect::new(body.x, body.y + body.height - height, body.width, height);
    Clear.render(area, buf);
    match &field.text {
        FieldText::Masked { what, characters } => {
            let title = format!("{what} — masked while presenting");
            let block = panel(&title, theme).border_style(theme.rag(Rag::Amber));
            let inner = block.inner(area);
            block.render(area, buf);
            let unit = if *characters == 1 {
                "character"
            } else {
                "characters"
            };
            Paragraph::new(vec![Line::from(vec![
                Span::styled("● typing privately", theme.rag(Rag::Amber)),
                Span::raw(format!(" — {characters} {unit}, not shown on this screen")),
            ])])
            .wrap(Wrap { trim: false })
            .render(inner, buf);
        }
        FieldText::Typed { lines } => {
            let block = panel(&field.title, theme).border_style(theme.accent());
            let inner = block.inner(area);
            block.render(area, buf);
            match editor {
                Some(editor) => editor.render(inner, buf),
                None => Paragraph::new(lines.join("\n"))
                    .wrap(Wrap { trim: false })
                    .render(inner, buf),
            }
        }
    }
}
