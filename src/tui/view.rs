//! The whole meeting screen (`View`): the header (project, agenda, n/m,
//! clock, timeboxes) and the footer of keys around the section's own
//! screen and the capture pane, and the help and agenda overlays over
//! them. A plain function of the meeting: it changes nothing.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use super::capture_pane;
use super::keymap::{self, Keymap};
use super::screens::{self, Ctx, panel};
use super::theme::Theme;
use super::widgets::fitted_table::{Column, FittedTable};
use super::widgets::split::{columns, rows};
use crate::meeting::{Action, Meeting, Overlay, Shared};
use crate::plan::model::Rag;
/// Cut with "…": the one the meeting's words use too.
pub use crate::text::cut;

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
        // Everything below draws from what this screen may show: the
        // customer-safe projection while presenting, never the meeting.
        let shown = Shared::of(self.meeting);
        let [header, body, footer] = rows(
            area,
            [
                Constraint::Length(2),
                Constraint::Min(1),
                Constraint::Length(footer_rows(&shown, area.width)),
            ],
        );
        self.header(&shown, header, buf);
        let ctx = Ctx {
            shown: &shown,
            theme: self.theme,
            keymap: self.keymap,
            projector: false,
        };
        // Wide screens put the capture pane beside the section, narrow ones below.
        let notes = shown.section().kind == crate::agenda::SectionKind::Notes;
        let (main, pane) = if area.width >= 120 {
            // What was captured is what notes are: half the width for it.
            let share = if notes {
                area.width / 2
            } else {
                area.width / 3
            };
            let [main, pane] = columns(body, [Constraint::Min(60), Constraint::Length(share)]);
            (main, pane)
        } else {
            // A short terminal keeps the last capture or two in view and
            // gives the section the rest.
            let least = if notes {
                body.height / 2
            } else if area.height < 30 {
                3
            } else {
                5
            };
            let pane_height = capture_pane::height_below(&shown, self.theme, area.width, least);
            let [main, pane] = rows(body, [Constraint::Min(10), Constraint::Length(pane_height)]);
            (main, pane)
        };
        let main = super::speaker_notes::render(&shown, self.theme, main, buf);
        screens::render(&ctx, main, buf);
        capture_pane::render_pane(&shown, self.theme, pane, buf);
        if let Some(card) = &shown.card {
            super::rehearsal::render_card(card, self.keymap, self.theme, main, buf);
        }
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
            Overlay::Pacing => {
                let record = crate::record::format::Record::of(self.meeting);
                let pacing =
                    crate::export::rehearsal::pacing::Pacing::of(&record, &self.meeting.plan);
                super::rehearsal::render_pacing(
                    &pacing,
                    self.meeting.scroll,
                    self.keymap,
                    self.theme,
                    body,
                    buf,
                );
            }
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

