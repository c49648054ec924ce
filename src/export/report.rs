//! The one-page status report a PM sends the customer and their higher-ups
//! between meetings: the overall colour and why, milestones, cost and
//! schedule in plain words, the top risks, open issues, the customer's tasks
//! due soon, what changed at the last live meeting and the next meeting.
//! The customer's report is made from the public plan and public captures
//! only, so nothing internal reaches it, not even through a colour; the
//! internal one marks internal items. Built once as plain text in the
//! minutes' pieces, then written as Markdown or HTML (`report/write.rs`).

mod since;
pub mod write;

use since::since_last_meeting;

use jiff::civil::Date;

use super::minutes::{Audience, Group, Item, Section, milestone_row};
use crate::figures::{money, ratio};
use crate::left_open::earlier::raised_earlier;
use crate::meeting::capture::Raised;
use crate::meeting::public_only;
use crate::plan::derive::{Band, derive, slip_days};
use crate::plan::model::{CustomerTask, Plan, Rag, RiskStatus};
use crate::record::format::Record;

/// How far ahead a customer task counts as "due soon".
pub const DUE_SOON_DAYS: i64 = 14;
/// How many risks the report names.
pub const TOP_RISKS: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub project: String,
    pub customer: String,
    pub headline: String,
    pub as_of: Option<Date>,
    /// The day the report was written, for "due soon" and "overdue".
    pub written: Date,
    pub audience: Audience,
    pub sections: Vec<Section>,
    /// The scored risks meetings raised that the plan does not hold yet,
    /// for the heat map.
    pub raised_risks: Vec<crate::meeting::capture_words::RiskScore>,
}

/// "Tue 1 Dec 2026".
pub fn day(d: Date) -> String {
    d.strftime("%a %-d %b %Y").to_string()
}

pub(super) fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

pub(super) fn list(title: &str, items: Vec<Item>, empty: &'static str) -> Section {
    Section {
        title: title.to_owned(),
        overall: None,
        groups: vec![Group {
            heading: None,
            items,
        }],
        milestones: Vec::new(),
        empty,
        after: None,
    }
}

pub(super) fn item(lead: Option<&str>, text: String, internal: bool) -> Item {
    Item {
        lead: lead.map(str::to_owned),
        text,
        mark: internal.then(|| "internal".to_owned()),
    }
}

/// The report of `plan` for `audience`, written on `today`, from the plan's
/// live meetings (oldest first).
pub fn report(
    plan: &Plan,
    meetings: &[(String, Record)],
    audience: Audience,
    today: Date,
    zone: &jiff::tz::TimeZone,
) -> Report {
    let public = public_only(plan);
    let shown = match audience {
        Audience::Customer => &public,
        Audience::Internal | Audience::Management => plan,
    };
    let raised = raised_earlier(meetings, shown);
    let sections = vec![
        standing(shown, &public),
        cost_and_schedule(shown),
        top_risks(shown, &raised, audience),
        open_issues(shown),
        tasks_due_soon(shown, meetings, today),
        since_last_meeting(shown, meetings, audience, today, zone),
        next_meeting(shown, meetings),
    ];
    Report {
        project: plan.project.name.clone(),
        customer: plan.project.customer.clone(),
        headline: plan.status.headline.clone(),
        as_of: plan.status.as_of,
        written: today,
        audience,
        sections,
        raised_risks: crate::export::html::scored_risks(&raised, audience),
    }
}

/// The overall colour with its reasons in plain sentences, and every
/// milestone with its baseline, forecast and promised dates and its slip.
fn standing(shown: &Plan, public: &Plan) -> Section {
    let derived = derive(shown);
    let public_reasons = derive(public).overall_reasons;
    let reasons = derived
        .overall_reasons
        .iter()
        .map(|why| item(None, sentence(why), !public_reasons.contains(why)))
        .collect();
    let as_of = shown.status.as_of;
    let milestones = shown
        .milestones
        .iter()
        .map(|m| {
            let mut row = milestone_row(m, as_of);
            let slip = slip_days(m);
            // The minutes' words say the slip only for a late milestone; a
            // report says it wherever there is one.
            if m.done.is_none() && slip > 0 && !row.status.contains("behind") {
                let unit = if slip == 1 { "day" } else { "days" };
                row.status = format!("{}; {slip} {unit} behind the baseline", row.status);
            }
            row
        })
        .collect();
    let as_of_words = as_of.map_or_else(String::new, |d| format!("as of {}", day(d)));
    Section {
        title: "Where the project stands".into(),
        overall: Some((derived.overall, as_of_words)),
        groups: vec![Group {
            heading: None,
            items: reasons,
        }],
        milestones,
        empty: "Nothing holds the project back.",
        after: None,
    }
}

