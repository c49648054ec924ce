//! Semantic styles: what a colour means, not which colour it is. Every
//! colour is paired with a word, so the screen reads without colour too.
//!
//! Each role has a colour for a light and for a dark background, chosen from
//! the fixed part of the 256-colour table (16–255), which terminals' colour
//! schemes leave alone, so that text keeps 4.5:1 against the page under
//! xterm's and GNOME's palettes, and 3:1 once a projector washes the colour
//! out (tests/contrast.rs checks every cell). When the background is not
//! known, text stays in the terminal's own foreground, bold where it needs
//! to stand out; status words are filled badges whose black or white text
//! carries its own contrast on any page.

use crate::contrast::contrast;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;

use super::background::Background;
use crate::plan::derive::Band;
use crate::plan::model::Rag;
use crate::tui::config::Palette;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub palette: Palette,
}

/// Exact black and white from the 256-colour cube: unlike colours 0 and
/// 15, no scheme retints them and bold does not brighten them.
const BLACK: Color = Color::Indexed(16);
const WHITE: Color = Color::Indexed(231);

/// Text colours for a light page.
mod on_light {
    use ratatui::style::Color;
    pub const GREEN: Color = Color::Indexed(22); // #005f00
    pub const AMBER: Color = Color::Indexed(94); // #875f00
    pub const RED: Color = Color::Indexed(124); // #af0000
    pub const MUTED: Color = Color::Indexed(240); // #585858
    pub const ACCENT: Color = Color::Indexed(25); // #005faf
}

/// Text colours for a dark page.
mod on_dark {
    use ratatui::style::Color;
    pub const GREEN: Color = Color::Indexed(114); // #87d787
    pub const AMBER: Color = Color::Indexed(214); // #ffaf00
    pub const RED: Color = Color::Indexed(210); // #ff8787
    pub const MUTED: Color = Color::Indexed(248); // #a8a8a8
    pub const ACCENT: Color = Color::Indexed(117); // #87d7ff
}

/// Fills for badges and the heat map, the same on any page.
mod fill {
    use ratatui::style::Color;
    pub const GREEN: Color = Color::Indexed(40); // #00d700, black text
    pub const AMBER: Color = Color::Indexed(214); // #ffaf00, black text
    pub const RED: Color = Color::Indexed(160); // #d70000, white text
    pub const GREY: Color = Color::Indexed(250); // #bcbcbc, black text
    pub const ACCENT: Color = Color::Indexed(25); // #005faf, white text
}

impl Theme {
    /// A theme for this background with the built-in colours.
    pub fn for_background(background: Background) -> Theme {
        Theme {
            palette: Palette {
                background,
                ..Palette::BUILT_IN
            },
        }
    }

    /// False under NO_COLOR, where shapes and words carry everything.
    pub fn has_colour(&self) -> bool {
        self.palette.colour
    }

    fn background(&self) -> Background {
        self.palette.background
    }

    /// The text colour of a status, readable on the page, or `None` where
    /// the terminal's own foreground is used.
    pub fn colour_of(&self, rag: Rag) -> Option<Color> {
        if !self.has_colour() {
            return None;
        }
        let chosen = match rag {
            Rag::Green => self.palette.green,
            Rag::Amber => self.palette.amber,
            Rag::Red => self.palette.red,
            Rag::Grey => self.palette.grey,
        };
        chosen.or(match (self.background(), rag) {
            (Background::Light, Rag::Green) => Some(on_light::GREEN),
            (Background::Light, Rag::Amber) => Some(on_light::AMBER),
            (Background::Light, Rag::Red) => Some(on_light::RED),
            (Background::Light, Rag::Grey) => Some(on_light::MUTED),
            (Background::Dark, Rag::Green) => Some(on_dark::GREEN),
            (Background::Dark, Rag::Amber) => Some(on_dark::AMBER),
            (Background::Dark, Rag::Red) => Some(on_dark::RED),
            (Background::Dark, Rag::Grey) => Some(on_dark::MUTED),
            (Background::Unknown, _) => None,
        })
    }

