//! The frame around every section: header (project, agenda, n/m, clock,
//! timeboxes), the section's screen, the footer of keys, and the overlays.
//! A plain function of the meeting: it changes nothing.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use super::capture_pane;
use super::screens::{self, Ctx, panel};
use super::theme::Theme;
use crate::config::Keymap;
use crate::meeting::{Action, Meeting, Overlay, Shared};
use crate::plan::model::Rag;

/// The smallest terminal the meeting screens are drawn in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub struct View<'a> {
    pub meeting: &'a Meeting,
    pub theme: &'a Theme,
    pub keymap: &'a Keymap,
}

pub fn draw(frame: &mut Frame, view: &View) {
    frame.render_widget(view, frame.area());
}

impl Widget for &View<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(area, buf);
            return;
        }
        let [header, body, footer] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(area);
        // Everything below draws from what this screen may show: the
        // customer-safe projection while presenting, never the meeting.
        let shown = Shared::of(self.meeting);
        self.header(&shown, header, buf);
        let ctx = Ctx {
            shown: &shown,
            theme: self.theme,
        };
        // Wide screens put the capture pane beside the section, narrow ones below.
        let (main, pane) = if area.width >= 120 {
            let [main, pane] =
                Layout::horizontal([Constraint::Min(60), Constraint::Length(area.width / 3)])
                    .areas(body);
            (main, pane)
        } else {
            let [main, pane] =
                Layout::vertical([Constraint::Min(10), Constraint::Length(5)]).areas(body);
            (main, pane)
        };
        screens::render(&ctx, main, buf);
        capture_pane::render_pane(&shown, self.theme, pane, buf);
        // The PM's own editor (cursor, wrapping) for a field the screen may
        // show; a masked field is drawn from the projection alone.
        let editor = self
            .meeting
            .draft
            .as_ref()
            .filter(|_| shown.field.as_ref().is_some_and(|f| !f.masked()))
            .map(|d| &d.editor);
        capture_pane::render_draft(&shown, editor, self.theme, body, buf);
        self.footer(&shown, footer, buf);
        match shown.overlay {
            Overlay::None => {}
            Overlay::Help => self.help(area, buf),
            Overlay::Agenda { selected } => self.agenda(&shown, selected, area, buf),
        }
    }
}

