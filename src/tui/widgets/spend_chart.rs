//! Monthly spend against plan, one row a month. Spent money within the
//! plan is a full block, plan not yet spent a lower half block, spend over
//! the plan an upper half block with the word "over", and every month
//! carries its two figures, so plan, actual and over-plan read without
//! colour. Every mark is solid ink in its colour: a shade (░ ▒ ▓) mixes
//! its ink with the page and loses its contrast on a projector.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::plan::model::{Period, Rag};
use crate::tui::theme::Theme;

pub struct SpendChart<'a> {
    pub periods: &'a [Period],
    pub theme: &'a Theme,
}

const SPENT: &str = "█";
const PLAN_LEFT: &str = "▄";
const OVER: &str = "▀";

/// Thousands, rounded, as the chart's figures show them.
fn thousands(v: f64) -> u64 {
    (v.max(0.0) / 1000.0).round() as u64
}

impl Widget for SpendChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 || area.width < 20 {
            return;
        }
        let t = self.theme;
        Line::from(vec![
            Span::styled(SPENT, t.accent()),
            Span::styled(" spent  ", t.muted()),
            Span::styled(PLAN_LEFT, t.muted()),
            Span::styled(" plan left  ", t.muted()),
            Span::styled(OVER, t.rag(Rag::Red)),
            Span::styled(" over plan", t.muted()),
        ])
        .render(Rect { height: 1, ..area }, buf);
        // The latest months when not all fit.
        let rows = usize::from(area.height - 1);
        let shown = &self.periods[self.periods.len().saturating_sub(rows)..];
        let figures: Vec<String> = shown
            .iter()
            .map(|p| format!("{} of {}", thousands(p.actual), thousands(p.planned)))
            .collect();
        let figure_width = figures.iter().map(String::len).max().unwrap_or(0) as u16;
        let label_width = 6;
        let over_width = 5;
        let bar_width = area
            .width
            .saturating_sub(label_width + 1 + figure_width + over_width);
        let most = shown
            .iter()
            .map(|p| p.planned.max(p.actual))
            .fold(0.0_f64, f64::max);
        let cells = |v: f64| {
            if most <= 0.0 {
                0
            } else {
                ((v.max(0.0) / most) * f64::from(bar_width)).round() as u16
            }
        };
        for (n, (period, figure)) in shown.iter().zip(&figures).enumerate() {
            let y = area.y + 1 + n as u16;
            let month = period.month.get_ref();
            let short = month.get(2..).unwrap_or(month);
            let (mut spent, mut plan) = (cells(period.actual), cells(period.planned));
            let over = thousands(period.actual) > thousands(period.planned);
            let under = thousands(period.actual) < thousands(period.planned);
            // A difference the figures show is never rounded out of the bar.
            if over && spent <= plan {
                if spent < bar_width {
                    spent = plan + 1;
                } else {
                    plan = spent.saturating_sub(1);
                }
            } else if under && spent >= plan && plan > 0 {
                spent = plan - 1;
            }
            let mut spans = vec![Span::raw(format!("{short:<6}"))];
            spans.push(Span::styled(
                SPENT.repeat(usize::from(spent.min(plan))),
                t.accent(),
            ));
            if spent < plan {
                spans.push(Span::styled(
                    PLAN_LEFT.repeat(usize::from(plan - spent)),
                    t.muted(),
                ));
            } else {
                spans.push(Span::styled(
                    OVER.repeat(usize::from(spent - plan)),
                    t.rag(Rag::Red),
                ));
            }
            let drawn = spent.max(plan);
            spans.push(Span::raw(" ".repeat(usize::from(bar_width - drawn) + 1)));
            spans.push(Span::raw(format!(
                "{figure:>w$}",
                w = usize::from(figure_width)
            )));
            if over {
                spans.push(Span::styled(" over", t.rag(Rag::Red)));
            }
            Line::from(spans).render(Rect::new(area.x, y, area.width, 1), buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(month: &str, planned: f64, actual: f64) -> Period {
        Period {
            month: toml::Spanned::new(0..0, month.to_owned()),
            planned,
            actual,
        }
    }

    fn draw(periods: &[Period], width: u16, height: u16) -> Vec<String> {
        let theme = Theme {
            palette: crate::tui::config::Palette::NONE,
        };
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        SpendChart {
            periods,
            theme: &theme,
        }
        .render(area, &mut buf);
        (0..height)
            .map(|y| (0..width).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    }

    #[test]
    fn plan_actual_and_over_plan_differ_in_shape_and_words() {
        let lines = draw(
            &[
                period("2026-07", 45_000.0, 30_000.0),
                period("2026-08", 60_000.0, 75_000.0),
            ],
            40,
            3,
        );
        assert_eq!(lines[0].trim_end(), "█ spent  ▄ plan left  ▀ over plan");
        assert!(lines[1].starts_with("26-07 █"), "{}", lines[1]);
        assert!(lines[1].contains('▄') && !lines[1].contains('▀'));
        assert!(lines[1].trim_end().ends_with("30 of 45"), "{}", lines[1]);
        assert!(lines[2].contains('▀') && !lines[2].contains('▄'));
        assert!(
            lines[2].trim_end().ends_with("75 of 60 over"),
            "{}",
            lines[2]
        );
        // The longest bar is the largest figure, 75, across the bar's width.
        let bar = |l: &str| l.chars().filter(|c| "█▄▀".contains(*c)).count();
        assert_eq!(bar(&lines[2]), 40 - 6 - 1 - 8 - 5);
    }

    #[test]
    fn the_latest_months_show_when_not_all_fit() {
        let periods: Vec<Period> = (1..=9)
            .map(|m| period(&format!("2026-0{m}"), 10_000.0, 9_000.0))
            .collect();
        let lines = draw(&periods, 40, 4);
        assert!(lines[1].starts_with("26-07"), "{}", lines[1]);
        assert!(lines[3].starts_with("26-09"), "{}", lines[3]);
    }

    #[test]
    fn a_small_difference_still_shows_in_the_bar() {
        let lines = draw(
            &[
                period("2026-07", 45_000.0, 44_000.0),
                period("2026-08", 100_000.0, 101_000.0),
            ],
            40,
            3,
        );
        assert!(lines[1].contains('▄'), "{}", lines[1]);
        assert!(lines[2].contains('▀'), "{}", lines[2]);
    }
}
