//! Every word on every screen can be read: each non-blank cell of every
//! section kind, overlay, field, notice and banner, presenting and private,
//! at 80×24 and 120×40, drawn for a light, a dark and an unknown background,
//! has at least 4.5:1 contrast (WCAG 2 AA) against its own background under
//! xterm's default palette and GNOME's Tango palette, and at least 3:1 once
//! both colours are turned to grey (a projector that washes colour out).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::SignedDuration;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::capture::Earlier;
use resetpoint::meeting::{Action, Meeting, update};
use resetpoint::tui::background::Background;
use resetpoint::tui::config::{self, Palette};
use resetpoint::tui::theme::Theme;
use resetpoint::tui::view::{View, draw};

use crate::common;

type Rgb = (u8, u8, u8);

/// A terminal's sixteen colours and its default foreground and background
/// on a light and on a dark page.
struct TerminalPalette {
    name: &'static str,
    sixteen: [Rgb; 16],
    light: (Rgb, Rgb),
    dark: (Rgb, Rgb),
}

/// xterm's defaults (`xterm` is black on white; `xterm -rv` or
/// `-bg black -fg white` the dark one).
const XTERM: TerminalPalette = TerminalPalette {
    name: "xterm",
    sixteen: resetpoint::tui::theme::XTERM_16,
    light: ((0x00, 0x00, 0x00), (0xff, 0xff, 0xff)),
    dark: ((0xff, 0xff, 0xff), (0x00, 0x00, 0x00)),
};

/// GNOME Terminal / VTE with the Tango palette and its "Tango light" and
/// "Tango dark" schemes.
const TANGO: TerminalPalette = TerminalPalette {
    name: "tango",
    sixteen: [
        (0x2e, 0x34, 0x36),
        (0xcc, 0x00, 0x00),
        (0x4e, 0x9a, 0x06),
        (0xc4, 0xa0, 0x00),
        (0x34, 0x65, 0xa4),
        (0x75, 0x50, 0x7b),
        (0x06, 0x98, 0x9a),
        (0xd3, 0xd7, 0xcf),
        (0x55, 0x57, 0x53),
        (0xef, 0x29, 0x29),
        (0x8a, 0xe2, 0x34),
        (0xfc, 0xe9, 0x4f),
        (0x72, 0x9f, 0xcf),
        (0xad, 0x7f, 0xa8),
        (0x34, 0xe2, 0xe2),
        (0xee, 0xee, 0xec),
    ],
    light: ((0x2e, 0x34, 0x36), (0xee, 0xee, 0xec)),
    dark: ((0xd3, 0xd7, 0xcf), (0x2e, 0x34, 0x36)),
};

fn luminance((r, g, b): Rgb) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// What a projector or a grey-scale print makes of a colour: the luma of
/// its encoded values (Rec. 601), as image tools desaturate.
fn grey((r, g, b): Rgb) -> Rgb {
    let y = (0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b)).round() as u8;
    (y, y, y)
}

/// The standard 256-colour table above the sixteen.
fn indexed(n: u8, palette: &TerminalPalette) -> Rgb {
    match n {
        0..=15 => palette.sixteen[usize::from(n)],
        16..=231 => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
            let i = n - 16;
            (level(i / 36), level(i / 6 % 6), level(i % 6))
        }
        _ => {
            let v = 8 + 10 * (n - 232);
            (v, v, v)
        }
    }
}

/// The colour a terminal with this palette shows; `default` for Reset.
fn shown(colour: Color, default: Rgb, palette: &TerminalPalette) -> Rgb {
    let named = |n: u8| indexed(n, palette);
    match colour {
        Color::Reset => default,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => named(8),
        Color::LightRed => named(9),
        Color::LightGreen => named(10),
        Color::LightYellow => named(11),
        Color::LightBlue => named(12),
        Color::LightMagenta => named(13),
        Color::LightCyan => named(14),
        Color::White => named(15),
        Color::Indexed(n) => named(n),
        Color::Rgb(r, g, b) => (r, g, b),
    }
}

fn key(code: KeyCode) -> Action {
    Action::Type(KeyEvent::new(code, KeyModifiers::NONE))
}

