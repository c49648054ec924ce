//! The 5×5 risk heat map: impact up the side, probability along the
//! bottom, each cell coloured by its band and showing how many risks sit in it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use crate::plan::derive::Band;
use crate::plan::model::Risk;
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

/// Width and height of the map with its usual cells.
pub const WIDTH: u16 = width(5);
pub const HEIGHT: u16 = 7;

impl Widget for HeatMap<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let cell = self.cell.clamp(3, 5);
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
                let colour = self.theme.colour_of(Theme::band_rag(band));
                let style = match colour {
                    Some(c) => Style::default().bg(c).fg(ratatui::style::Color::Black),
                    None => Style::default(),
                };
                let w = usize::from(cell);
                let label = match (n, colour) {
                    (0, Some(_)) => " ".repeat(w),
                    (0, None) => format!("{:^w$}", "·"),
                    (n, _) => format!("{n:^w$}"),
                };
                let x = area.x + 3 + (p as u16) * cell;
                buf.set_string(x, y, label, style.add_modifier(Modifier::BOLD));
            }
        }
        let axis = "─".repeat(usize::from(cell) * 5);
        buf.set_string(area.x, area.y + 5, format!("  └{axis}"), self.theme.muted());
        for p in 0..5u16 {
            let x = area.x + 3 + p * cell + cell / 2;
            buf.set_string(x, area.y + 6, format!("{}", p + 1), self.theme.muted());
        }
    }
}
