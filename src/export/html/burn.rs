//! The budget burn: spend by month, planned against actual, as an inline
//! SVG bar chart with a table of the same amounts beside it. Planned is a
//! hollow bar and actual a solid one; a month over plan also carries a
//! marker and says so in the table, so nothing rests on colour.

use std::fmt::Write as _;

use super::colours::{ACTUAL_OVER, ACTUAL_WITHIN, INK, MUTED, PAPER, PLANNED_OUTLINE};
use super::escape;
use crate::figures::{money, thousands};
use crate::plan::model::Financials;

const TOP: f64 = 40.0;
const FLOOR: f64 = 200.0;
const STEP: usize = 56;
/// The labels' size: printed at the report's scale they are still 7 pt.
const LABEL: u8 = 12;

/// "GBP 1,000 under", "GBP 3,000 over" or "on" (plan): the table's column
/// says "against plan", the chart's description adds "plan" itself.
pub fn against_plan(planned: f64, actual: f64, currency: &str) -> String {
    gap_in(planned, actual, |v| money(Some(v), currency))
}

/// "1,000 under", "3,000 over" or "on", each amount written by `amount`.
fn gap_in(planned: f64, actual: f64, amount: impl Fn(f64) -> String) -> String {
    let gap = actual - planned;
    if gap.round() == 0.0 {
        "on".to_owned()
    } else if gap > 0.0 {
        format!("{} over", amount(gap))
    } else {
        format!("{} under", amount(-gap))
    }
}

fn over(planned: f64, actual: f64) -> bool {
    (actual - planned).round() > 0.0
}

/// The chart and its table as one `<figure>`, or nothing when the plan
/// records no spend by month. `id` names the chart's title and
/// description, and must be unique in the page.
pub fn budget_burn(money_plan: &Financials, id: &str) -> Option<String> {
    let periods = &money_plan.periods;
    if periods.is_empty() {
        return None;
    }
    let currency = escape(&money_plan.currency);
    let id = escape(id);
    let amount = |v: f64| money(Some(v), &currency);
    let top = periods
        .iter()
        .map(|p| p.planned.max(p.actual))
        .fold(1.0_f64, f64::max);
    let width = (50 + periods.len() * STEP).max(270);
    let mut out = String::from("<figure class=\"chart\">\n");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"224\" viewBox=\"0 0 {width} 224\" font-family=\"system-ui,sans-serif\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">"
    );
    let _ = writeln!(
        out,
        "<title id=\"{id}-title\">Budget burn: spend by month in {currency}, planned against actual</title>"
    );
    let desc: Vec<String> = periods
        .iter()
        .map(|p| {
            format!(
                "{}: planned {}, actual {}, {} plan.",
                escape(p.month.get_ref()),
                amount(p.planned),
                amount(p.actual),
                against_plan(p.planned, p.actual, &currency)
            )
        })
        .collect();
    let (planned, actual) = totals(money_plan);
    let _ = writeln!(
        out,
        "<desc id=\"{id}-desc\">{} In all: planned {}, actual {}, {} plan.</desc>",
        desc.join(" "),
        amount(planned),
        amount(actual),
        against_plan(planned, actual, &currency)
    );

    // Legend: the shapes first, so it reads without colour.
    let _ = writeln!(
        out,
        "<rect x=\"30.75\" y=\"4.75\" width=\"10.5\" height=\"10.5\" fill=\"{PAPER}\" stroke=\"{PLANNED_OUTLINE}\" stroke-width=\"1.5\"/><text x=\"46\" y=\"14\" font-size=\"{LABEL}\" fill=\"{INK}\">planned</text>\n\
         <rect x=\"104\" y=\"4\" width=\"12\" height=\"12\" fill=\"{ACTUAL_WITHIN}\"/><text x=\"120\" y=\"14\" font-size=\"{LABEL}\" fill=\"{INK}\">actual</text>\n\
         {}<text x=\"186\" y=\"14\" font-size=\"{LABEL}\" fill=\"{INK}\">over plan</text>",
        marker(176.0, 15.0)
    );
    let height = |v: f64| (v.max(0.0) / top * (FLOOR - TOP)).round();
    for (n, period) in periods.iter().enumerate() {
        let x = 30 + n * STEP;
        let planned = height(period.planned);
        let actual = height(period.actual);
        // The outline is drawn inside the bar's box, so planned and actual
        // of the same amount stand equally tall.
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"20.5\" height=\"{}\" fill=\"{PAPER}\" stroke=\"{PLANNED_OUTLINE}\" stroke-width=\"1.5\"/>",
            x as f64 + 0.75,
            FLOOR - planned + 0.75,
            (planned - 1.5).max(0.0)
        );
        let fill = if over(period.planned, period.actual) {
            ACTUAL_OVER
        } else {
            ACTUAL_WITHIN
        };
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"22\" height=\"{actual}\" fill=\"{fill}\"/>",
            x + 24,
            FLOOR - actual
        );
        if over(period.planned, period.actual) {
            let _ = writeln!(out, "{}", marker((x + 35) as f64, FLOOR - actual - 3.0));
        }
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"216\" font-size=\"{LABEL}\" fill=\"{INK}\" text-anchor=\"middle\">{}</text>",
            x + 23,
            escape(period.month.get_ref())
        );
    }
    let _ = writeln!(
        out,
        "<line x1=\"26\" y1=\"{FLOOR}\" x2=\"{}\" y2=\"{FLOOR}\" stroke=\"{MUTED}\" stroke-width=\"1\"/>",
        width - 4
    );
    out.push_str("</svg>\n");
    table(&mut out, money_plan, &currency);
    let _ = writeln!(
        out,
        "<figcaption>Spend by month ({currency}): planned as a hollow bar, actual as a solid bar; ▲ marks a month over plan</figcaption>\n</figure>"
    );
    Some(out)
}

