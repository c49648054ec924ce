//! The 5×5 risk heat map: impact up the side, probability along the
//! bottom, each cell filled by its band and showing how many risks sit in
//! it with the band's letter, so it reads in grey and without colour too.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::plan::derive::Band;
use crate::plan::model::Risk;
use crate::tui::theme::Theme;

pub struct HeatMap<'a> {
    pub risks: &'a [Risk],
    pub theme: &'a Theme,
}

/// Width and height the map needs: 3 for the axis, 5 cells of 5, labels;
/// one more line shows the key to the letters when there is room.
pub const WIDTH: u16 = 29;
pub const HEIGHT: u16 = 7;

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
        if area.width < WIDTH || area.height < HEIGHT {
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
                let label = match n {
                    0 => "  ·  ".to_owned(),
                    n => format!("{n:>2} {} ", letter(band)),
                };
                let x = area.x + 3 + (p as u16) * 5;
                // Without colour a grid of reversed cells would be one black
                // block: the letters alone say the band.
                let style = if self.theme.has_colour() {
                    self.theme.fill(Theme::band_rag(band))
                } else {
                    self.theme.heading()
                };
                buf.set_string(x, y, label, style);
            }
        }
        buf.set_string(
            area.x,
            area.y + 5,
            "  └─────────────────────────",
            self.theme.muted(),
        );
        buf.set_string(
            area.x,
            area.y + 6,
            "     1    2    3    4    5",
            self.theme.muted(),
        );
        if area.height > HEIGHT {
            buf.set_string(
                area.x,
                area.y + HEIGHT,
                "L low M medium H high C crit",
                self.theme.muted(),
            );
        }
    }
}
