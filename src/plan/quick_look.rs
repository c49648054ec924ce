//! The quick look: a few lines about the project a PM can paste into an
//! email — overall colour and why, CPI/SPI, the top risks, slipping milestones.

use std::fmt::Write as _;

use super::derive::{Derived, slip_days};
use super::model::{Plan, Rag};
use crate::format::{money, ratio};
use crate::text::visible;

/// A colour as a word a reader sees even without colour.
pub fn rag_word(rag: Rag) -> &'static str {
    match rag {
        Rag::Green => "GREEN",
        Rag::Amber => "AMBER",
        Rag::Red => "RED",
        Rag::Grey => "GREY",
    }
}

pub fn quick_look(plan: &Plan, derived: &Derived) -> String {
    let mut out = String::new();
    let p = &plan.project;
    let as_of = plan
        .status
        .as_of
        .map_or_else(String::new, |d| format!(", status as of {d}"));
    let _ = writeln!(
        out,
        "{} for {}{as_of}",
        visible(&p.name),
        visible(&p.customer)
    );
    if !plan.status.headline.is_empty() {
        let _ = writeln!(out, "{}", visible(&plan.status.headline));
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "Overall: {}", rag_word(derived.overall));
    for reason in &derived.overall_reasons {
        let _ = writeln!(out, "  - {}", visible(reason));
    }
    if let Some(money_plan) = &plan.financials {
        let ev = &derived.earned_value;
        let currency = visible(&money_plan.currency);
        let _ = writeln!(
            out,
            "Cost: CPI {} ({}) · Schedule: SPI {} ({}) · Forecast at completion {} against a budget of {} (variance {})",
            ratio(ev.cpi),
            ev.cpi_rag.as_str(),
            ratio(ev.spi),
            ev.spi_rag.as_str(),
            money(ev.eac, &currency),
            money(Some(*money_plan.budget.get_ref()), &currency),
            money(ev.vac, &currency),
        );
    }
    let mut risks: Vec<_> = plan.risks.iter().zip(&derived.risks).collect();
    risks.sort_by_key(|(_, score)| std::cmp::Reverse(score.score));
    if !risks.is_empty() {
        let _ = writeln!(out, "Top risks:");
        for (risk, score) in risks.iter().take(3) {
            let _ = writeln!(
                out,
                "  - {} {}: score {} ({})",
                visible(&score.id),
                visible(&risk.title),
                score.score,
                score.band.as_str()
            );
        }
    }
    let slipping: Vec<_> = plan
        .milestones
        .iter()
        .filter(|m| m.done.is_none() && slip_days(m) > 0)
        .collect();
    if !slipping.is_empty() {
        let _ = writeln!(out, "Slipping milestones:");
        for m in slipping {
            let promised = m
                .promised_date()
                .map_or_else(String::new, |d| format!(", promised {d}"));
            let _ = writeln!(
                out,
                "  - {}: {} days late, forecast {}{promised} ({})",
                visible(m.name.get_ref()),
                slip_days(m),
                m.expected(),
                super::derive::milestone_rag(m).as_str()
            );
        }
    }
    out
}
