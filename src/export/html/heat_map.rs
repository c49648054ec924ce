//! The risk heat map as inline SVG: open risks counted by impact (up) and
//! probability (across), both axes named, the bands told by a legend and
//! by lightness as well as hue, and every count also given as text for a
//! screen reader.

use std::fmt::Write as _;

use super::colours::{INK, MUTED, band_fill, text_on};
use super::escape;
use crate::meeting::capture_words::RiskScore;
use crate::plan::derive::Band;
use crate::plan::model::{Plan, RiskStatus};

const CELL: usize = 38;
const LEFT: usize = 40;

/// Open risks per cell: `counts[impact - 1][probability - 1]`, the plan's
/// and the scored ones `raised` in meetings, not yet in the plan.
pub fn open_risk_counts(plan: &Plan, raised: &[RiskScore]) -> [[usize; 5]; 5] {
    let mut counts = [[0usize; 5]; 5];
    let in_plan = plan
        .risks
        .iter()
        .filter(|r| r.status == RiskStatus::Open)
        .map(|r| (*r.probability.get_ref(), *r.impact.get_ref()));
    let raised = raised
        .iter()
        .map(|s| (i64::from(s.probability), i64::from(s.impact)));
    for (probability, impact) in in_plan.chain(raised) {
        let p = probability.clamp(1, 5) as usize - 1;
        let i = impact.clamp(1, 5) as usize - 1;
        counts[i][p] += 1;
    }
    counts
}

fn band(impact: usize, probability: usize) -> Band {
    Band::of((impact * probability) as i64)
}

/// "1 risk", "3 risks"; with `open`, "1 open risk".
fn risks(n: usize, open: bool) -> String {
    let open = if open { "open " } else { "" };
    format!("{n} {open}{}", if n == 1 { "risk" } else { "risks" })
}

/// The heat map of `plan`'s open risks and those `raised` in meetings;
/// `id` names its title and description, and must be unique in the page.
pub fn risk_heat_map(plan: &Plan, raised: &[RiskScore], id: &str) -> String {
    let counts = open_risk_counts(plan, raised);
    let total: usize = counts.iter().flatten().sum();
    let id = escape(id);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"250\" height=\"252\" viewBox=\"0 0 250 252\" font-family=\"system-ui,sans-serif\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">"
    );
    let title = match total {
        0 => "Risk heat map: no open risks".to_owned(),
        n => format!("Risk heat map: {}", risks(n, true)),
    };
    let _ = writeln!(out, "<title id=\"{id}-title\">{title}</title>");
    let mut desc =
        String::from("Open risks by impact (1 to 5, up) and probability (1 to 5, across).");
    for impact in (1..=5usize).rev() {
        for probability in 1..=5usize {
            let n = counts[impact - 1][probability - 1];
            if n > 0 {
                let _ = write!(
                    desc,
                    " Impact {impact}, probability {probability}: {}, {}.",
                    risks(n, false),
                    band(impact, probability).as_str()
                );
            }
        }
    }
    let _ = writeln!(out, "<desc id=\"{id}-desc\">{desc}</desc>");

    for impact in (1..=5usize).rev() {
        let y = (5 - impact) * CELL;
        for probability in 1..=5usize {
            let x = LEFT + (probability - 1) * CELL;
            let fill = band_fill(band(impact, probability));
            let _ = writeln!(
                out,
                "<rect x=\"{x}\" y=\"{y}\" width=\"36\" height=\"36\" fill=\"{fill}\"/>"
            );
            let n = counts[impact - 1][probability - 1];
            if n > 0 {
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\" font-size=\"15\" font-weight=\"700\" fill=\"{}\" text-anchor=\"middle\">{n}</text>",
                    x + 18,
                    y + 24,
                    text_on(fill)
                );
            }
        }
        let _ = writeln!(
            out,
            "<text x=\"30\" y=\"{}\" font-size=\"12\" fill=\"{INK}\" text-anchor=\"middle\">{impact}</text>",
            y + 23
        );
    }
    for probability in 1..=5 {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"206\" font-size=\"12\" fill=\"{INK}\" text-anchor=\"middle\">{probability}</text>",
            LEFT + 18 + (probability - 1) * CELL
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"12\" y=\"94\" font-size=\"12\" fill=\"{INK}\" text-anchor=\"middle\" transform=\"rotate(-90 12 94)\">impact →</text>"
    );
    let _ = writeln!(
        out,
        "<text x=\"134\" y=\"222\" font-size=\"12\" fill=\"{INK}\" text-anchor=\"middle\">probability →</text>"
    );
    // The legend names the bands, so the colours are never the only key.
    for (band, x) in [
        (Band::Low, 14),
        (Band::Medium, 60),
        (Band::High, 130),
        (Band::Critical, 176),
    ] {
        let _ = writeln!(
            out,
            "<rect x=\"{x}\" y=\"236\" width=\"12\" height=\"12\" fill=\"{}\" stroke=\"{MUTED}\" stroke-width=\"0.5\"/><text x=\"{}\" y=\"246\" font-size=\"12\" fill=\"{INK}\">{}</text>",
            band_fill(band),
            x + 16,
            band.as_str()
        );
    }
    out.push_str("</svg>");
    out
}
