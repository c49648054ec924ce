//! The 5×5 risk heat map: impact up the side, probability along the
//! bottom, each cell filled by its band and showing how many risks sit in
//! it with the band's letter, so it reads in grey and without colour too.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use ratatui::style::Modifier;

use crate::plan::derive::Band;
use crate::plan::model::{Rag, Risk};
use crate::tui::theme::Theme;

pub struct HeatMap<'a> {
    pub risks: &'a [Risk],
    pub theme: &'a Theme,
    /// Cells are this wide: 5 normally, 3 on a narrow screen so the risk
    /// list beside the map keeps room for its titles.
    pub cell: u16,
}

/// Width the map needs with cells `cell` wide: 3 for the axis, 5 cells, 1 spare.
pub const fn width(cell: u16) -> u16 {
    3 + 5 * cell + 1
}

/// The widest cells: a map in a panel of its own takes the room it has.
pub const MOST_CELL: u16 = 9;

/// Width and height of the map with its usual cells.
pub const WIDTH: u16 = width(5);
pub const HEIGHT: u16 = 7;

const KEY: &str = "L low M medium H high C crit";
const KEY_NARROW: [&str; 2] = ["L low  M medium", "H high C crit"];

fn letter(band: Band) -> char {
    match band {
        Band::Low => 'L',
        Band::Medium => 'M',
        Band::High => 'H',
        Band::Critical => 'C',
    }
}

impl Widget for HeatMap<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let cell = self.cell.clamp(3, MOST_CELL);
        if area.width < width(cell) || area.height < HEIGHT {
            return;
        }
        let mut counts = [[0usize; 5]; 5];
        for risk in self
            .risks
            .iter()
            .filter(|r| r.status == crate::plan::model::RiskStatus::Open)
        {
            let p = (*risk.probability.get_ref()).clamp(1, 5) as usize - 1;
            let i = (*risk.impact.get_ref()).clamp(1, 5) as usize - 1;
            counts[i][p] += 1;
        }
        for row in 0..5u16 {
            let impact = 5 - row as usize;
            let y = area.y + row;
            buf.set_string(area.x, y, format!("{impact} │"), self.theme.muted());
            for (p, &n) in counts[impact - 1].iter().enumerate() {
                let band = Band::of((impact * (p + 1)) as i64);
                let w = usize::from(cell);
                let label = match n {
                    0 => format!("{:^w$}", "·"),
                    n if w >= 5 => format!("{:^w$}", format!("{n:>2} {}", letter(band))),
                    n => format!("{:^w$}", format!("{n}{}", letter(band))),
                };
                let x = area.x + 3 + (p as u16) * cell;
                // Without colour a grid of reversed cells would be one black
                // block: the letters alone say the band.
                // Critical is not high: high cells are red letters on the
                // page, critical ones filled red, and their letters differ.
                let style = if !self.theme.has_colour() {
                    self.theme.heading()
                } else if band == Band::High {
                    self.theme.rag(Rag::Red).add_modifier(Modifier::BOLD)
                } else {
                    self.theme.fill(Theme::band_rag(band))
                };
                buf.set_string(x, y, label, style);
            }
        }
        let axis = "─".repeat(usize::from(cell) * 5);
        buf.set_string(area.x, area.y + 5, format!("  └{axis}"), self.theme.muted());
        for p in 0..5u16 {
            let x = area.x + 3 + p * cell + cell / 2;
            buf.set_string(x, area.y + 6, format!("{}", p + 1), self.theme.muted());
        }
        // The key to the letters: on one line where it fits, else on two
        // under a narrow map, so the letters are never left unexplained.
        let key: &[&str] = if usize::from(area.width) >= KEY.chars().count() {
            &[KEY]
        } else {
            &KEY_NARROW
        };
        let room = usize::from(area.height.saturating_sub(HEIGHT));
        let fits = key
            .iter()
            .all(|l| l.chars().count() <= usize::from(area.width));
        if room >= key.len() && fits {
            for (n, line) in key.iter().enumerate() {
                buf.set_string(area.x, area.y + HEIGHT + n as u16, line, self.theme.muted());
            }
        }
    }
}