    /// Text in a status colour. On an unknown page it is bold in the
    /// terminal's foreground: the word beside it says the status.
    pub fn rag(&self, rag: Rag) -> Style {
        match self.colour_of(rag) {
            Some(c) => Style::default().fg(c),
            None if self.has_colour() && rag != Rag::Grey => {
                Style::default().add_modifier(Modifier::BOLD)
            }
            None => Style::default(),
        }
    }

    /// The fill behind a status word, with black or white text, whichever
    /// stands out more. Without colour: reversed, still a badge.
    pub fn fill(&self, rag: Rag) -> Style {
        if !self.has_colour() {
            return Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD);
        }
        let chosen = match rag {
            Rag::Green => self.palette.green,
            Rag::Amber => self.palette.amber,
            Rag::Red => self.palette.red,
            Rag::Grey => self.palette.grey,
        };
        let fill = chosen.unwrap_or(match rag {
            Rag::Green => fill::GREEN,
            Rag::Amber => fill::AMBER,
            Rag::Red => fill::RED,
            Rag::Grey => fill::GREY,
        });
        filled(fill)
    }

    /// A status word on its fill: " RED ".
    pub fn badge(&self, rag: Rag) -> Span<'static> {
        let word = match rag {
            Rag::Green => " GREEN ",
            Rag::Amber => " AMBER ",
            Rag::Red => " RED ",
            Rag::Grey => " DONE ",
        };
        Span::styled(word, self.fill(rag))
    }

    pub fn band_rag(band: Band) -> Rag {
        match band {
            Band::Low => Rag::Green,
            Band::Medium => Rag::Amber,
            Band::High | Band::Critical => Rag::Red,
        }
    }

    /// The project's name and the current question: bold in the
    /// terminal's own foreground, the strongest contrast there is.
    pub fn title(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn heading(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    /// Secondary text: grey where the page is known, else the plain
    /// foreground (no grey reads on both white and black).
    pub fn muted(&self) -> Style {
        let colour = self.palette.muted.or(match self.background() {
            Background::Light => Some(on_light::MUTED),
            Background::Dark => Some(on_dark::MUTED),
            Background::Unknown => None,
        });
        match colour.filter(|_| self.has_colour()) {
            Some(c) => Style::default().fg(c),
            None => Style::default(),
        }
    }

    /// Keys in the footer and help, labels and markers: blue on a light
    /// page, light blue on a dark one, bold otherwise.
    pub fn accent(&self) -> Style {
        let colour = self.palette.accent.or(match self.background() {
            Background::Light => Some(on_light::ACCENT),
            Background::Dark => Some(on_dark::ACCENT),
            Background::Unknown => None,
        });
        match colour.filter(|_| self.has_colour()) {
            Some(c) => Style::default().fg(c),
            None => Style::default().add_modifier(Modifier::BOLD),
        }
    }

    /// A filled badge in the accent colour, for PRESENTING.
    pub fn accent_fill(&self) -> Style {
        if !self.has_colour() {
            return Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD);
        }
        filled(self.palette.accent.unwrap_or(fill::ACCENT))
    }

    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    /// Marks an internal item when the PM alone is looking.
    pub fn internal(&self) -> Span<'static> {
        Span::styled(
            "[internal] ",
            self.rag(Rag::Amber).add_modifier(Modifier::ITALIC),
        )
    }
}

/// `fill` as a background with black or white text, whichever contrasts more.
fn filled(fill: Color) -> Style {
    let text = match approximate_rgb(fill) {
        Some(rgb) if contrast(rgb, (0, 0, 0)) >= contrast(rgb, (255, 255, 255)) => BLACK,
        Some(_) => WHITE,
        None => BLACK,
    };
    Style::default()
        .bg(fill)
        .fg(text)
        .add_modifier(Modifier::BOLD)
}

