//! Minutes as one self-contained, printable HTML page: inline CSS, no
//! scripts, nothing fetched. The pieces (badge, heat map, budget burn,
//! colours, CSS) live in their own modules so other pages draw them the
//! same way. Every typed text is HTML-escaped.

pub mod badge;
pub mod burn;
pub mod colours;
pub mod heat_map;
pub mod style;

use std::fmt::Write as _;

use jiff::tz::TimeZone;

use super::audience::Audience;
use super::minutes_model::{MilestoneRow, Minutes, Section};
use crate::left_open::earlier::raised_earlier;
use crate::meeting::capture::Raised;
use crate::meeting::capture_words::RiskScore;
use crate::meeting::{Capture, public_only};
use crate::plan::model::{Plan, Rag};
use crate::record::format::Record;
use crate::text::is_unsafe;
use badge::rag_badge;

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

/// The minutes as an HTML page, with times in `zone`; `raised` are the
/// scored risks the meeting raised that the plan does not hold yet.
pub fn page(
    minutes: &Minutes,
    plan: Option<&Plan>,
    audience: Audience,
    zone: &TimeZone,
    raised: &[RiskScore],
) -> String {
    let mut out = String::new();
    let title = format!("Minutes: {}", minutes.project);
    page_start(&mut out, &title, &style::css());
    let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    let _ = writeln!(
        out,
        "<p class=\"meta\">Customer: {} · {} · Agenda: {}</p>",
        escape(&minutes.customer),
        escape(&minutes.when(zone)),
        escape(&minutes.agenda)
    );
    if let Some(warning) = audience.warning() {
        let _ = writeln!(out, "<p class=\"warn\">{warning}</p>");
    }
    for section in &minutes.sections {
        write_section(&mut out, section);
        if section.overall.is_some()
            && let Some(plan) = plan
        {
            charts(&mut out, plan, audience, raised);
        }
    }
    out.push_str(PAGE_END);
    out
}

/// The start of a page: its title (escaped here) and its style. All that
/// follows is its main content, in one `<main>` landmark, so a screen
/// reader can go straight to it.
pub fn page_start(out: &mut String, title: &str, css: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>{}</title><style>{css}</style></head><body><main>\n",
        escape(title),
    );
}

/// The end of a page begun with [`page_start`].
pub const PAGE_END: &str = "</main></body></html>\n";

pub fn write_section(out: &mut String, section: &Section) {
    let _ = writeln!(out, "<h2>{}</h2>", escape(&section.title));
    if let Some((rag, as_of)) = &section.overall {
        let as_of = if as_of.is_empty() {
            String::new()
        } else {
            format!(", {}", escape(as_of))
        };
        let _ = writeln!(out, "<p>Overall {}{as_of}</p>", rag_badge(*rag));
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
            rag => format!("{} ", rag_badge(rag)),
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

/// Risk heat map and budget burn, from what the audience may see.
/// The scored risks `raised` in meetings that `audience` may see.
pub fn scored_risks(raised: &[Raised], audience: Audience) -> Vec<RiskScore> {
    seen_risks(raised, audience)
        .filter_map(|r| r.item.what.scored())
        .collect()
}

/// The risks (not issues) among `raised` that `audience` may see.
pub fn seen_risks(raised: &[Raised], audience: Audience) -> impl Iterator<Item = &Raised> {
    raised
        .iter()
        .filter(move |r| audience.sees(&r.item.what) && matches!(r.item.what, Capture::Risk { .. }))
}

/// The scored risks `record` raised that `audience` may see and the plan
/// does not hold yet.
pub fn raised_risks(record: &Record, plan: &Plan, audience: Audience) -> Vec<RiskScore> {
    scored_risks(&raised_earlier(&[("", record)], plan), audience)
}

/// The risk heat map and the budget burn, side by side, as `audience` may
/// see them; `raised` are the scored risks meetings raised that the plan
/// does not hold yet, so a risk said in the room is on the map at once.
pub fn charts(out: &mut String, plan: &Plan, audience: Audience, raised: &[RiskScore]) {
    let shown = match audience {
        Audience::Customer => public_only(plan),
        Audience::Internal | Audience::Management => plan.clone(),
    };
    out.push_str("<div class=\"charts\">\n<figure class=\"chart heat\">\n");
    out.push_str(&heat_map::risk_heat_map(&shown, raised, "risk-heat-map"));
    out.push_str("\n<figcaption>Open risks by impact (up) and probability (across), each from 1 to 5</figcaption>\n</figure>\n");
    if let Some(burn) = shown
        .financials
        .as_ref()
        .and_then(|money| burn::budget_burn(money, "budget-burn"))
    {
        out.push_str(&burn);
    }
    out.push_str("</div>\n");
}