/// "Work done so far cost 1.14 for each 1.00 it was planned to cost"…:
/// CPI and SPI with what they mean, and the forecast at completion.
fn cost_and_schedule(shown: &Plan) -> Section {
    let Some(money_plan) = &shown.financials else {
        return list(
            "Cost and schedule",
            Vec::new(),
            "The plan gives no cost figures yet.",
        );
    };
    let ev = derive(shown).earned_value;
    let currency = money_plan.currency.as_str();
    let mut items = Vec::new();
    let cost = match ev.cpi {
        Some(cpi) if cpi >= 1.0 => format!(
            "Cost: each 1.00 spent has earned {cpi:.2} of planned work, within budget (CPI {}, {})",
            ratio(ev.cpi),
            ev.cpi_rag.as_str()
        ),
        Some(cpi) => format!(
            "Cost: each 1.00 spent has earned {cpi:.2} of planned work, so the work is costing more than planned (CPI {}, {})",
            ratio(ev.cpi),
            ev.cpi_rag.as_str()
        ),
        None => "Cost: not enough has been spent yet to say (CPI n/a)".to_owned(),
    };
    items.push(item(None, cost, false));
    let schedule = match ev.spi {
        Some(spi) if spi >= 1.0 => format!(
            "Schedule: {:.0}% of the work planned by now is done, on or ahead of plan (SPI {}, {})",
            spi * 100.0,
            ratio(ev.spi),
            ev.spi_rag.as_str()
        ),
        Some(spi) => format!(
            "Schedule: {:.0}% of the work planned by now is done, behind plan (SPI {}, {})",
            spi * 100.0,
            ratio(ev.spi),
            ev.spi_rag.as_str()
        ),
        None => "Schedule: no work was planned by now, so there is nothing to compare (SPI n/a)"
            .to_owned(),
    };
    items.push(item(None, schedule, false));
    let budget = *money_plan.budget.get_ref();
    let forecast = match ev.vac {
        Some(vac) if vac < 0.0 => format!(
            "At this rate the project will cost {} against a budget of {}: {} over",
            money(ev.eac, currency),
            money(Some(budget), currency),
            money(Some(-vac), currency)
        ),
        Some(vac) => format!(
            "At this rate the project will cost {} against a budget of {}: {} under",
            money(ev.eac, currency),
            money(Some(budget), currency),
            money(Some(vac), currency)
        ),
        None => format!(
            "The budget is {}; a forecast at completion needs more of the work done",
            money(Some(budget), currency)
        ),
    };
    items.push(item(None, forecast, false));
    list("Cost and schedule", items, "")
}

fn owner(plan: &Plan, id: Option<&str>) -> String {
    id.map_or_else(|| "no owner yet".to_owned(), |o| plan.name_of(o).to_owned())
}

/// The open risks with the highest scores, whether the plan lists them or
/// a meeting raised them (and no later meeting closed them, nor the plan
/// took them in): a risk said in the room counts as soon as it is said.
fn top_risks(shown: &Plan, raised: &[Raised], audience: Audience) -> Section {
    let zone = crate::meeting::clock::local_zone();
    let in_plan = shown
        .risks
        .iter()
        .filter(|r| r.status == RiskStatus::Open)
        .map(|r| {
            let plan_words = match r.plan.trim() {
                "" => String::new(),
                what => format!("; what we do about it: {what}"),
            };
            let owner = owner(shown, r.owner.as_ref().map(|o| o.get_ref().as_str()));
            let text = format!(
                "{} — {owner}, score {} of 25 ({}){plan_words}",
                r.title,
                r.score(),
                Band::of(r.score()).as_str()
            );
            (r.score(), item(Some(r.id.get_ref()), text, !r.visible))
        });
    let raised = crate::export::html::seen_risks(raised, audience).filter_map(|r| {
        let risk = r.item.what.risk_or_issue()?;
        let score = risk.score.map_or(0, |s| s.value());
        let scored = risk.score.map_or_else(
            || "not scored yet".to_owned(),
            |_| format!("score {score} of 25 ({})", Band::of(score).as_str()),
        );
        let owner = owner(shown, risk.owner);
        let text = format!("{} — {owner}, {scored}; {}", risk.title, r.mark(&zone));
        Some((score, item(Some(&r.item.id), text, risk.internal)))
    });
    let mut open: Vec<(i64, Item)> = in_plan.chain(raised).collect();
    // Stable: among equal scores the plan's risks come first, then the
    // ones raised, in the order they were raised.
    open.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    let more = open.len().saturating_sub(TOP_RISKS);
    let items = open
        .into_iter()
        .take(TOP_RISKS)
        .map(|(_, item)| item)
        .collect();
    let mut section = list("Top risks", items, "No open risks.");
    if more > 0 {
        section.after = Some(if more == 1 {
            "1 more open risk is not listed here.".to_owned()
        } else {
            format!("{more} more open risks are not listed here.")
        });
    }
    section
}

