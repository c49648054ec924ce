//! The deck a rehearsal deals from: the plan's own `[[pushback]]` and the
//! hard questions made from the plan's facts — a broken or slipping
//! promise, a red CPI, an open critical issue, a customer task overdue —
//! so a team rehearses both what it prepared and what the facts will make
//! the customer ask, from the first day. Only facts the customer can see
//! make a card: they are the ones the customer raises.

use jiff::civil::Date;

use super::Card;
use crate::plan::derive::{Derived, short_date};
use crate::plan::model::{Plan, Rag, Severity, TaskStatus};

/// The cards of this plan: its own pushback, then those its facts make
/// (the deck shuffles them). A fact card saying what a pushback card
/// already says is left out.
pub fn for_plan(plan: &Plan, derived: &Derived, today: Date) -> Vec<Card> {
    let mut cards: Vec<Card> = plan
        .pushback
        .iter()
        .map(|p| Card {
            says: p.says.clone(),
            answer: p.answer.clone(),
        })
        .collect();
    for card in from_facts(plan, derived, today) {
        if !cards.iter().any(|c| c.says == card.says) {
            cards.push(card);
        }
    }
    cards
}

/// Hard questions the plan's own facts raise, as the customer would ask them.
pub fn from_facts(plan: &Plan, derived: &Derived, today: Date) -> Vec<Card> {
    let as_of = plan.status.as_of.unwrap_or(today);
    let mut cards = Vec::new();
    for m in plan
        .milestones
        .iter()
        .filter(|m| m.visible && m.done.is_none())
    {
        let name = m.name.get_ref();
        let expected = m.expected();
        match m.promised_date() {
            Some(promised) if as_of > promised || expected > promised => cards.push(Card {
                says: format!(
                    "You promised {name} for {}. Why should we believe {}?",
                    short_date(promised),
                    short_date(expected)
                ),
                answer: "Own the miss without excuses: say what changed, give the new date with its buffer, and the early warning we will give if it moves again.".into(),
            }),
            _ if expected > m.baseline => cards.push(Card {
                says: format!(
                    "{name} was planned for {} and now it says {}. What else is going to slip?",
                    short_date(m.baseline),
                    short_date(expected)
                ),
                answer: "Say why it slipped and what it touches; name the risks to the other dates now, before they are asked about.".into(),
            }),
            _ => {}
        }
    }
    if derived.earned_value.cpi_rag == Rag::Red
        && let Some(cpi) = derived.earned_value.cpi
    {
        cards.push(Card {
            says: format!(
                "We are getting {:.0} % of the work we pay for. Why should we keep paying?",
                cpi * 100.0
            ),
            answer: "Be transparent about where the money went, what is ours to absorb, and how cost is reported from now on.".into(),
        });
    }
    for issue in plan
        .issues
        .iter()
        .filter(|i| i.visible && i.is_open() && i.severity == Severity::Critical)
    {
        cards.push(Card {
            says: format!(
                "\"{}\" is still open. Why is nobody fixing it?",
                issue.title
            ),
            answer: "Say who owns it, what is being done this week, and when the customer hears next — then keep that date.".into(),
        });
    }
    for task in plan.customer_tasks.iter().filter(|t| {
        matches!(t.status, TaskStatus::Open | TaskStatus::InProgress)
            && t.due.is_some_and(|due| due < as_of)
    }) {
        let due = task.due.map(short_date).unwrap_or_default();
        cards.push(Card {
            says: format!(
                "Don't blame us for \"{}\" being late past {due}: you never told us what you needed.",
                task.title
            ),
            answer: "Do not argue about blame: agree what the task needs, who on their side does it, and a new date both sides can keep.".into(),
        });
    }
    cards
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::derive::derive;
    use crate::plan::load_bytes;

    fn plan(toml: &str) -> Plan {
        let checked = load_bytes("plan.toml", toml.as_bytes());
        let report = checked.render();
        checked.plan.unwrap_or_else(|| panic!("{report}"))
    }

    const HEAD: &str = "[project]\nname = \"Tracking\"\ncustomer = \"Acme\"\n\n[status]\nas_of = 2026-11-20\n\n[[people]]\nid = \"sam\"\nname = \"Sam\"\nside = \"us\"\n\n";

    fn cards(rest: &str) -> Vec<Card> {
        let plan = plan(&format!("{HEAD}{rest}"));
        let derived = derive(&plan);
        for_plan(&plan, &derived, jiff::civil::date(2026, 11, 20))
    }

    #[test]
    fn the_plans_own_pushback_comes_first_then_what_its_facts_make() {
        let found = cards(
            "[[pushback]]\nsays = \"You told us June.\"\nanswer = \"We did.\"\n\n[[milestones]]\nname = \"Pilot\"\nbaseline = 2026-10-01\nforecast = 2026-12-01\n",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0],
            Card {
                says: "You told us June.".into(),
                answer: "We did.".into()
            }
        );
        assert!(found[1].says.contains("Pilot"), "{:?}", found[1]);
    }

    #[test]
    fn a_broken_promise_is_asked_about_with_both_dates() {
        let found = cards(
            "[[milestones]]\nname = \"Gdańsk\"\nbaseline = 2026-10-15\npromised = 2026-11-01\nforecast = 2027-01-15\n",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].says,
            "You promised Gdańsk for 1 Nov 2026. Why should we believe 15 Jan 2027?"
        );
        assert!(!found[0].answer.is_empty());
    }

    #[test]
    fn a_slipping_milestone_an_open_critical_issue_and_an_overdue_task_each_make_a_card() {
        let found = cards(
            "[[milestones]]\nname = \"Pilot\"\nbaseline = 2026-12-01\nforecast = 2026-12-20\n\n\
             [[milestones]]\nname = \"On time\"\nbaseline = 2026-12-01\n\n\
             [[issues]]\nid = \"I-1\"\ntitle = \"Scanners drop labels\"\nseverity = \"critical\"\n\n\
             [[issues]]\nid = \"I-2\"\ntitle = \"Fixed already\"\nseverity = \"critical\"\nstatus = \"resolved\"\n\n\
             [[issues]]\nid = \"I-3\"\ntitle = \"Hidden\"\nseverity = \"critical\"\nvisible = false\n\n\
             [[customer_tasks]]\nid = \"CT-1\"\ntitle = \"Review the test plan\"\ndue = 2026-11-10\n\n\
             [[customer_tasks]]\nid = \"CT-2\"\ntitle = \"Not due yet\"\ndue = 2026-12-10\n",
        );
        let says: Vec<&str> = found.iter().map(|c| c.says.as_str()).collect();
        assert_eq!(says.len(), 3, "{says:?}");
        assert!(says[0].contains("Pilot was planned for 1 Dec 2026 and now it says 20 Dec 2026"));
        assert!(says[1].contains("Scanners drop labels"));
        assert!(says[2].contains("Review the test plan") && says[2].contains("10 Nov 2026"));
    }

    #[test]
    fn a_red_cpi_is_asked_about_in_money() {
        let found = cards(
            "[financials]\ncurrency = \"EUR\"\nbudget = 100000\nplanned_value = 50000\nearned_value = 30000\nactual_cost = 50000\n",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].says.contains("60 % of the work"),
            "{}",
            found[0].says
        );
    }

    #[test]
    fn a_plan_on_track_has_no_cards() {
        assert!(cards("[[milestones]]\nname = \"Pilot\"\nbaseline = 2026-12-01\n").is_empty());
    }
}