/// The timebox's state in words, so it does not speak in colour alone
/// (`NO_COLOR`, a washed-out projector): "2 min left" from 80 % of it,
/// "over by 0:01" from the first second over; nothing before.
pub fn timebox_words(seconds: i64, minutes: u32) -> Option<String> {
    let budget = i64::from(minutes) * 60;
    match timebox_rag(seconds, minutes) {
        Rag::Red => {
            let over = seconds - budget;
            Some(format!("over by {}:{:02}", over / 60, over % 60))
        }
        Rag::Amber => Some(format!("{} min left", (budget - seconds + 59) / 60)),
        _ => None,
    }
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
        let [top, bottom] = rows(area, [Constraint::Length(1), Constraint::Length(1)]);
        // Typed in a plan or on the command line: drawn without what
        // would reorder or hide part of the row.
        let screen = crate::text::on_screen;
        let agenda = format!(" · {} · ", m.agenda.as_str());
        let place = format!("{}/{} ", m.current + 1, m.sections.len());
        // A long project name gives way first, then the section's title,
        // each cut with "…" rather than mid-word with nothing to say so.
        let width = usize::from(top.width);
        let fixed = unicode_width::UnicodeWidthStr::width(agenda.as_str())
            + unicode_width::UnicodeWidthStr::width(place.as_str());
        let title = screen(&section.title);
        let title_width = unicode_width::UnicodeWidthStr::width(title.as_str());
        let for_name = width.saturating_sub(fixed + title_width).max(12);
        let name = cut(&screen(&m.plan.project.name), for_name);
        let for_title =
            width.saturating_sub(fixed + unicode_width::UnicodeWidthStr::width(name.as_str()));
        Line::from(vec![
            Span::styled(name, t.title()),
            Span::styled(agenda, t.muted()),
            Span::styled(place, t.heading()),
            Span::styled(cut(&title, for_title), t.heading()),
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
        ];
        if let Some(words) = timebox_words(in_section, section.minutes) {
            spans.push(Span::styled(
                format!(" · {words}"),
                t.rag(timebox_rag(in_section, section.minutes)),
            ));
        }
        spans.extend([
            Span::styled("  meeting ", t.muted()),
            Span::styled(
                format!(
                    "{} / {}",
                    clock_time(total),
                    clock_time(i64::from(m.planned_minutes()) * 60)
                ),
                t.rag(timebox_rag(total, m.planned_minutes())),
            ),
        ]);
        // Filled, as htop's header is: it reads on any page.
        spans.push(Span::raw("  "));
        if m.rehearsal {
            spans.push(Span::styled("REHEARSAL", t.fill(Rag::Amber)));
            spans.push(Span::raw(" "));
        }
        if m.presenting {
            spans.push(Span::styled("PRESENTING", t.accent_fill()));
        } else {
            spans.push(Span::styled("PRIVATE VIEW", t.fill(Rag::Amber)));
        }
        if self.meeting.followers > 0 {
            spans.push(Span::styled(
                format!("  projector: {}", self.meeting.followers),
                t.accent(),
            ));
        }
        if self.meeting.projector_blank {
            spans.push(Span::raw("  "));
            spans.push(Span::styled("PROJECTOR BLANK", t.fill(Rag::Amber)));
        }
        Line::from(spans).render(bottom, buf);
    }

    fn footer(&self, shown: &Shared, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        // A notice lasts one key (it may be a question, such as "Leave
        // now?", that must be seen to be answered); the saving banner
        // stays until the disk takes the meeting again.
        if let Some(notice) = &shown.notice {
            Paragraph::new(crate::text::on_screen(notice))
                .style(t.rag(Rag::Amber).add_modifier(Modifier::BOLD))
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        if let Some(banner) = &shown.banner {
            Paragraph::new(crate::text::on_screen(banner))
                .style(
                    t.rag(Rag::Red)
                        .add_modifier(Modifier::BOLD | Modifier::REVERSED),
                )
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        if let Some(field) = &shown.field {
            let newline = if field.kind.multiline() {
                "  Alt-Enter new line"
            } else {
                ""
            };
            // The skip question saves nothing: Enter skips, Esc keeps the section.
            let (enter, esc) = if field.kind == crate::meeting::DraftKind::Skip {
                (" skip the section", " keep it")
            } else {
                (" save", " close (kept)")
            };
            Line::from(vec![
                Span::styled("Enter", t.accent()),
                Span::styled(enter, t.muted()),
                Span::styled(newline, t.muted()),
                Span::styled("  Esc", t.accent()),
                Span::styled(esc, t.muted()),
            ])
            .render(area, buf);
            return;
        }
        let spans = footer_keys(self.keymap, shown, area.width, self.theme);
        Line::from(spans).render(area, buf);
    }

    fn help(&self, area: Rect, buf: &mut Buffer) {
        let k = self.keymap;
        // Actions that share a help line (↑ and ↓) share a row, so the help
        // fits an 80×24 window.
        let mut rows: Vec<(String, &str)> = Vec::new();
        for action in keymap::bindable() {
            let what = keymap::help_line(&action).unwrap_or_default();
            match rows.last_mut() {
                Some((keys, last)) if *last == what => {
                    keys.push(' ');
                    keys.push_str(&k.label(action));
                }
                _ => rows.push((k.label(action), what)),
            }
        }
        let lines: Vec<Line> = rows
            .into_iter()
            .map(|(keys, what)| {
                Line::from(vec![
                    Span::styled(format!("{keys:<18}"), self.theme.accent()),
                    Span::raw(what),
                ])
            })
            .collect();
        let popup = centred(area, 76, rows_high(lines.len(), 2));
        Clear.render(popup, buf);
        let block = panel("Keys", self.theme).title_bottom(Line::styled(
            " Keys can be changed in config.toml ",
            self.theme.muted(),
        ));
        Paragraph::new(lines).block(block).render(popup, buf);
    }

    fn agenda(&self, m: &Shared, selected: usize, area: Rect, buf: &mut Buffer) {
        let rows = m.sections.iter().enumerate().map(|(n, s)| {
            let spent = m.seconds_in(n);
            let marker = if n == m.current { "▶" } else { " " };
            vec![
                Line::raw(marker),
                Line::raw(format!("{:>2}.", n + 1)),
                Line::raw(s.title.clone()),
                Line::raw(format!(
                    "{:>5} / {:>5}",
                    clock_time(spent),
                    clock_time(i64::from(s.minutes) * 60)
                )),
            ]
        });
        let title = format!(
            "Agenda — {} choose, {} close",
            self.keymap.label(Action::Select),
            self.keymap.label(Action::Close)
        );
        // Long section titles wrap rather than push the times off the edge.
        let table = FittedTable::new(
            vec![
                Column::keep(""),
                Column::keep(""),
                Column::wrap(""),
                Column::keep(""),
            ],
            panel(&title, self.theme),
        )
        .styles(
            self.theme.heading(),
            self.theme.selected(),
            self.theme.muted(),
        )
        .scrolled(0, &self.keymap.first_label(Action::Down))
        .selected(Some(selected))
        .rows(rows);
        let width = 64.min(area.width);
        let popup = centred(area, width, table.height(width));
        Clear.render(popup, buf);
        table.render(popup, buf);
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

/// The most rows a notice may take from the screen: enough for any the
/// meeting raises (a typed word is quoted at most 24 columns long).
const NOTICE_ROWS: usize = 3;

/// How many rows the footer takes: a notice or banner wider than the
/// screen wraps onto more rows, so its last words (the key to go on) are
/// never cut off.
fn footer_rows(shown: &Shared, width: u16) -> u16 {
    let words = shown.notice.as_ref().or(shown.banner.as_ref());
    let rows = words.map_or(1, |w| wrapped_rows(&crate::text::on_screen(w), width));
    rows_high(rows.clamp(1, NOTICE_ROWS), 0)
}

/// How many rows `text` takes wrapped at word breaks to `width` columns,
/// as the footer's paragraph wraps it; a word wider than a row is broken.
fn wrapped_rows(text: &str, width: u16) -> usize {
    let width = usize::from(width).max(1);
    let (mut rows, mut used) = (1, 0);
    for word in text.split_whitespace() {
        let w = unicode_width::UnicodeWidthStr::width(word);
        let needed = if used == 0 { w } else { used + 1 + w };
        if needed <= width {
            used = needed;
            continue;
        }
        if used > 0 {
            rows += 1;
        }
        rows += w.saturating_sub(1) / width;
        used = match w % width {
            0 => width,
            r => r,
        };
    }
    rows
}

/// A key in the footer: its label, what it does in full and in short, and
/// whether it must stay however narrow the line (`None`), or else how
/// willingly it goes (lowest first).
struct FooterKey {
    action: Action,
    keys: String,
    what: &'static str,
    short: &'static str,
    drop: Option<u8>,
}

/// How the footer line is squeezed, step by step, until it fits.
#[derive(Clone, Copy)]
struct Squeeze {
    gap: usize,
    /// 0: words in full; 1: short words but "presenting"; 2: all short.
    short: u8,
}

/// The keys that work here, fitted to `width`: first the words are
/// shortened and the gaps narrowed; only then do keys that are also named
/// on the screen (agenda, rows, Enter) go. Moving on, going back, help,
/// quit, presenting mode and the section's capture keys always stay.
fn footer_keys(k: &Keymap, shown: &Shared, width: u16, theme: &Theme) -> Vec<Span<'static>> {
    use crate::agenda::SectionKind;
    let kind = shown.section().kind;
    let listen = kind == SectionKind::Listen;
    // The words are the action's own (on `Action`); `keys` are shown for it.
    let item = |action: Action, keys: String, drop| {
        let (what, short) = keymap::footer_words(&action, listen).unwrap_or_default();
        FooterKey {
            action,
            keys,
            what,
            short,
            drop,
        }
    };
    let key = |action: Action, drop| item(action.clone(), k.first_label(action), drop);
    let mut items = vec![
        key(Action::NextSection, None),
        key(Action::PreviousSection, None),
        key(Action::Agenda, Some(3)),
    ];
    if shown.rows > 0 {
        let keys = format!(
            "{}{}",
            k.first_label(Action::Up),
            k.first_label(Action::Down)
        );
        items.push(item(Action::Up, keys, Some(1)));
        items.push(key(Action::Select, Some(2)));
    }
    items.push(key(Action::Note, None));
    items.push(key(Action::NewAction, None));
    items.push(key(Action::Decision, None));
    // Off-topic points have somewhere to go; given up for room before the
    // screen's own keys.
    items.push(key(Action::Park, Some(1)));
    match kind {
        SectionKind::Notes => {
            // On the notes screen Enter adds who was there: its own words.
            items.push(FooterKey {
                what: "who was there",
                short: "who",
                ..key(Action::Select, Some(2))
            });
            items.push(key(Action::Risk, None));
            items.push(key(Action::Issue, None));
        }
        SectionKind::Raid | SectionKind::Status => {
            items.push(key(Action::Risk, None));
            items.push(key(Action::Issue, None));
        }
        SectionKind::Rules => items.push(key(Action::Signoff, None)),
        SectionKind::Review => items.push(key(Action::Minutes, None)),
        SectionKind::CustomerTasks => {
            items.push(key(Action::CustomerTask, None));
            items.push(key(Action::TaskHelp, None));
        }
        _ => {}
    }
    if shown.rehearsal && matches!(kind, SectionKind::Listen | SectionKind::Proposals) {
        items.push(key(Action::DealCard, Some(5)));
    }
    // While presenting, the keys that keep a risk or issue off the screen
    // outlast the keys the screen names anyway; in private view they go first.
    let internal = format!(
        "{}/{}",
        k.first_label(Action::InternalRisk),
        k.first_label(Action::InternalIssue)
    );
    let drop = if shown.presenting { 4 } else { 0 };
    items.push(item(Action::InternalRisk, internal, Some(drop)));
    items.push(key(Action::Presenting, None));
    items.push(key(Action::Help, None));
    items.push(key(Action::Quit, None));
    items.retain(|i| !i.keys.is_empty());
    let word = |i: &FooterKey, s: Squeeze| match s.short {
        0 => i.what,
        1 if i.action == Action::Presenting => i.what,
        _ => i.short,
    };
    let length = |items: &[FooterKey], s: Squeeze| -> usize {
        items
            .iter()
            .map(|i| i.keys.chars().count() + 1 + word(i, s).len())
            .sum::<usize>()
            + s.gap * items.len().saturating_sub(1)
    };
    let room = usize::from(width);
    // Narrow the gaps, then shorten "decision" and "sign-off"; keys that the
    // screen names anyway go next; "presenting" is shortened last.
    let steps = [
        Squeeze { gap: 2, short: 0 },
        Squeeze { gap: 1, short: 0 },
        Squeeze { gap: 1, short: 1 },
    ];
    let mut squeeze = steps
        .into_iter()
        .find(|&s| length(&items, s) <= room)
        .unwrap_or(steps[2]);
    while length(&items, squeeze) > room {
        let Some(least) = items
            .iter()
            .enumerate()
            .filter_map(|(n, i)| i.drop.map(|d| (n, d)))
            .min_by_key(|(_, d)| *d)
            .map(|(n, _)| n)
        else {
            break;
        };
        items.remove(least);
    }
    if length(&items, squeeze) > room {
        squeeze.short = 2;
    }
    let mut spans = Vec::new();
    for (n, item) in items.iter().enumerate() {
        if n > 0 {
            spans.push(Span::raw(" ".repeat(squeeze.gap)));
        }
        spans.push(Span::styled(item.keys.clone(), theme.accent()));
        spans.push(Span::styled(
            format!(" {}", word(item, squeeze)),
            theme.muted(),
        ));
    }
    spans
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
    fn the_timebox_says_its_state_in_words() {
        // A 5-minute timebox: nothing, then minutes left, then over.
        assert_eq!(timebox_words(0, 5), None);
        assert_eq!(timebox_words(239, 5), None);
        assert_eq!(timebox_words(240, 5).as_deref(), Some("1 min left"));
        assert_eq!(timebox_words(300, 5).as_deref(), Some("0 min left"));
        assert_eq!(timebox_words(301, 5).as_deref(), Some("over by 0:01"));
        assert_eq!(
            timebox_words(300 + 754, 5).as_deref(),
            Some("over by 12:34")
        );
        assert_eq!(timebox_words(480, 10).as_deref(), Some("2 min left"));
    }

    #[test]
    fn a_notice_takes_the_rows_its_words_wrap_to() {
        assert_eq!(wrapped_rows("Still in the meeting.", 80), 1);
        assert_eq!(wrapped_rows("aaaa bbbb", 9), 1);
        assert_eq!(wrapped_rows("aaaa bbbbb", 9), 2);
        // A word is never split between rows when it fits on one, so a
        // notice of 150 columns may need three rows of 80.
        let words = ["x".repeat(50), "y".repeat(50), "z".repeat(48)].join(" ");
        assert_eq!(wrapped_rows(&words, 80), 3);
        // A word wider than a row is broken across rows.
        assert_eq!(wrapped_rows(&"w".repeat(170), 80), 3);
    }

    #[test]
    fn a_cut_says_so() {
        assert_eq!(
            cut("Where the project stands", 40),
            "Where the project stands"
        );
        assert_eq!(cut("Where the project stands", 10), "Where the…");
        assert_eq!(cut("日本語のタイトル", 7), "日本語…");
        assert_eq!(cut("abc", 0), "");
    }

    #[test]
    fn clock_times_read_as_hours_and_minutes() {
        assert_eq!(clock_time(0), "0:00");
        assert_eq!(clock_time(605), "0:10");
        assert_eq!(clock_time(3725), "1:02");
    }
}
