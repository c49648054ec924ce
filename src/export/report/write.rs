//! The status report written out: Markdown that reads as a plain-text email
//! (typed text escaped only where it would become markup), and one printable
//! HTML page drawn with the minutes' pieces (badge, milestone table, heat
//! map, budget burn, CSS), nothing fetched.

use std::fmt::Write as _;

use super::{Report, day};
use crate::export::html::{self, escape as html_escape, style};
use crate::export::markdown::{escape, escape_inline};
use crate::export::minutes::markdown_section;
use crate::plan::model::Plan;

const INTERNAL_WARNING: &str = "Internal report: it includes internal risks, issues and milestones. Do not send it to the customer.";

fn title(report: &Report) -> String {
    format!("Status report: {}", report.project)
}

/// "Status as of Fri 20 Nov 2026 · written Tue 1 Dec 2026".
fn dates(report: &Report) -> String {
    let written = format!("written {}", day(report.written));
    match report.as_of {
        Some(as_of) => format!("status as of {} · {written}", day(as_of)),
        None => written,
    }
}

pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}", escape(&title(report)));
    let _ = write!(
        out,
        "\n**Customer:** {}  \n**Dates:** {}\n",
        escape_inline(&report.customer),
        escape_inline(&dates(report))
    );
    if report.audience.ours() {
        let _ = write!(out, "\n> {INTERNAL_WARNING}\n");
    }
    if !report.headline.trim().is_empty() {
        let _ = write!(out, "\n{}\n", escape(&report.headline));
    }
    for section in &report.sections {
        markdown_section(&mut out, section);
    }
    out
}

/// The report as one printable HTML page; `plan` is the whole plan, of
/// which the charts draw only what the report's audience may see.
pub fn html(report: &Report, plan: &Plan) -> String {
    let mut out = String::new();
    let title = title(report);
    html::page_start(&mut out, &title, &(style::css() + ONE_PAGE));
    let _ = writeln!(out, "<h1>{}</h1>", html_escape(&title));
    let _ = writeln!(
        out,
        "<p class=\"meta\">Customer: {} · {}</p>",
        html_escape(&report.customer),
        html_escape(&dates(report))
    );
    if report.audience.ours() {
        let _ = writeln!(out, "<p class=\"warn\">{INTERNAL_WARNING}</p>");
    }
    if !report.headline.trim().is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"headline\">{}</p>",
            html_escape(&report.headline)
        );
    }
    let (standing, rest) = report.sections.split_at(1.min(report.sections.len()));
    for section in standing {
        html::write_section(&mut out, section);
        html::charts(&mut out, plan, report.audience, &report.raised_risks);
    }
    // The shorter sections side by side, so the report prints on one page.
    out.push_str("<div class=\"columns\">\n");
    for section in rest {
        out.push_str("<section>\n");
        html::write_section(&mut out, section);
        out.push_str("</section>\n");
    }
    out.push_str("</div>\n");
    out.push_str(html::PAGE_END);
    out
}

/// What the report adds to the minutes' CSS: the short sections in two
/// columns, each kept whole, and a denser print so the page fits on one
/// sheet of A4 or Letter. Printed, no word is under 7 pt: the charts are
/// drawn at a scale that keeps their 12-unit labels at 7.2 pt, and the
/// budget's table stands beside its chart (`scripts/report-print-check.py`
/// prints the sample reports and checks both).
const ONE_PAGE: &str = ".columns{columns:2 22rem;column-gap:2rem}.columns section{break-inside:avoid}.columns h2{margin-top:1rem}.columns ul{padding-left:1.1rem}\
@media print{@page{margin:10mm}html{font-size:7.5pt}body{line-height:1.25}h1{font-size:1.3rem;margin:0}h2{font-size:1rem;margin:.5rem 0 .2rem}p,ul{margin:.25rem 0}\
.charts{flex-wrap:nowrap;gap:.6rem;margin-top:.3rem}.heat svg{width:150pt;height:auto}\
.chart:not(.heat){flex:1;min-width:0;display:grid;grid-template-columns:auto minmax(0,1fr);column-gap:.6rem;align-items:end}\
.chart:not(.heat) svg{height:135pt;width:auto}.chart:not(.heat) figcaption{grid-column:1 / span 2}\
table.figures{font-size:7pt;margin:0}.figures th,.figures td{padding:.1rem .25rem}.figures th{white-space:normal}\
table.milestones{font-size:7.5pt}.milestones th,.milestones td{padding:.15rem .4rem}.badge,.milestones .badge{font-size:7pt}figcaption{font-size:7pt}\
.columns{columns:2;column-gap:1.2rem}}";
