//! Minutes as one self-contained, printable HTML page: inline CSS, no
//! scripts, nothing fetched; the overall colour, the risk heat map and the
//! budget burn drawn as inline SVG. Every typed text is HTML-escaped.

use std::fmt::Write as _;

use jiff::tz::TimeZone;

use super::minutes::{Audience, MilestoneRow, Minutes, Section};
use crate::meeting::public_only;
use crate::plan::derive::Band;
use crate::plan::model::{Plan, Rag, RiskStatus};
use crate::text::is_unsafe;

/// `text` safe inside HTML text and attribute values. Control characters
/// and bidi overrides are written as visible `\u{202e}` text, so nothing
/// typed can reorder the page or hide in it.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br/>"),
            c if is_unsafe(c) => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d2330;line-height:1.45}\
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;border-bottom:1px solid #d5dae3;padding-bottom:.2rem;margin-top:1.6rem}\
.meta{color:#4a5468}.badge{display:inline-block;padding:.15rem .6rem;border-radius:.3rem;font-weight:700;color:#fff}\
.green{background:#2e7d32}.amber{background:#b26a00}.red{background:#c62828}.grey{background:#6b7280}\
.internal{color:#b26a00;font-style:italic}.warn{border-left:4px solid #b26a00;padding:.3rem .8rem;background:#fff7e6}\
.charts{display:flex;gap:2rem;flex-wrap:wrap;margin-top:1rem}\
table.milestones{border-collapse:collapse;width:100%;font-size:.92rem}.milestones th,.milestones td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #d5dae3;vertical-align:top}\
.milestones td:nth-child(2),.milestones td:nth-child(3),.milestones td:nth-child(4){white-space:nowrap}.milestones .badge{font-size:.75rem;padding:.05rem .4rem}figure{margin:0}figcaption{color:#4a5468;font-size:.85rem}\
@media print{body{margin:0}h2{break-after:avoid}}";

/// The minutes as an HTML page, with times in `zone`.
pub fn page(minutes: &Minutes, plan: Option<&Plan>, audience: Audience, zone: &TimeZone) -> String {
    let mut out = String::new();
    let title = format!("Minutes: {}", minutes.project);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>{}</title><style>{STYLE}</style></head><body>\n",
        escape(&title)
    );
    let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    let _ = writeln!(
        out,
        "<p class=\"meta\">Customer: {} · {} · Agenda: {}</p>",
        escape(&minutes.customer),
        escape(&minutes.when(zone)),
        escape(&minutes.agenda)
    );
    if audience == Audience::Internal {
        out.push_str("<p class=\"warn\">Internal minutes: they include private notes and internal items. Do not send them to the customer.</p>\n");
    }
    for section in &minutes.sections {
        write_section(&mut out, section);
        if section.overall.is_some()
            && let Some(plan) = plan
        {
            charts(&mut out, plan, audience);
        }
    }
    out.push_str("</body></html>\n");
    out
}

fn write_section(out: &mut String, section: &Section) {
    let _ = writeln!(out, "<h2>{}</h2>", escape(&section.title));
    if let Some((rag, as_of)) = &section.overall {
        let as_of = if as_of.is_empty() {
            String::new()
        } else {
            format!(", {}", escape(as_of))
        };
        let _ = writeln!(
            out,
            "<p>Overall <span class=\"badge {}\">{}</span>{as_of}</p>",
            rag_class(*rag),
            rag_class(*rag).to_uppercase()
        );
    }
    for group in &section.groups {
        if let Some(heading) = &group.heading {
            let _ = writeln!(out, "<p><strong>{}</strong></p>", escape(heading));
        }
        if group.items.is_empty() {
            if !section.empty.is_empty() {
                let _ = writeln!(out, "<p>{}</p>", escape(section.empty));
            }
            continue;
        }
        out.push_str("<ul>\n");
        for item in &group.items {
            let mark = match &item.mark {
                Some(mark) => format!(" <span class=\"internal\">({})</span>", escape(mark)),
                None => String::new(),
            };
            let lead = item
                .lead
                .as_deref()
                .map_or_else(String::new, |l| format!("<strong>{}</strong> ", escape(l)));
            let _ = writeln!(out, "<li>{lead}{}{mark}</li>", escape(&item.text));
        }
        out.push_str("</ul>\n");
    }
    milestone_table(out, &section.milestones);
    if let Some(after) = &section.after {
        let _ = writeln!(out, "<p>{}</p>", escape(after));
    }
}

/// The milestones as a table: one row each, the dates in columns, the
/// colour as a word on its colour (readable printed in black and white).
fn milestone_table(out: &mut String, milestones: &[MilestoneRow]) {
    if milestones.is_empty() {
        return;
    }
    out.push_str("<table class=\"milestones\"><thead><tr><th>Milestone</th><th>Baseline</th><th>Forecast</th><th>Promised</th><th>Status</th></tr></thead><tbody>\n");
    for m in milestones {
        let cell = |d: &Option<String>| d.as_deref().map_or_else(|| "—".to_owned(), escape);
        let mark = if m.internal {
            " <span class=\"internal\">(internal)</span>"
        } else {
            ""
        };
        let colour = match m.rag {
            Rag::Grey => String::new(),
            rag => format!(
                "<span class=\"badge {}\">{}</span> ",
                rag_class(rag),
                rag_class(rag).to_uppercase()
            ),
        };
        let _ = writeln!(
            out,
            "<tr><td>{}{mark}</td><td>{}</td><td>{}</td><td>{}</td><td>{colour}{}</td></tr>",
            escape(&m.name),
            escape(&m.baseline),
            cell(&m.forecast),
            cell(&m.promised),
            escape(&m.status)
        );
    }
    out.push_str("</tbody></table>\n");
}

fn rag_class(rag: Rag) -> &'static str {
    match rag {
        Rag::Green => "green",
        Rag::Amber => "amber",
        Rag::Red => "red",
        Rag::Grey => "grey",
    }
}

fn rag_fill(rag: Rag) -> &'static str {
    match rag {
        Rag::Green => "#2e7d32",
        Rag::Amber => "#e09b1a",
        Rag::Red => "#c62828",
        Rag::Grey => "#9ca3af",
    }
}

/// Overall colour, risk heat map and budget burn, from what the audience may see.
fn charts(out: &mut String, plan: &Plan, audience: Audience) {
    let shown = match audience {
        Audience::Customer => public_only(plan),
        Audience::Internal => plan.clone(),
    };
    out.push_str("<div class=\"charts\">\n");
    heat_map(out, &shown);
    burn(out, &shown);
    out.push_str("</div>\n");
}

fn heat_map(out: &mut String, plan: &Plan) {
    let mut counts = [[0usize; 5]; 5];
    for risk in plan.risks.iter().filter(|r| r.status == RiskStatus::Open) {
        let p = (*risk.probability.get_ref()).clamp(1, 5) as usize - 1;
        let i = (*risk.impact.get_ref()).clamp(1, 5) as usize - 1;
        counts[i][p] += 1;
    }
    out.push_str("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"230\" height=\"230\" viewBox=\"0 0 230 230\" role=\"img\" aria-label=\"Risk heat map\">\n");
    for impact in (1..=5usize).rev() {
        for probability in 1..=5usize {
            let band = Band::of((impact * probability) as i64);
            let rag = match band {
                Band::Low => Rag::Green,
                Band::Medium => Rag::Amber,
                Band::High | Band::Critical => Rag::Red,
            };
            let (x, y) = (30 + (probability - 1) * 38, (5 - impact) * 38);
            let n = counts[impact - 1][probability - 1];
            let _ = writeln!(
                out,
                "<rect x=\"{x}\" y=\"{y}\" width=\"36\" height=\"36\" fill=\"{}\" opacity=\"0.85\"/>",
                rag_fill(rag)
            );
            if n > 0 {
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\" font-size=\"15\" font-weight=\"700\" fill=\"#fff\" text-anchor=\"middle\">{n}</text>",
                    x + 18,
                    y + 24
                );
            }
        }
        let _ = writeln!(
            out,
            "<text x=\"14\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\">{impact}</text>",
            (5 - impact) * 38 + 23
        );
    }
    for probability in 1..=5 {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"206\" font-size=\"12\" text-anchor=\"middle\">{probability}</text>",
            48 + (probability - 1) * 38
        );
    }
    out.push_str(
        "<text x=\"125\" y=\"226\" font-size=\"12\" text-anchor=\"middle\">probability →</text>\n",
    );
    out.push_str("</svg><figcaption>Open risks by impact (up) and probability (across)</figcaption></figure>\n");
}

