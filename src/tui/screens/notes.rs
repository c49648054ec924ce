//! Notes: capture with nothing prepared. Who the conversation is with, who
//! was there (Enter adds someone), and the keys and quick-capture forms, so
//! a PM who opened it a second ago can type at once. What was captured is
//! in the capture pane beside or below; on a `follow` screen, which takes
//! no keys and has no pane, it is drawn in place of the forms.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Ctx, stack_tables};
use crate::meeting::Action;
use crate::plan::model::Side;
use crate::tui::widgets::fitted_table::Column;

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let plan = ctx.plan();
    let select = ctx.keymap.first_label(Action::Select);
    let mut here: Vec<Vec<Line>> = ctx
        .shown
        .attendees
        .iter()
        .filter(|a| a.present == Some(true))
        .map(|a| {
            let (name, about) = match plan.person(&a.person) {
                Some(p) => {
                    let side = match p.side {
                        Side::Us => "delivery team".to_owned(),
                        Side::Customer => plan.project.customer.clone(),
                    };
                    (p.name.clone(), format!("  {}, {side}", p.role))
                }
                None => (a.person.clone(), String::new()),
            };
            vec![Line::from(vec![
                Span::styled("✓ ", ctx.theme.rag(crate::plan::model::Rag::Green)),
                Span::styled(name, ctx.theme.heading()),
                Span::styled(about, ctx.theme.muted()),
            ])]
        })
        .collect();
    // The projector takes no keys: it shows what was captured instead of
    // how to capture it.
    let projector = select.is_empty();
    if !projector {
        here.push(vec![Line::styled(
            format!("+ {select}: add someone"),
            ctx.theme.accent(),
        )]);
    }
    let people = ctx
        .list("Who was there", 2)
        .rows(here)
        .empty(Line::styled("Nobody noted yet.", ctx.theme.muted()));

    let key = |action: Action| ctx.keymap.first_label(action);
    let form = |keys: String, what: &str, example: &str| {
        vec![
            Line::styled(keys, ctx.theme.accent()),
            Line::raw(what.to_owned()),
            Line::styled(example.to_owned(), ctx.theme.muted()),
        ]
    };
    let forms = vec![
        form(key(Action::Note), "note", "what was said, in their words"),
        form(
            key(Action::PrivateNote),
            "private note",
            "never shown while presenting",
        ),
        form(
            key(Action::NewAction),
            "action",
            "Send the plan @Dana due:fri",
        ),
        form(key(Action::Decision), "decision", "Go-live moves to March"),
        form(key(Action::Risk), "risk", "Printers short @Dana p:4 i:3"),
        form(key(Action::Issue), "issue", "Test data is late @Søren"),
        form(
            format!(
                "{}/{}",
                key(Action::InternalRisk),
                key(Action::InternalIssue)
            ),
            "internal",
            "kept off the shared screen",
        ),
    ];
    let capture = ctx
        .table(
            "Capture — every word is saved as you type",
            vec![Column::keep(""), Column::keep(""), Column::wrap("")],
        )
        .rows(forms);

    // Side by side where the forms still fit on one line each; else who
    // was there above them.
    let (left, right) = if area.width >= 72 {
        let left = (area.width / 3).max(28);
        let [left, right] =
            Layout::horizontal([Constraint::Length(left), Constraint::Min(1)]).areas(area);
        (left, right)
    } else {
        let [top, below] = stack_tables(area, [&people, &capture]);
        (top, below)
    };
    people.render(left, buf);
    if projector {
        crate::tui::capture_pane::render_pane(ctx.shown, ctx.theme, right, buf);
    } else {
        capture.render(right, buf);
    }
}