/// A polite notice instead of a squeezed screen; safe down to 1×1.
fn too_small(area: Rect, buf: &mut Buffer) {
    let text = format!(
        "Please make the window larger: the meeting needs {MIN_WIDTH}×{MIN_HEIGHT}, this is {}×{}.",
        area.width, area.height
    );
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// `h:mm`, the one form for time spent and time planned (`0:31 / 1:25`).
pub fn clock_time(seconds: i64) -> String {
    crate::meeting::clock::hours_minutes(seconds)
}

/// Green under 80 % of the timebox, amber from 80 %, red when over.
pub fn timebox_rag(seconds: i64, minutes: u32) -> Rag {
    let budget = i64::from(minutes) * 60;
    if seconds > budget {
        Rag::Red
    } else if seconds * 5 >= budget * 4 {
        Rag::Amber
    } else {
        Rag::Green
    }
}

impl View<'_> {
    fn header(&self, m: &Shared, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let section = m.section();
        let [top, bottom] =
            Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
        Line::from(vec![
            Span::styled(m.plan.project.name.clone(), t.title()),
            Span::styled(format!(" · {} · ", m.agenda.as_str()), t.muted()),
            Span::styled(
                format!("{}/{} ", m.current + 1, m.sections.len()),
                t.heading(),
            ),
            Span::styled(section.title.clone(), t.heading()),
        ])
        .render(top, buf);
        let in_section = m.seconds_in(m.current);
        let total = m.clock.meeting_seconds;
        let mut spans = vec![
            Span::raw(m.clock.wall.clone()),
            Span::styled("  section ", t.muted()),
            Span::styled(
                format!(
                    "{} / {}",
                    clock_time(in_section),
                    clock_time(i64::from(section.minutes) * 60)
                ),
                t.rag(timebox_rag(in_section, section.minutes)),
            ),
            Span::styled("  meeting ", t.muted()),
            Span::styled(
                format!(
                    "{} / {}",
                    clock_time(total),
                    clock_time(i64::from(m.planned_minutes()) * 60)
                ),
                t.rag(timebox_rag(total, m.planned_minutes())),
            ),
        ];
        if m.presenting {
            spans.push(Span::styled(
                "  PRESENTING",
                t.accent().add_modifier(Modifier::BOLD),
            ));
        } else {
            spans.push(Span::styled(
                "  PRIVATE VIEW",
                t.rag(Rag::Amber).add_modifier(Modifier::BOLD),
            ));
        }
        if self.meeting.followers > 0 {
            spans.push(Span::styled(
                format!("  projector: {}", self.meeting.followers),
                t.accent(),
            ));
        }
        Line::from(spans).render(bottom, buf);
    }

    fn footer(&self, shown: &Shared, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        if let Some(banner) = &shown.banner {
            Line::styled(
                banner.clone(),
                t.rag(Rag::Red)
                    .add_modifier(Modifier::BOLD | Modifier::REVERSED),
            )
            .render(area, buf);
            return;
        }
        if let Some(notice) = &shown.notice {
            Line::styled(
                notice.clone(),
                t.rag(Rag::Amber).add_modifier(Modifier::BOLD),
            )
            .render(area, buf);
            return;
        }
        if let Some(field) = &shown.field {
            let newline = if field.kind.multiline() {
                "  Alt-Enter new line"
            } else {
                ""
            };
            Line::from(vec![
                Span::styled("Enter", t.accent()),
                Span::styled(" save", t.muted()),
                Span::styled(newline, t.muted()),
                Span::styled("  Esc", t.accent()),
                Span::styled(" close (kept)", t.muted()),
            ])
            .render(area, buf);
            return;
        }
        let k = self.keymap;
        let kind = shown.section().kind;
        let listen = kind == crate::agenda::SectionKind::Listen;
        let rows = shown.rows > 0;
        // (keys, what, keep): the least needed go first when the line is too narrow.
        let mut items: Vec<(String, &str, u8)> = vec![
            (k.first_label(Action::NextSection), "next", 9),
            (k.first_label(Action::PreviousSection), "back", 8),
            (k.first_label(Action::Agenda), "agenda", 5),
        ];
        if rows {
            let keys = format!(
                "{}{}",
                k.first_label(Action::Up),
                k.first_label(Action::Down)
            );
            items.push((keys, if listen { "question" } else { "row" }, 6));
            items.push((
                k.first_label(Action::Select),
                if listen { "answer" } else { "choose" },
                7,
            ));
        }
        items.push((k.first_label(Action::Note), "note", 4));
        items.push((k.first_label(Action::NewAction), "action", 3));
        items.push((k.first_label(Action::Decision), "decision", 2));
        if kind == crate::agenda::SectionKind::Review {
            items.push((k.first_label(Action::Minutes), "minutes", 7));
        }
        if kind == crate::agenda::SectionKind::Rules {
            items.push((k.first_label(Action::Signoff), "sign-off", 6));
        }
        // While presenting, the keys that keep a risk or issue off the
        // screen matter more than the mode key itself.
        let internal = format!(
            "{}/{}",
            k.first_label(Action::InternalRisk),
            k.first_label(Action::InternalIssue)
        );
        items.push((internal, "internal", if shown.presenting { 3 } else { 0 }));
        if kind == crate::agenda::SectionKind::CustomerTasks {
            items.push((k.first_label(Action::CustomerTask), "new task", 6));
        }
        items.push((k.first_label(Action::Presenting), "presenting", 1));
        items.push((k.first_label(Action::Help), "help", 10));
        items.push((k.first_label(Action::Quit), "quit", 10));
        items.retain(|(keys, _, _)| !keys.is_empty());
        let width = |items: &[(String, &str, u8)]| -> usize {
            items
                .iter()
                .map(|(k, w, _)| k.chars().count() + w.len() + 3)
                .sum()
        };
        while width(&items) > usize::from(area.width) {
            let Some(least) = items
                .iter()
                .enumerate()
                .min_by_key(|(_, (_, _, keep))| *keep)
                .map(|(n, _)| n)
            else {
                break;
            };
            items.remove(least);
        }
        let mut spans = Vec::new();
        for (keys, what, _) in items {
            spans.push(Span::styled(keys, self.theme.accent()));
            spans.push(Span::styled(format!(" {what}  "), self.theme.muted()));
        }
        Line::from(spans).render(area, buf);
    }

    fn help(&self, area: Rect, buf: &mut Buffer) {
        let k = self.keymap;
        let rows: Vec<(Action, &str)> = vec![
            (Action::NextSection, "next section"),
            (Action::PreviousSection, "previous section"),
            (Action::Agenda, "agenda: jump to a section"),
            (Action::Up, "previous question or row"),
            (Action::Down, "next question or row"),
            (
                Action::Select,
                "answer, confirm or choose the highlighted row",
            ),
            (Action::Close, "close this window"),
            (Action::Note, "note"),
            (
                Action::PrivateNote,
                "private note (never on the shared screen)",
            ),
            (
                Action::NewAction,
                "action: what @who due:date (+3d, +2w, fri)",
            ),
            (Action::Decision, "decision"),
            (Action::Risk, "new risk: what @owner"),
            (
                Action::InternalRisk,
                "internal risk: masked, never on a shared screen",
            ),
            (Action::Issue, "new issue: what @owner"),
            (
                Action::InternalIssue,
                "internal issue: masked, never on a shared screen",
            ),
            (
                Action::Signoff,
                "sign-off of the communication plan (rules screen)",
            ),
            (
                Action::CustomerTask,
                "new customer task: what @who due:date (customer tasks screen)",
            ),
            (Action::Edit, "edit the highlighted capture"),
            (
                Action::Delete,
                "delete the highlighted capture (asks first)",
            ),
            (
                Action::Minutes,
                "write the minutes beside the record (review screen)",
            ),
            (
                Action::Presenting,
                "presenting mode on/off (leaving it asks first)",
            ),
            (Action::Help, "this help"),
            (Action::Quit, "quit (everything is already saved)"),
        ];
        let mut lines: Vec<Line> = rows
            .into_iter()
            .map(|(action, what)| {
                Line::from(vec![
                    Span::styled(format!("{:<18}", k.label(action)), self.theme.accent()),
                    Span::raw(what),
                ])
            })
            .collect();
        // Every key first; the hint only where there is room for it.
        if lines.len() + 4 <= usize::from(area.height) {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                "Keys can be changed in config.toml.",
                self.theme.muted(),
            ));
        }
        let popup = centred(area, 72, rows_high(lines.len(), 2));
        Clear.render(popup, buf);
        Paragraph::new(lines)
            .block(panel("Keys", self.theme))
            .render(popup, buf);
    }

    fn agenda(&self, m: &Shared, selected: usize, area: Rect, buf: &mut Buffer) {
        let lines: Vec<Line> = m
            .sections
            .iter()
            .enumerate()
            .map(|(n, s)| {
                let spent = m.seconds_in(n);
                let marker = if n == m.current { "▶" } else { " " };
                let text = format!(
                    "{marker} {:>2}. {:<36} {:>5} / {:<5}",
                    n + 1,
                    s.title,
                    clock_time(spent),
                    clock_time(i64::from(s.minutes) * 60)
                );
                if n == selected {
                    Line::styled(text, self.theme.selected())
                } else {
                    Line::raw(text)
                }
            })
            .collect();
        let popup = centred(area, 64, rows_high(lines.len(), 2));
        Clear.render(popup, buf);
        let title = format!(
            "Agenda — {} choose, {} close",
            self.keymap.label(Action::Select),
            self.keymap.label(Action::Close)
        );
        Paragraph::new(lines)
            .block(panel(&title, self.theme))
            .render(popup, buf);
    }
}

/// The height of a box of `rows` lines and `frame` lines of border, which
/// a plan with 65,536 questions or milestones would overflow as a plain
/// `as u16 + 2`; the layout cuts it to the screen.
pub fn rows_high(rows: usize, frame: u16) -> u16 {
    u16::try_from(rows)
        .unwrap_or(u16::MAX)
        .saturating_add(frame)
}

fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timebox_turns_amber_at_80_percent_and_red_when_over() {
        assert_eq!(timebox_rag(479, 10), Rag::Green);
        assert_eq!(timebox_rag(480, 10), Rag::Amber);
        assert_eq!(timebox_rag(600, 10), Rag::Amber);
        assert_eq!(timebox_rag(601, 10), Rag::Red);
    }

    #[test]
    fn clock_times_read_as_hours_and_minutes() {
        assert_eq!(clock_time(0), "0:00");
        assert_eq!(clock_time(605), "0:10");
        assert_eq!(clock_time(3725), "1:02");
    }
}