/// A meeting over every section kind with something captured: an open
/// follow-up, answers, notes public and private, an internal risk.
fn meeting(presenting: bool) -> Meeting {
    let mut m = common::every_section_meeting(common::demo_plan(), false);
    m.earlier = vec![
        Earlier {
            id: "A-1".into(),
            meeting: "2026-11-10-1400-status".into(),
            title: "Send the revised plan".into(),
            owner: Some("dana".into()),
            due: Some("2026-11-20".parse().unwrap()),
            moved_from: None,
            side: None,
        },
        Earlier {
            id: "A-2".into(),
            meeting: "2026-11-10-1400-status".into(),
            title: "Book the depot visit".into(),
            owner: None,
            due: None,
            moved_from: None,
            side: None,
        },
    ];
    for (kind, open, text) in [
        (SectionKind::Listen, Action::Select, "The portal is slow"),
        (SectionKind::Status, Action::Note, "Scanner fee agreed"),
        (SectionKind::Status, Action::PrivateNote, "Margin is thin"),
        (
            SectionKind::Raid,
            Action::NewAction,
            "Send the plan due:+3d",
        ),
        (
            SectionKind::Raid,
            Action::Risk,
            "Label printers short p:4 i:3",
        ),
        (SectionKind::Raid, Action::Decision, "Weekly calls"),
    ] {
        common::go_to(&mut m, kind);
        common::type_line(&mut m, open, text);
    }
    common::go_to(&mut m, SectionKind::Followups);
    common::type_line(&mut m, Action::Select, "done");
    update(&mut m, Action::Down);
    common::type_line(&mut m, Action::Select, "open due:+1w");
    if presenting {
        update(&mut m, Action::Presenting);
    }
    m
}

/// The frames a meeting shows on one section: as it opens, after Enter on
/// the first row (a mark, a verdict, or an open field), after a second row.
fn frames_of(m: &Meeting, index: usize) -> Vec<(String, Meeting)> {
    let mut frames = Vec::new();
    let mut here = m.clone();
    update(&mut here, Action::JumpTo(index));
    frames.push(("opened".to_owned(), here.clone()));
    let mut chosen = here.clone();
    update(&mut chosen, Action::Select);
    frames.push(("enter".to_owned(), chosen.clone()));
    update(&mut chosen, key(KeyCode::Esc));
    update(&mut chosen, Action::Down);
    update(&mut chosen, Action::Select);
    update(&mut chosen, Action::Select);
    frames.push(("down, enter twice".to_owned(), chosen));
    // A choice typed into what Enter opened (a proposal's buy-in takes 1).
    let mut answered = here.clone();
    update(&mut answered, Action::Select);
    update(&mut answered, key(KeyCode::Char('1')));
    update(&mut answered, key(KeyCode::Enter));
    frames.push(("enter, 1, enter".to_owned(), answered));
    frames
}

/// Every state of the screen worth checking, by name.
fn every_frame() -> Vec<(String, Meeting)> {
    let mut frames = Vec::new();
    for presenting in [false, true] {
        let mode = if presenting { "presenting" } else { "private" };
        let m = meeting(presenting);
        for (index, kind) in SectionKind::ALL.iter().enumerate() {
            for (what, frame) in frames_of(&m, index) {
                frames.push((format!("{mode} {} {what}", kind.key()), frame));
            }
        }
        let mut help = m.clone();
        update(&mut help, Action::Help);
        frames.push((format!("{mode} help"), help));
        let mut agenda = m.clone();
        update(&mut agenda, Action::Agenda);
        update(&mut agenda, Action::Down);
        frames.push((format!("{mode} agenda"), agenda));
        for (seconds, what) in [(240, "amber"), (301, "red"), (4000, "long over")] {
            let mut late = m.clone();
            update(&mut late, Action::JumpTo(0));
            update(
                &mut late,
                Action::Tick(common::meeting_start() + SignedDuration::from_secs(seconds)),
            );
            frames.push((format!("{mode} timer {what}"), late));
        }
        let mut field = m.clone();
        update(&mut field, Action::PrivateNote);
        update(&mut field, key(KeyCode::Char('x')));
        frames.push((format!("{mode} private field"), field.clone()));
        update(
            &mut field,
            Action::SaveFailed("Cannot save: No space left on device.".into()),
        );
        frames.push((format!("{mode} banner"), field));
        let mut quit = m.clone();
        common::quit(&mut quit);
        frames.push((format!("{mode} after quit"), quit));
    }
    frames
}

