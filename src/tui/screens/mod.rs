//! One screen a section kind. Each draws from the meeting and never changes it.

mod customer_tasks;
mod financials;
mod followups;
mod glossary;
mod listen;
mod notes;
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
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget as _};

use super::theme::Theme;
use super::widgets::fitted_table::{Column, FittedTable};
pub use super::widgets::panel::panel;
use super::widgets::split::rows;
pub use super::widgets::stack::{stack, stack_tables};
use crate::agenda::SectionKind;
use crate::meeting::{Action, Shared};
use crate::plan::derive::Derived;
use crate::plan::model::Plan;
use crate::plan::warnings::find_term_span;
use crate::tui::keymap::Keymap;

/// What every screen is given to draw with: what the screen may show
/// (customer-safe while presenting), never the meeting itself.
pub struct Ctx<'a> {
    pub shown: &'a Shared,
    pub theme: &'a Theme,
    pub keymap: &'a Keymap,
    /// Drawn on the projector (`follow`): the customer's story alone, with
    /// no key hints and no coaching for the PM.
    pub projector: bool,
}

impl Ctx<'_> {
    /// A panel's title, with the PM's key hint after it on the laptop
    /// only: "Pulse — Enter: their score", on the projector "Pulse".
    pub fn hinted(&self, title: &str, hint: &str) -> String {
        if self.projector {
            title.to_owned()
        } else {
            format!("{title} — {hint}")
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.shown.plan
    }

    pub fn derived(&self) -> &Derived {
        &self.shown.derived
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
                self.shown.scroll,
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
            .selected(Some(self.shown.selected))
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
        // The end of the words as they stand in the text: a term can match
        // text of another length once case is ignored (K and the Kelvin sign).
        if let Some(found) = find_term_span(&out, term) {
            out.insert_str(found.end, &format!(" ({meaning})"));
        }
    }
    out
}

/// Draw the body of the current section, with the glossary terms it uses
/// explained once at its foot.
pub fn render(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    // Drawn once in place to learn which terms are on screen; when some
    // are, drawn again leaving room for their meanings. The area is blank
    // before (the frame starts blank), so blanking it again undoes the
    // first drawing, and no second screen-sized buffer is needed.
    body(ctx, area, buf);
    let legend = glossary::legend(ctx, buf, area);
    if legend.is_empty() {
        return;
    }
    Clear.render(area, buf);
    let height = (legend.len() as u16).min(area.height / 3);
    let [main, foot] = rows(area, [Constraint::Min(1), Constraint::Length(height)]);
    body(ctx, main, buf);
    // Only what is still on screen is explained: the legend's own room
    // can push the row that held a term out of view. With none left, the
    // screen is drawn whole again, without a legend.
    let legend = glossary::legend(ctx, buf, main);
    if legend.is_empty() {
        Clear.render(area, buf);
        body(ctx, area, buf);
        return;
    }
    for (n, line) in legend.iter().take(usize::from(height)).enumerate() {
        buf.set_line(foot.x, foot.y + n as u16, line, foot.width);
    }
}

fn body(ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    match ctx.shown.section().kind {
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
        SectionKind::Notes => notes::render(ctx, area, buf),
    }
}

/// An answer in their words, in quote marks, one screen line per line they
/// gave: `first` leads the opening line, `then` the lines after it.
pub fn quoted(text: &str, first: &str, then: &str) -> Vec<String> {
    let parts: Vec<&str> = text.split('\n').collect();
    let last = parts.len() - 1;
    parts
        .iter()
        .enumerate()
        .map(|(n, part)| {
            let open = if n == 0 { "“" } else { "" };
            let close = if n == last { "”" } else { "" };
            let lead = if n == 0 { first } else { then };
            format!("{lead}{open}{part}{close}")
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::plain_words;

    fn plan_with(term: &str, meaning: &str) -> crate::plan::model::Plan {
        let mut plan = crate::plan::load_bytes(
            "demo.toml",
            include_str!("../../../assets/demo.toml").as_bytes(),
        )
        .plan
        .expect("the demo plan is valid");
        plan.project.glossary.clear();
        plan.project.glossary.insert(term.into(), meaning.into());
        plan
    }

    #[test]
    fn meanings_follow_terms_whose_case_folds_to_another_length() {
        // The Kelvin sign folds to one byte and İ to three: offsets into the
        // folded text would land inside a character here.
        let plan = plan_with("éx", "ex meaning");
        assert_eq!(
            plain_words("\u{212A} éx İİ", &plan),
            "\u{212A} éx (ex meaning) İİ"
        );
        let plan = plan_with("Kx", "kilo");
        assert_eq!(plain_words("\u{212A}x ééé", &plan), "\u{212A}x ééé");
        assert_eq!(
            plain_words("\u{130}x Kx ééé", &plan),
            "\u{130}x Kx (kilo) ééé"
        );
    }
}
