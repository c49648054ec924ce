//! Notes: capture with nothing prepared. Who the conversation is with, who
//! was there (Enter adds someone), and the keys and quick-capture forms, so
//! a PM who opened it a second ago can type at once. What was captured is
//! in the capture pane beside or below.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Ctx, stack};
use crate::meeting::Action;
use crate::plan::model::Side;

pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let plan = ctx.plan();
    let section = ctx.shown.section();
    let mut about = vec![Span::styled(section.title.clone(), ctx.theme.title())];
    if !plan.project.customer.trim().is_empty() {
        about.push(Span::raw(format!(" with {}", plan.project.customer)));
    }
    let lines = vec![
        Line::from(about),
        Line::styled(
            "Nothing prepared, nothing lost: every word is saved as you type.",
            ctx.theme.muted(),
        ),
    ];
    let heading = ctx
        .list("Notes", 0)
        .rows(lines.into_iter().map(|l| vec![l]));

    let here: Vec<Vec<Line>> = ctx
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
    let select = ctx.keymap.first_label(Action::Select);
    let people = ctx
        .list(&format!("Who was there — {select}: add someone"), 2)
        .rows(here)
        .empty(Line::styled(
            format!("Nobody noted yet: {select} adds who was there."),
            ctx.theme.muted(),
        ));

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
            "Send the revised plan @Dana due:fri",
        ),
        form(key(Action::Decision), "decision", "We go live on 1 March"),
        form(key(Action::Risk), "risk", "Label printers short @Dana p:4 i:3"),
        form(key(Action::Issue), "issue", "Test data is late @Søren"),
        form(
            format!(
                "{}/{}",
                key(Action::InternalRisk),
                key(Action::InternalIssue)
            ),
            "internal risk/issue",
            "kept off the shared screen",
        ),
    ];
    let capture = ctx
        .table(
            "Capture",
            vec![
                crate::tui::widgets::fitted_table::Column::keep(""),
                crate::tui::widgets::fitted_table::Column::keep(""),
                crate::tui::widgets::fitted_table::Column::wrap(""),
            ],
        )
        .rows(forms);

    let half = area.width / 2;
    let below_need = people.height(half).max(capture.height(area.width - half));
    let below_least = people
        .least_height(half)
        .max(capture.least_height(area.width - half));
    let [top, below] = stack(
        area,
        [(heading.height(area.width), 3), (below_need, below_least)],
    );
    let [left, right] =
        Layout::horizontal([Constraint::Length(half), Constraint::Min(1)]).areas(below);
    heading.render(top, buf);
    people.render(left, buf);
    capture.render(right, buf);
}