fn render(m: &Meeting, theme: &Theme, width: u16, height: u16) -> Buffer {
    let keymap = config::load(None, false, false).unwrap().keymap;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let view = View {
        meeting: m,
        theme,
        keymap: &keymap,
    };
    terminal.draw(|frame| draw(frame, &view)).unwrap();
    terminal.backend().buffer().clone()
}

/// Every cell of `buffer` that is hard to read on this page, as a line.
fn poor_cells(buffer: &Buffer, palette: &TerminalPalette, page: (Rgb, Rgb)) -> Vec<String> {
    let (default_fg, default_bg) = page;
    let mut poor = Vec::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            if cell.symbol().trim().is_empty() {
                continue;
            }
            let mut fg = shown(cell.fg, default_fg, palette);
            let mut bg = shown(cell.bg, default_bg, palette);
            if cell.modifier.contains(Modifier::REVERSED) {
                std::mem::swap(&mut fg, &mut bg);
            }
            let ratio = contrast(fg, bg);
            let washed = contrast(grey(fg), grey(bg));
            if ratio < 4.5 || washed < 3.0 {
                poor.push(format!(
                    "({x},{y}) {:?} fg {fg:02x?} bg {bg:02x?}: {ratio:.2}:1, grey {washed:.2}:1 in {:?}",
                    cell.symbol(),
                    row_text(buffer, y),
                ));
            }
        }
    }
    poor
}

fn row_text(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect::<String>()
        .trim_end()
        .to_owned()
}

#[test]
fn every_cell_of_every_screen_reads_on_light_and_dark_under_xterm_and_tango() {
    let themes = [
        ("light", Theme::for_background(Background::Light)),
        ("dark", Theme::for_background(Background::Dark)),
        ("unknown", Theme::for_background(Background::Unknown)),
        (
            "no colour",
            Theme {
                palette: Palette::NONE,
            },
        ),
    ];
    let frames = every_frame();
    let mut failures = Vec::new();
    let mut cells = 0usize;
    for (name, theme) in &themes {
        // A known background is checked on pages of that kind; the others
        // must read on both.
        let pages: &[&str] = match *name {
            "light" => &["light"],
            "dark" => &["dark"],
            _ => &["light", "dark"],
        };
        for (frame, m) in &frames {
            for (width, height) in [(80, 24), (120, 40)] {
                let buffer = render(m, theme, width, height);
                cells += buffer.content().len();
                for palette in [&XTERM, &TANGO] {
                    for page in pages {
                        let colours = if *page == "light" {
                            palette.light
                        } else {
                            palette.dark
                        };
                        for poor in poor_cells(&buffer, palette, colours) {
                            failures.push(format!(
                                "{name} theme, {} {page} page, {frame} {width}x{height}: {poor}",
                                palette.name
                            ));
                        }
                    }
                }
            }
        }
    }
    if let Some(path) = std::env::var_os("CONTRAST_REPORT") {
        std::fs::write(path, failures.join("\n")).unwrap();
    }
    assert!(cells > 1_000_000, "the screens were drawn ({cells} cells)");
    // The frames hold what the check is for: every kind of styled word.
    let all: String = frames
        .iter()
        .map(|(_, m)| text_of(&render(m, &themes[0].1, 120, 40)))
        .collect();
    for word in [
        " RED ",
        "PRESENTING",
        "PRIVATE VIEW",
        "[internal]",
        "DONE",
        "LATE",
        "STILL OPEN",
        "AGREED",
        "CRITICAL",
        "over plan",
        "1C",
        "Cannot save",
        "Keys can be changed",
        "private note",
    ] {
        assert!(all.contains(word), "no frame shows {word:?}");
    }
    assert!(
        failures.is_empty(),
        "{} cells are hard to read, the first:\n{}",
        failures.len(),
        failures[..failures.len().min(25)].join("\n")
    );
}