/// xterm's own values for the sixteen named colours.
pub const XTERM_16: [(u8, u8, u8); 16] = [
    (0x00, 0x00, 0x00),
    (0xcd, 0x00, 0x00),
    (0x00, 0xcd, 0x00),
    (0xcd, 0xcd, 0x00),
    (0x00, 0x00, 0xee),
    (0xcd, 0x00, 0xcd),
    (0x00, 0xcd, 0xcd),
    (0xe5, 0xe5, 0xe5),
    (0x7f, 0x7f, 0x7f),
    (0xff, 0x00, 0x00),
    (0x00, 0xff, 0x00),
    (0xff, 0xff, 0x00),
    (0x5c, 0x5c, 0xff),
    (0xff, 0x00, 0xff),
    (0x00, 0xff, 0xff),
    (0xff, 0xff, 0xff),
];

/// The colour a terminal most likely shows for `colour`: xterm's values for
/// the sixteen named colours (schemes vary them), the standard values of the
/// 256-colour table, RGB as given.
pub fn approximate_rgb(colour: Color) -> Option<(u8, u8, u8)> {
    let named = |n: usize| Some(XTERM_16[n]);
    match colour {
        Color::Reset => None,
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
        Color::Rgb(r, g, b) => Some((r, g, b)),
        Color::Indexed(n) => Some(indexed_rgb(n, XTERM_16[usize::from(n.min(15))])),
    }
}

/// The standard value of colour `n` of the 256-colour table; `low` for 0–15.
pub fn indexed_rgb(n: u8, low: (u8, u8, u8)) -> (u8, u8, u8) {
    match n {
        0..=15 => low,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_256_colour_table_has_its_standard_values() {
        assert_eq!(indexed_rgb(16, (1, 1, 1)), (0, 0, 0));
        assert_eq!(indexed_rgb(231, (1, 1, 1)), (255, 255, 255));
        assert_eq!(indexed_rgb(25, (1, 1, 1)), (0x00, 0x5f, 0xaf));
        assert_eq!(indexed_rgb(214, (1, 1, 1)), (0xff, 0xaf, 0x00));
        assert_eq!(indexed_rgb(240, (1, 1, 1)), (0x58, 0x58, 0x58));
        assert_eq!(indexed_rgb(3, (1, 2, 3)), (1, 2, 3));
    }

    #[test]
    fn badge_text_is_the_one_that_stands_out() {
        assert_eq!(filled(Color::Indexed(160)).fg, Some(WHITE));
        assert_eq!(filled(Color::Indexed(214)).fg, Some(BLACK));
        assert_eq!(filled(Color::Rgb(0xff, 0xff, 0x80)).fg, Some(BLACK));
        assert_eq!(filled(Color::Rgb(0x20, 0x20, 0x60)).fg, Some(WHITE));
    }

    #[test]
    fn an_override_from_the_config_is_used_on_every_background() {
        for background in [Background::Light, Background::Dark, Background::Unknown] {
            let mut theme = Theme::for_background(background);
            theme.palette.red = Some(Color::Rgb(1, 2, 3));
            assert_eq!(theme.rag(Rag::Red).fg, Some(Color::Rgb(1, 2, 3)));
            assert_eq!(theme.fill(Rag::Red).bg, Some(Color::Rgb(1, 2, 3)));
        }
    }

    #[test]
    fn without_colour_nothing_is_coloured() {
        let theme = Theme {
            palette: Palette::NONE,
        };
        for rag in [Rag::Green, Rag::Amber, Rag::Red, Rag::Grey] {
            assert_eq!(theme.rag(rag).fg, None);
            assert_eq!(theme.fill(rag).bg, None);
        }
        assert_eq!(theme.accent().fg, None);
        assert_eq!(theme.muted().fg, None);
    }
}
