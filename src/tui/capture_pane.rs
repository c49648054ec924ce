//! The capture pane beside (or below) the section and the text field being
//! typed into. Each item's words are the meeting's own
//! (`meeting::capture_words`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};
use ratatui_textarea::TextArea;

use super::theme::Theme;
use super::widgets::fitted_table::{Column, FittedTable, window};
use super::widgets::panel::panel;
use crate::meeting::shared::{FieldText, Shared};
use crate::plan::model::Rag;

pub fn render_pane(shown: &Shared, theme: &Theme, area: Rect, buf: &mut Buffer) {
    pane(shown, theme).render(area, buf);
}

/// The height of the pane below the section: `least`, or enough to show
/// the highlighted item whole, up to 8 lines.
pub fn height_below(shown: &Shared, theme: &Theme, width: u16, least: u16) -> u16 {
    pane(shown, theme)
        .selected_height(width)
        .clamp(least, least.max(8))
}

fn pane(shown: &Shared, theme: &Theme) -> FittedTable<'static> {
    let items = shown.pane_items();
    let everything = shown.is_review();
    let title = if shown.bringing_back {
        "Captured here".to_owned()
    } else if everything {
        format!("Everything captured ({})", items.len())
    } else {
        format!("Captured here ({})", items.len())
    };
    // Long items wrap; the highlighted one is kept in view, and the pane
    // says how many more there are above or below. Only the items near it
    // are built, however long the meeting.
    let selected = shown.capture_cursor.min(items.len().saturating_sub(1));
    let near = window(items.len(), selected);
    let rows = items[near.clone()].iter().map(|item| {
        vec![
            Line::styled(item.what.label(), theme.accent()),
            Line::raw(item.in_one_line(&shown.plan)),
        ]
    });
    FittedTable::new(
        vec![Column::keep(""), Column::wrap("")],
        panel(&title, theme),
    )
    .styles(theme.heading(), theme.selected(), theme.muted())
    .scrolled(0, "↑↓")
    .selected(Some(selected - near.start))
    .beyond(near.start, items.len() - near.end)
    .rows(rows)
    .empty(Line::styled(
        if shown.bringing_back {
            "Bringing back what was captured…"
        } else {
            "Nothing yet. n note · a action · d decision · r risk · i issue"
        },
        theme.muted(),
    ))
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
