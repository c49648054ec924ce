//! One screen a section kind. Each draws from the meeting and never changes it.

mod customer_tasks;
mod financials;
mod followups;
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
use super::widgets::wrap::wrap_indented;
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
    let legend = glossary_legend(ctx, &scratch, area.width);
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

/// "Plain words: UAT = your team's acceptance testing · …" for the
/// glossary terms drawn in `drawn`, wrapped to `width`.
fn glossary_legend(ctx: &Ctx, drawn: &Buffer, width: u16) -> Vec<Line<'static>> {
    let area = drawn.area;
    let text: String = (area.y..area.y + area.height)
        .flat_map(|y| {
            (area.x..area.x + area.width)
                .map(move |x| drawn[(x, y)].symbol().to_owned())
                .chain(std::iter::once("\n".to_owned()))
        })
        .collect();
    let mut spans = vec![Span::styled("Plain words: ", ctx.theme.muted())];
    for (term, meaning) in &ctx.plan().project.glossary {
        if find_term(&text, term).is_none() {
            continue;
        }
        if spans.len() > 1 {
            spans.push(Span::styled(" · ", ctx.theme.muted()));
        }
        spans.push(Span::styled(term.clone(), ctx.theme.heading()));
        spans.push(Span::styled(format!(" = {meaning}"), ctx.theme.muted()));
    }
    if spans.len() == 1 {
        return Vec::new();
    }
    wrap_indented(&Line::from(spans), usize::from(width), 2)
}

/// Split `area` top to bottom among panels that each say how many rows
/// they need to show everything and the fewest they can do with. When
/// there is not room for all, panels earlier in the list are served first;
/// the others show what fits and say how much more there is.
pub fn stack<const N: usize>(area: Rect, panels: [(u16, u16); N]) -> [Rect; N] {
    Layout::vertical(share(area.height, panels).map(Constraint::Length)).areas(area)
}

/// The heights `stack` gives.
fn share<const N: usize>(height: u16, panels: [(u16, u16); N]) -> [u16; N] {
    let mut heights: [u16; N] = panels.map(|(need, least)| need.min(least));
    let mut left = height.saturating_sub(heights.iter().sum());
    for (n, (need, _)) in panels.iter().enumerate() {
        let more = need.saturating_sub(heights[n]).min(left);
        heights[n] += more;
        left -= more;
    }
    if let Some(last) = heights.last_mut() {
        *last += left;
    }
    heights
}

/// `stack` for tables the full width of `area`. A table shows whole rows
/// only, so it may leave lines empty at its foot; those go to the panels
/// that still have more to show, earlier ones first.
pub fn stack_tables<const N: usize>(area: Rect, tables: [&FittedTable; N]) -> [Rect; N] {
    let w = area.width;
    let panels = tables.map(|t| (t.height(w), t.least_height(w)));
    let mut heights = share(area.height, panels);
    let mut spare = 0;
    for (n, table) in tables.iter().enumerate() {
        let used = table.used_height(w, heights[n]);
        spare += heights[n] - used;
        heights[n] = used;
    }
    // Offer the spare lines in turn; a panel takes only what its next
    // whole rows need.
    for (n, table) in tables.iter().enumerate() {
        if spare == 0 {
            break;
        }
        let used = table.used_height(w, heights[n] + spare);
        if used > heights[n] {
            spare -= used - heights[n];
            heights[n] = used;
        }
    }
    if let Some(last) = heights.last_mut() {
        *last += spare;
    }
    Layout::vertical(heights.map(Constraint::Length)).areas(area)
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
