//! The quick look: a few lines about the project a PM can paste into an
//! email — overall colour and why, CPI/SPI, the top risks, slipping milestones.
//! For the team, internal items are marked `[internal]`; for the customer
//! they are left out, from the colour and its reasons too.

use std::fmt::Write as _;

use super::audience::Audience;
use crate::figures::{money, ratio};
use crate::plan::derive::{Derived, derive, milestone_rag, slip_days};
use crate::plan::model::{Plan, Rag};
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

/// The quick look for `audience`: the team's marks internal items, the
/// customer's holds none of them.
pub fn quick_look_for(plan: &Plan, audience: Audience) -> String {
    match audience {
        Audience::Internal | Audience::Management => quick_look(plan, &derive(plan)),
        Audience::Customer => {
            let public = crate::meeting::public_only(plan);
            quick_look(&public, &derive(&public))
        }
    }
}

/// The quick look of `plan` with its derived figures, internal items marked.
pub fn quick_look(plan: &Plan, derived: &Derived) -> String {
    // A reason the customer's figures do not give comes from an internal item.
    let public = derive(&crate::meeting::public_only(plan)).overall_reasons;
    let mark = |internal: bool| if internal { " [internal]" } else { "" };
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
        let internal = !public.contains(reason);
        let _ = writeln!(out, "  - {}{}", visible(reason), mark(internal));
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
                "  - {} {}: score {} ({}){}",
                visible(&score.id),
                visible(&risk.title),
                score.score,
                score.band.as_str(),
                mark(!risk.visible)
            );
        }
    }
    let slipping: Vec<_> = plan
        .milestones
        .iter()
        .filter(|m| {
            m.done.is_none()
                && (slip_days(m) > 0 || milestone_rag(m, plan.status.as_of) == Rag::Red)
        })
        .collect();
    if !slipping.is_empty() {
        let _ = writeln!(out, "Slipping milestones:");
        for m in slipping {
            let promised = m
                .promised_date()
                .map_or_else(String::new, |d| format!(", promised {d}"));
            let _ = writeln!(
                out,
                "  - {}: {} late, forecast {}{promised} ({}){}",
                visible(m.name.get_ref()),
                days(slip_days(m)),
                m.expected(),
                milestone_rag(m, plan.status.as_of).as_str(),
                mark(!m.visible)
            );
        }
    }
    out
}

/// "1 day", "3 days".
fn days(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}