/// An upward triangle whose base sits at (`x`, `base`): the over-plan mark.
fn marker(x: f64, base: f64) -> String {
    format!(
        "<path d=\"M{} {base}L{} {base}L{x} {}Z\" fill=\"{INK}\"/>",
        x - 5.0,
        x + 5.0,
        base - 8.0
    )
}

/// The same amounts as a table, with the totals, for reading and copying;
/// the currency named once in each heading, so the table is narrow enough
/// to print beside the chart.
fn table(out: &mut String, money_plan: &Financials, currency: &str) {
    let amount = thousands;
    let _ = writeln!(
        out,
        "<table class=\"figures\"><thead><tr><th>Month</th><th>Planned ({currency})</th><th>Actual ({currency})</th><th>Against plan ({currency})</th></tr></thead><tbody>"
    );
    for p in &money_plan.periods {
        let mark = if over(p.planned, p.actual) {
            "▲ "
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{mark}{}</td></tr>",
            escape(p.month.get_ref()),
            amount(p.planned),
            amount(p.actual),
            gap_in(p.planned, p.actual, amount)
        );
    }
    let (planned, actual) = totals(money_plan);
    let mark = if over(planned, actual) { "▲ " } else { "" };
    let _ = writeln!(
        out,
        "</tbody><tfoot><tr><th>Total</th><td>{}</td><td>{}</td><td>{mark}{}</td></tr></tfoot></table>",
        amount(planned),
        amount(actual),
        gap_in(planned, actual, amount)
    );
}

/// Planned and actual spend over all the months.
fn totals(money_plan: &Financials) -> (f64, f64) {
    let planned = money_plan.periods.iter().map(|p| p.planned).sum();
    let actual = money_plan.periods.iter().map(|p| p.actual).sum();
    (planned, actual)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn financials(toml_text: &str) -> Financials {
        toml::from_str(toml_text).unwrap()
    }

    #[test]
    fn each_month_says_how_far_it_is_from_the_plan() {
        assert_eq!(against_plan(45_000.0, 44_000.0, "GBP"), "GBP 1,000 under");
        assert_eq!(against_plan(60_000.0, 63_000.0, "GBP"), "GBP 3,000 over");
        // Less than one unit apart rounds to the plan, never to "0 over".
        assert_eq!(against_plan(100.0, 100.4, "EUR"), "on");
    }

    #[test]
    fn no_spend_by_month_draws_no_chart() {
        assert_eq!(budget_burn(&financials("budget = 1000\n"), "burn"), None);
    }

    #[test]
    fn a_month_over_plan_gets_a_marker_and_says_so() {
        let chart = budget_burn(
            &financials(
                "currency = \"EUR\"\nbudget = 1000\n[[periods]]\nmonth = \"2026-01\"\nplanned = 100\nactual = 150\n\
                 [[periods]]\nmonth = \"2026-02\"\nplanned = 100\nactual = 100\n",
            ),
            "burn",
        )
        .unwrap();
        // The legend's triangle and January's.
        assert_eq!(chart.matches("<path").count(), 2, "{chart}");
        assert!(chart.contains("<th>Against plan (EUR)</th>"), "{chart}");
        assert!(chart.contains("<td>▲ 50 over</td>"), "{chart}");
        assert!(chart.contains("<td>on</td>"), "{chart}");
        assert!(chart.contains("aria-labelledby=\"burn-title burn-desc\""));
    }
}