#[test]
fn the_check_itself_catches_what_issue_18_found() {
    // Cyan on white, yellow on white and white on a yellow fill fail.
    assert!(contrast(XTERM.sixteen[6], XTERM.light.1) < 4.5);
    assert!(contrast(XTERM.sixteen[3], XTERM.light.1) < 4.5);
    assert!(contrast(XTERM.light.1, XTERM.sixteen[3]) < 4.5);
    // Red on black passes in colour but not once washed out.
    let (red, black) = (XTERM.sixteen[1], XTERM.dark.1);
    assert!(contrast(red, black) < 4.5 && contrast(grey(red), grey(black)) < 3.0);
    // The old theme fails the cell check on a white page.
    let mut buffer = Buffer::empty(ratatui::layout::Rect::new(0, 0, 3, 1));
    buffer[(0, 0)].set_symbol("x").set_fg(Color::Cyan);
    buffer[(1, 0)]
        .set_symbol("y")
        .set_fg(Color::Reset)
        .set_bg(Color::Reset);
    assert_eq!(poor_cells(&buffer, &XTERM, XTERM.light).len(), 1);
    // A fill of xterm's yellow behind default text on a dark page.
    buffer[(1, 0)].set_bg(Color::Yellow);
    assert_eq!(poor_cells(&buffer, &XTERM, XTERM.dark).len(), 1);
    assert_eq!(poor_cells(&buffer, &XTERM, XTERM.light).len(), 1);
}

#[test]
fn the_old_cyan_accent_on_a_white_page_would_be_caught() {
    let mut theme = Theme::for_background(Background::Light);
    theme.palette.accent = Some(Color::Cyan);
    let buffer = render(&meeting(false), &theme, 80, 24);
    let poor = poor_cells(&buffer, &XTERM, XTERM.light);
    assert!(
        poor.iter()
            .any(|p| p.contains("1.98:1") && p.contains("q quit")),
        "the footer keys in cyan fail: {poor:?}"
    );
}

/// The screen as NO_COLOR draws it, with no colour in any cell.
fn without_colour(m: &Meeting, width: u16, height: u16) -> Buffer {
    let theme = Theme {
        palette: config::load(None, false, true).unwrap().palette,
    };
    let buffer = render(m, &theme, width, height);
    for cell in buffer.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
    buffer
}

fn text_of(buffer: &Buffer) -> String {
    (0..buffer.area.height)
        .map(|y| row_text(buffer, y) + "\n")
        .collect()
}

#[test]
fn without_colour_the_spend_chart_tells_plan_from_actual_and_the_gauges_have_a_scale() {
    let mut m = meeting(false);
    common::go_to(&mut m, SectionKind::Financials);
    for (width, height) in [(80, 24), (120, 40)] {
        let text = text_of(&without_colour(&m, width, height));
        // The demo plan's months differ: over plan in Aug and Sep, under after.
        assert!(text.contains("█ spent  ▄ plan left  ▀ over plan"), "{text}");
        assert!(text.contains("63 of 60 over"), "{text}");
        assert!(text.contains("54 of 70"), "{text}");
        let row = |month: &str| text.lines().find(|l| l.contains(month)).unwrap().to_owned();
        assert!(row("26-09").contains('▀') && !row("26-09").contains('▄'));
        assert!(row("26-11").contains('▄') && !row("26-11").contains('▀'));
        assert!(text.contains("0.90") && text.contains("0.95"), "{text}");
        insta::assert_snapshot!(format!("financials_no_color_{width}x{height}"), text);
    }
}

#[test]
fn without_colour_the_heat_map_has_counts_and_band_letters() {
    let mut m = meeting(false);
    common::go_to(&mut m, SectionKind::Raid);
    let text = text_of(&without_colour(&m, 120, 40));
    // Beside the capture pane the map has narrow cells ("1C") and its key
    // on two lines.
    assert!(text.contains("1C"), "{text}");
    assert!(
        text.contains("L low  M medium") && text.contains("H high C crit"),
        "{text}"
    );
    insta::assert_snapshot!("raid_no_color_120x40", text);
}
