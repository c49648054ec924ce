//! Semantic styles: what a colour means, not which colour it is. Every
//! colour is paired with a word, so the screen reads without colour too.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;

use crate::config::Palette;
use crate::plan::derive::Band;
use crate::plan::model::Rag;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub palette: Palette,
}

impl Theme {
    fn fg(colour: Option<Color>) -> Style {
        colour.map_or_else(Style::default, |c| Style::default().fg(c))
    }

    pub fn colour_of(&self, rag: Rag) -> Option<Color> {
        match rag {
            Rag::Green => self.palette.green,
            Rag::Amber => self.palette.amber,
            Rag::Red => self.palette.red,
            Rag::Grey => self.palette.grey,
        }
    }

    pub fn rag(&self, rag: Rag) -> Style {
        Theme::fg(self.colour_of(rag))
    }

    /// A colour badge with its word: "■ RED".
    pub fn badge(&self, rag: Rag) -> Span<'static> {
        let word = match rag {
            Rag::Green => "■ GREEN",
            Rag::Amber => "■ AMBER",
            Rag::Red => "■ RED",
            Rag::Grey => "■ DONE",
        };
        Span::styled(word, self.rag(rag).add_modifier(Modifier::BOLD))
    }

    pub fn band_rag(band: Band) -> Rag {
        match band {
            Band::Low => Rag::Green,
            Band::Medium => Rag::Amber,
            Band::High | Band::Critical => Rag::Red,
        }
    }

    pub fn title(&self) -> Style {
        Theme::fg(self.palette.accent).add_modifier(Modifier::BOLD)
    }

    pub fn heading(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn muted(&self) -> Style {
        Theme::fg(self.palette.muted)
    }

    pub fn accent(&self) -> Style {
        Theme::fg(self.palette.accent)
    }

    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    /// Marks an internal item when the PM alone is looking.
    pub fn internal(&self) -> Span<'static> {
        Span::styled(
            "[internal] ",
            Theme::fg(self.palette.amber).add_modifier(Modifier::ITALIC),
        )
    }
}
