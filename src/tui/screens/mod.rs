//! One screen a section kind. Each draws from the meeting and never changes it.

mod customer_tasks;
mod financials;
mod followups;
mod glossary;
mod listen;
mod playback;
mod proposals;
mod pulse;
mod raid;
mod review;
mod rules;
mod scope;
mod status;
mod welcome;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use super::theme::Theme;
use super::widgets::fitted_table::{Column, FittedTable};
pub use super::widgets::stack::{stack, stack_tables};
use crate::agenda::SectionKind;
use crate::config::Keymap;
use crate::meeting::{Action, Meeting};
use crate::plan::model::Plan;
use crate::plan::warnings::find_term;

/// What every screen is given to draw with.
pub struct Ctx<'a> {
    pub meeting: &'a Meeting,
    pub theme: &'a Theme,
    pub keymap: &'a Keymap,
}

impl Ctx<'_> {
    pub fn plan(&self) -> &Plan {
        self.meeting.shown_plan()
    }

    /// Text for the customer. Glossary meanings are not repeated after each
    /// mention: the screen lists them once at its foot ("Plain words").
    pub fn plain(&self, text: &str) -> String {
        text.to_owned()
    }

    /// A fitted table in a titled panel, scrolled with the section's scroll keys.
    pub fn table(&self, title: &str, columns: Vec<Column>) -> FittedTable<'static> {
        FittedTable::new(columns, panel(title, self.theme))
            .styles(
                self.theme.heading(),
                self.theme.selected(),
                self.theme.muted(),
            )
            .scrolled(
                self.meeting.scroll,
                &self.keymap.first_label(Action::ScrollDown),
            )
    }

    /// A list in a titled panel; wrapped lines sit `indent` cells in.
    pub fn list(&self, title: &str, indent: usize) -> FittedTable<'static> {
        self.table(title, Vec::new()).into_list(indent)
    }

    /// A list whose highlighted row is moved with ↑/↓ and kept in view.
    pub fn rows(&self, title: &str, indent: usize) -> FittedTable<'static> {
        self.list(title, indent)
            .scrolled(0, &self.keymap.first_label(Action::Down))
            .selected(Some(self.meeting.selected))
    }
}

/// `text` with the first use of each glossary term followed by its plain
/// meaning, unless the text already says it.
pub fn plain_words(text: &str, plan: &Plan) -> String {
    let mut out = text.to_owned();
    for (term, meaning) in &plan.project.glossary {
        if out.to_lowercase().contains(&meaning.to_lowercase()) {
            continue;
        }
        if let Some(at) = find_term(&out, term) {
            out.insert_str(at + term.len(), &format!(" ({meaning})"));
        }
    }
    out
}

/// Draw the body of the current section, with the glossary terms it uses
/// explained once at its foot.
pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    // Draw once aside to learn which terms are on screen, then leave room
    // for their meanings.
    let mut scratch = Buffer::empty(area);
    body(ctx, area, &mut scratch);
    let legend = glossary::legend(ctx, &scratch, area.width);
    if legend.is_empty() {
        buf.merge(&scratch);
        return;
    }
    let height = (legend.len() as u16).min(area.height / 3);
    let [main, foot] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(height)]).areas(area);
    body(ctx, main, buf);
    for (n, line) in legend.iter().take(usize::from(height)).enumerate() {
        buf.set_line(foot.x, foot.y + n as u16, line, foot.width);
    }
}

fn body(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    match ctx.meeting.section().kind {
        SectionKind::Welcome => welcome::render(ctx, area, buf),
        SectionKind::Followups => followups::render(ctx, area, buf),
        SectionKind::Listen => listen::render(ctx, area, buf),
        SectionKind::Playback => playback::render(ctx, area, buf),
        SectionKind::Scope => scope::render(ctx, area, buf),
        SectionKind::Status => status::render(ctx, area, buf),
        SectionKind::Financials => financials::render(ctx, area, buf),
        SectionKind::Raid => raid::render(ctx, area, buf),
        SectionKind::Rules => rules::render(ctx, area, buf),
        SectionKind::Proposals => proposals::render(ctx, area, buf),
        SectionKind::CustomerTasks => customer_tasks::render(ctx, area, buf),
        SectionKind::Review => review::render(ctx, area, buf),
        SectionKind::Pulse => pulse::render(ctx, area, buf),
    }
}

/// A titled panel with a border.
pub fn panel(title: &str, theme: &Theme) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.muted())
        .title(Span::styled(format!(" {title} "), theme.heading()))
}

/// A bulleted list inside a panel; long items wrap under their text, and a
/// list longer than the panel says how many more there are.
pub fn bullets(title: &str, items: &[String], empty: &str, ctx: &Ctx) -> FittedTable<'static> {
    ctx.list(title, 2)
        .rows(items.iter().map(|item| {
            vec![Line::from(vec![
                Span::styled("• ", ctx.theme.accent()),
                Span::raw(item.clone()),
            ])]
        }))
        .empty(Line::styled(empty.to_owned(), ctx.theme.muted()))
}

/// A line of label and value: "Budget  GBP 620,000".
pub fn field<'a>(label: &'a str, value: String, style: Style) -> Line<'a> {
    Line::from(vec![
        Span::raw(format!("{label:<12}")),
        Span::styled(value, style),
    ])
}

/// A person's name for the screen, or the id if they are a guest.
pub fn person(plan: &Plan, id: Option<&toml::Spanned<String>>) -> String {
    id.map_or_else(
        || "unassigned".to_owned(),
        |id| plan.name_of(id.get_ref()).to_owned(),
    )
}