fn burn(out: &mut String, plan: &Plan) {
    let Some(money) = &plan.financials else {
        return;
    };
    if money.periods.is_empty() {
        return;
    }
    let top = money
        .periods
        .iter()
        .map(|p| p.planned.max(p.actual))
        .fold(1.0_f64, f64::max);
    let width = 40 + money.periods.len() * 56;
    let _ = writeln!(
        out,
        "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"230\" viewBox=\"0 0 {width} 230\" role=\"img\" aria-label=\"Budget burn\">"
    );
    for (n, period) in money.periods.iter().enumerate() {
        let x = 30 + n * 56;
        for (k, (value, fill)) in [
            (period.planned, "#9ca3af"),
            (
                period.actual,
                if period.actual > period.planned {
                    "#e09b1a"
                } else {
                    "#2e7d32"
                },
            ),
        ]
        .iter()
        .enumerate()
        {
            let h = (value.max(0.0) / top * 180.0).round();
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"22\" height=\"{h}\" fill=\"{fill}\"/>",
                x + k * 24,
                190.0 - h
            );
        }
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"206\" font-size=\"11\" text-anchor=\"middle\">{}</text>",
            x + 23,
            escape(period.month.get_ref())
        );
    }
    let _ = writeln!(
        out,
        "</svg><figcaption>Spend by month ({}): planned in grey, actual in colour</figcaption></figure>",
        escape(&money.currency)
    );
}
