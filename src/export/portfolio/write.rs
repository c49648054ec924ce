//! The portfolio written out: a table for the terminal, one JSON object,
//! or one printable HTML page with the minutes' badges and CSS.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::{Account, Portfolio};
use crate::export::html::badge::rag_badge;
use crate::export::html::{escape as html_escape, style};
use crate::export::quick_look::rag_word;
use crate::figures::ratio;
use crate::text::visible;

/// "3.2 → 2.9 → 2.4 ↓", or "—" when no meeting asked.
pub fn trend(pulses: &[f64]) -> String {
    if pulses.is_empty() {
        return "—".to_owned();
    }
    let mut words = pulses
        .iter()
        .map(|p| format!("{p:.1}"))
        .collect::<Vec<_>>()
        .join(" → ");
    if let [.., before, last] = pulses {
        words.push_str(if last > before {
            " ↑"
        } else if last < before {
            " ↓"
        } else {
            " ="
        });
    }
    words
}

/// "7 days ago (Tue 24 Nov)", or "never".
fn last_met(account: &Account) -> String {
    match (account.days_since_last_meeting, account.last_meeting) {
        (Some(days), Some(date)) => {
            let ago = match days {
                0 => "today".to_owned(),
                1 => "1 day ago".to_owned(),
                n => format!("{n} days ago"),
            };
            format!("{ago} ({})", date.strftime("%-d %b %Y"))
        }
        _ => "never".to_owned(),
    }
}

fn pad(text: &str, width: usize) -> String {
    let gap = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(gap))
}

fn summary(portfolio: &Portfolio) -> String {
    let accounts = portfolio.accounts.len();
    let errors = portfolio.errors.len();
    let mut line = format!(
        "{accounts} {}",
        if accounts == 1 { "account" } else { "accounts" }
    );
    if errors > 0 {
        let _ = write!(
            line,
            ", {errors} {} with errors",
            if errors == 1 { "plan" } else { "plans" }
        );
    }
    let advised = portfolio
        .accounts
        .iter()
        .filter(|a| !a.advice.is_empty())
        .count();
    let _ = write!(line, "; {advised} need attention");
    line
}

/// The portfolio as a table, worst first, each account's advice under it.
pub fn human(portfolio: &Portfolio) -> String {
    let mut out = format!(
        "Portfolio as of {}: {}\n\n",
        portfolio.today,
        summary(portfolio)
    );
    let header = [
        "customer",
        "colour (customer/internal)",
        "CPI",
        "SPI",
        "promises broken",
        "at risk",
        "last meeting",
        "pulse",
        "overdue actions",
        "overdue tasks",
    ];
    let rows: Vec<[String; 10]> = portfolio
        .accounts
        .iter()
        .map(|a| {
            [
                visible(&a.customer),
                format!(
                    "{} / {}",
                    rag_word(a.overall_customer),
                    rag_word(a.overall_internal)
                ),
                ratio(a.cpi),
                ratio(a.spi),
                a.promises_broken.to_string(),
                a.promises_at_risk.to_string(),
                last_met(a),
                trend(&a.pulse_trend),
                a.overdue_actions.to_string(),
                a.overdue_customer_tasks.to_string(),
            ]
        })
        .collect();
    let mut widths = header.map(UnicodeWidthStr::width);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |cells: &[String]| {
        let mut text = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| pad(c, w))
            .collect::<Vec<_>>()
            .join("  ");
        while text.ends_with(' ') {
            text.pop();
        }
        text
    };
    if rows.is_empty() {
        out.push_str("No plans found.\n");
    } else {
        let _ = writeln!(out, "{}", line(&header.map(str::to_owned)));
    }
    for (row, account) in rows.iter().zip(&portfolio.accounts) {
        let _ = writeln!(out, "{}", line(row));
        let _ = writeln!(out, "  {} · {}", visible(&account.project), account.plan);
        if !account.advice.is_empty() {
            let _ = writeln!(out, "  advice: {}", account.advice.join("; "));
        }
        if account.unreadable_records > 0 {
            let _ = writeln!(
                out,
                "  {} meeting records could not be read (run `resetpoint history` on the plan for details)",
                account.unreadable_records
            );
        }
    }
    if !portfolio.errors.is_empty() {
        out.push_str("\nPlans with errors (run `resetpoint check` on each):\n");
        for e in &portfolio.errors {
            let _ = writeln!(out, "  {}{}: {}", e.plan, place(e), e.error);
        }
    }
    out
}

fn place(e: &super::PlanError) -> String {
    match (e.line, e.column) {
        (Some(line), Some(column)) => format!(":{line}:{column}"),
        _ => String::new(),
    }
}

/// One JSON object (shape in docs/commands.md), unsafe characters escaped.
pub fn json(portfolio: &Portfolio) -> String {
    crate::text::json(portfolio)
}

/// The portfolio as one printable HTML page: a table, worst first, with
/// each colour as a bordered badge and the advice in words.
pub fn html(portfolio: &Portfolio) -> String {
    let mut out = String::new();
    let title = format!("Portfolio as of {}", portfolio.today);
    crate::export::html::page_start(&mut out, &title, &(style::css() + "body{max-width:none}"));
    let _ = writeln!(out, "<h1>{title}</h1>");
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}</p>",
        html_escape(&summary(portfolio))
    );
    out.push_str("<table class=\"milestones\"><thead><tr><th>Customer</th><th>Customer sees</th><th>Internal</th><th>CPI</th><th>SPI</th><th>Promises broken</th><th>At risk</th><th>Last meeting</th><th>Pulse</th><th>Overdue actions</th><th>Overdue tasks</th><th>Advice</th></tr></thead><tbody>\n");
    for a in &portfolio.accounts {
        let advice = if a.advice.is_empty() {
            "—".to_owned()
        } else {
            a.advice.join("; ")
        };
        let _ = writeln!(
            out,
            "<tr><td><strong>{}</strong><br/>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            html_escape(&a.customer),
            html_escape(&a.project),
            rag_badge(a.overall_customer),
            rag_badge(a.overall_internal),
            ratio(a.cpi),
            ratio(a.spi),
            a.promises_broken,
            a.promises_at_risk,
            html_escape(&last_met(a)),
            html_escape(&trend(&a.pulse_trend)),
            a.overdue_actions,
            a.overdue_customer_tasks,
            html_escape(&advice)
        );
    }
    out.push_str("</tbody></table>\n");
    if !portfolio.errors.is_empty() {
        out.push_str("<h2>Plans with errors</h2>\n<ul>\n");
        for e in &portfolio.errors {
            let _ = writeln!(
                out,
                "<li><strong>{}{}</strong>: {}</li>",
                html_escape(&e.plan),
                place(e),
                html_escape(&e.error)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str(crate::export::html::PAGE_END);
    out
}