fn open_issues(shown: &Plan) -> Section {
    let mut open: Vec<_> = shown.issues.iter().filter(|i| i.is_open()).collect();
    open.sort_by_key(|i| std::cmp::Reverse(i.severity));
    let items = open
        .iter()
        .map(|i| {
            let due = i
                .due
                .map_or_else(|| "no due date".to_owned(), |d| format!("due {}", day(d)));
            item(
                Some(i.id.get_ref()),
                format!(
                    "{} — {}, {}, {due}",
                    i.title,
                    owner(shown, i.owner.as_ref().map(|o| o.get_ref().as_str())),
                    i.severity.as_str()
                ),
                !i.visible,
            )
        })
        .collect();
    list("Open issues", items, "No open issues.")
}

/// The customer's open tasks as the meetings' follow-ups left them (status,
/// due date and owner): the task, its owner's id, its due date.
pub fn open_customer_tasks<'p>(
    plan: &'p Plan,
    meetings: &[(String, Record)],
) -> Vec<(&'p CustomerTask, Option<String>, Option<Date>)> {
    // What the follow-ups said of each task, and the tasks accepted.
    let followups = crate::left_open::tasks::said_of_tasks(meetings);
    plan.customer_tasks
        .iter()
        .filter_map(|t| {
            let now = crate::meeting::latest::task_now(t, &followups, &[]);
            now.is_open().then_some((t, now.owner, now.due))
        })
        .collect()
}

pub(super) fn tasks_due_soon(shown: &Plan, meetings: &[(String, Record)], today: Date) -> Section {
    let mut tasks = open_customer_tasks(shown, meetings);
    tasks.sort_by_key(|(_, _, due)| due.unwrap_or(Date::MAX));
    let soon = |due: Option<Date>| {
        due.is_some_and(|d| crate::plan::derive::days_between(today, d) <= DUE_SOON_DAYS)
    };
    let items = tasks
        .iter()
        .filter(|(_, _, due)| soon(*due))
        .map(|(task, who, due)| {
            let due = due.unwrap_or(today);
            let when = if due < today {
                format!("overdue since {}", day(due))
            } else {
                format!("due {}", day(due))
            };
            let help = crate::plan::task_help::we_help(task, shown);
            item(
                Some(task.id.get_ref()),
                format!(
                    "{} — {}, {when}{help}",
                    task.title,
                    owner(shown, who.as_deref())
                ),
                false,
            )
        })
        .collect();
    let mut section = list(
        "Your tasks due soon",
        items,
        "Nothing on your side is due in the next two weeks.",
    );
    let later = tasks.iter().filter(|(_, _, due)| !soon(*due)).count();
    if later > 0 {
        section.after = Some(format!(
            "{later} more of your tasks {} due later or {} no date yet.",
            if later == 1 { "is" } else { "are" },
            if later == 1 { "has" } else { "have" }
        ));
    }
    section
}

/// The next meeting: the date agreed at the end of the latest meeting
/// (or that none is set yet), and what the communication plan says of how
/// often we meet.
fn next_meeting(shown: &Plan, meetings: &[(String, Record)]) -> Section {
    let mut items: Vec<Item> = shown
        .communication
        .channels
        .iter()
        .filter(|c| !c.frequency.trim().is_empty())
        .map(|c| {
            let how = if c.method.trim().is_empty() {
                String::new()
            } else {
                format!(", by {}", c.method.trim())
            };
            item(
                None,
                format!("{}: {}{how}", c.what, c.frequency.trim()),
                false,
            )
        })
        .collect();
    items.truncate(3);
    let mut section = list("Next meeting", items, "");
    if !section.groups[0].items.is_empty() {
        section.groups[0].heading = Some("How we keep you informed".to_owned());
    }
    let open = if Record::held(meetings).next().is_none() {
        ""
    } else {
        " Open actions and your open tasks will be its first item."
    };
    let agreed = Record::next_agreed(meetings);
    section.after = Some(match agreed {
        Some(next) => format!("Agreed for {next}.{open}"),
        None => format!("No date is set for it yet.{open}"),
    });
    if section.groups[0].items.is_empty() {
        section.groups.clear();
    }
    section
}

/// The customer's overall colour, and the internal one (for the portfolio).
pub fn colours(plan: &Plan) -> (Rag, Rag) {
    (derive(&public_only(plan)).overall, derive(plan).overall)
}
