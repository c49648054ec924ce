//! CPI or SPI on a scale: the figure and its colour word as a badge, a bar
//! from 0.5 to 1.5 with the red and green thresholds marked on it, and the
//! scale's numbers under it. Filled and empty parts differ in shape, so the
//! gauge reads in grey and without colour, never as a solid block.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::figures::ratio;
use crate::plan::model::{Rag, Thresholds};
use crate::tui::theme::Theme;

/// The ends of the scale: a CPI or SPI far outside them is drawn at the end.
const LOW: f64 = 0.5;
const HIGH: f64 = 1.5;

pub struct IndexGauge<'a> {
    /// "CPI" or "SPI".
    pub name: &'a str,
    pub value: Option<f64>,
    pub rag: Rag,
    pub thresholds: Thresholds,
    /// What the figure means, in a few words.
    pub meaning: &'a str,
    pub theme: &'a Theme,
}

/// Lines the gauge uses: figure, bar, scale.
pub const HEIGHT: u16 = 3;

/// The cell of the bar that stands for `value` in a bar `width` wide.
fn cell_of(value: f64, width: u16) -> u16 {
    let share = ((value - LOW) / (HIGH - LOW)).clamp(0.0, 1.0);
    ((share * f64::from(width)).round() as u16).min(width.saturating_sub(1))
}

impl Widget for IndexGauge<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 12 || area.height == 0 {
            return;
        }
        let t = self.theme;
        let word = match self.rag {
            Rag::Green => " GREEN ",
            Rag::Amber => " AMBER ",
            Rag::Red => " RED ",
            Rag::Grey => " n/a ",
        };
        Line::from(vec![
            Span::styled(format!("{} {} ", self.name, ratio(self.value)), t.heading()),
            Span::styled(word, t.fill(self.rag)),
            Span::styled(format!(" {}", self.meaning), t.muted()),
        ])
        .render(Rect { height: 1, ..area }, buf);
        if area.height < 2 {
            return;
        }
        let width = area.width;
        let red = cell_of(self.thresholds.red, width);
        let green = cell_of(self.thresholds.green, width);
        let filled = self.value.map(|v| cell_of(v, width) + 1).unwrap_or(0);
        let bar = area.y + 1;
        for i in 0..width {
            let (symbol, style) = if i == red || i == green {
                ("│", t.heading())
            } else if i < filled {
                ("█", t.rag(self.rag))
            } else {
                // The track: solid ink, thin, never a shade.
                ("▁", t.muted())
            };
            buf.set_string(area.x + i, bar, symbol, style);
        }
        if area.height < 3 {
            return;
        }
        // Numbers under the marks: the red threshold ends at its mark, the
        // green one starts at its own; the ends of the scale where they fit.
        let scale = area.y + 2;
        let mut line = vec![' '; usize::from(width)];
        let put = |at: i32, text: &str, line: &mut Vec<char>| {
            let end = at + text.chars().count() as i32;
            if at < 0 || end > i32::from(width) {
                return;
            }
            let span = at as usize..end as usize;
            let free = span.clone().all(|i| line[i] == ' ')
                && (span.start == 0 || line[span.start - 1] == ' ')
                && (span.end == line.len() || line[span.end] == ' ');
            if free {
                for (i, c) in span.zip(text.chars()) {
                    line[i] = c;
                }
            }
        };
        let red_label = format!("{:.2}", self.thresholds.red);
        let green_label = format!("{:.2}", self.thresholds.green);
        put(
            i32::from(red) + 1 - red_label.len() as i32,
            &red_label,
            &mut line,
        );
        put(i32::from(green), &green_label, &mut line);
        put(0, &format!("{LOW:.1}"), &mut line);
        put(i32::from(width) - 3, &format!("{HIGH:.1}"), &mut line);
        buf.set_string(
            area.x,
            scale,
            line.into_iter().collect::<String>(),
            t.muted(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::background::Background;

    fn draw(value: Option<f64>, rag: Rag, width: u16) -> Vec<String> {
        let theme = Theme::for_background(Background::Unknown);
        let area = Rect::new(0, 0, width, HEIGHT);
        let mut buf = Buffer::empty(area);
        IndexGauge {
            name: "CPI",
            value,
            rag,
            thresholds: Thresholds {
                green: 0.95,
                red: 0.90,
            },
            meaning: "earned per 1.00 spent",
            theme: &theme,
        }
        .render(area, &mut buf);
        (0..HEIGHT)
            .map(|y| (0..width).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    }

    #[test]
    fn the_bar_shows_the_value_the_marks_and_the_scale() {
        let lines = draw(Some(0.88), Rag::Red, 38);
        assert_eq!(lines[0].trim_end(), "CPI 0.88  RED  earned per 1.00 spent");
        // 0.88 of 0.5–1.5 on 38 cells fills 15 cells; marks at 0.90 and 0.95.
        assert_eq!(lines[1].chars().filter(|&c| c == '█').count(), 15);
        assert_eq!(lines[1].chars().filter(|&c| c == '│').count(), 2);
        assert!(lines[1].contains('▁'), "the rest of the scale is drawn");
        assert!(lines[2].starts_with("0.5"), "{}", lines[2]);
        assert!(lines[2].ends_with("1.5"), "{}", lines[2]);
        assert!(lines[2].contains("0.90"), "{}", lines[2]);
        assert!(lines[2].contains("0.95"), "{}", lines[2]);
    }

    #[test]
    fn no_value_draws_an_empty_scale() {
        let lines = draw(None, Rag::Grey, 30);
        assert!(lines[0].starts_with("CPI n/a  n/a "), "{}", lines[0]);
        assert!(!lines[1].contains('█'));
    }

    #[test]
    fn values_beyond_the_scale_stop_at_its_ends() {
        assert_eq!(cell_of(0.1, 40), 0);
        assert_eq!(cell_of(9.0, 40), 39);
        assert!(!draw(Some(3.0), Rag::Green, 20)[1].contains('▁'));
    }
}
