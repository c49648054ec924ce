//! "Since our last meeting": what the last live meeting changed, each kind
//! of change a function of its own, and how many actions are open now.

use jiff::civil::Date;

use super::{day, item, list, sentence};
use crate::export::minutes::{Audience, Group, Item, Section};
use crate::left_open::actions::{ActionRow, rows};
use crate::meeting::Capture;
use crate::meeting::capture::{ActionStatus, acceptance};
use crate::meeting::capture_words::buy_in_said;
use crate::plan::model::Plan;
use crate::record::format::Record;

/// What the last live meeting changed: the actions it opened and closed,
/// the risks and issues raised in it, and its sign-offs and buy-in.
pub fn since_last_meeting(
    shown: &Plan,
    meetings: &[(String, Record)],
    audience: Audience,
    today: Date,
    zone: &jiff::tz::TimeZone,
) -> Section {
    let title = "Since our last meeting";
    let Some((stem, last)) = Record::held(meetings).next_back() else {
        return list(title, Vec::new(), "No meeting with you is on record yet.");
    };
    let all_actions = rows(meetings, shown, true);
    let groups: Vec<Group> = [
        ("Actions agreed", opened(&all_actions, stem)),
        (
            "Actions and tasks closed",
            closed(last, shown, &all_actions),
        ),
        ("Risks and issues raised", raised(last, shown, audience)),
        ("Sign-offs and buy-in", agreed(last, shown)),
    ]
    .into_iter()
    .filter(|(_, items)| !items.is_empty())
    .map(|(heading, items)| Group {
        heading: Some(heading.to_owned()),
        items,
    })
    .collect();
    let when = last.meeting.started.to_zoned(zone.clone()).date();
    let after = format!(
        "Our last meeting was on {} ({}). {}",
        day(when),
        last.meeting.agenda.replace('-', " "),
        open_now(&all_actions, today)
    );
    Section {
        title: title.to_owned(),
        overall: None,
        groups: if groups.is_empty() {
            vec![Group {
                heading: None,
                items: Vec::new(),
            }]
        } else {
            groups
        },
        milestones: Vec::new(),
        empty: "Nothing was agreed, closed or raised in it.",
        after: Some(after),
    }
}

/// The actions the meeting `stem` opened, with what became of them since.
fn opened(all_actions: &[ActionRow], stem: &str) -> Vec<Item> {
    all_actions
        .iter()
        .filter(|a| a.meeting == stem)
        .map(|a| {
            let due = a
                .due
                .map_or_else(|| "no due date".to_owned(), |d| format!("due {}", day(d)));
            let who = a.owner.clone().unwrap_or_else(|| "no owner yet".to_owned());
            let state = match a.status {
                ActionStatus::Open => String::new(),
                ActionStatus::Done => ", since done".to_owned(),
                ActionStatus::Dropped => ", since dropped".to_owned(),
            };
            item(
                Some(&a.id),
                format!("{} — {who}, {due}{state}", a.title),
                false,
            )
        })
        .collect()
}

/// The earlier actions and customer tasks the meeting closed.
fn closed(last: &Record, shown: &Plan, all_actions: &[ActionRow]) -> Vec<Item> {
    last.followups
        .iter()
        .filter_map(|f| match &f.what {
            Capture::Followup {
                item: id,
                meeting,
                status: status @ (ActionStatus::Done | ActionStatus::Dropped),
                ..
            } => {
                let title = if meeting == "plan" {
                    shown
                        .customer_tasks
                        .iter()
                        .find(|t| t.id.get_ref() == id)
                        .map(|t| t.title.clone())
                } else {
                    all_actions
                        .iter()
                        .find(|a| &a.id == id && &a.meeting == meeting)
                        .map(|a| a.title.clone())
                };
                let word = if *status == ActionStatus::Done {
                    "done"
                } else {
                    "dropped"
                };
                Some(item(
                    Some(id),
                    format!(
                        "{}: {word}",
                        title.unwrap_or_else(|| "an earlier item".into())
                    ),
                    false,
                ))
            }
            _ => None,
        })
        .collect()
}

/// The risks and issues raised in the meeting that this audience may see.
fn raised(last: &Record, shown: &Plan, audience: Audience) -> Vec<Item> {
    last.risks
        .iter()
        .chain(&last.issues)
        .filter(|c| audience.sees(&c.what))
        .filter_map(|c| match &c.what {
            Capture::Risk { title, owner, .. } | Capture::Issue { title, owner, .. } => {
                let kind = if matches!(c.what, Capture::Risk { .. }) {
                    "Risk"
                } else {
                    "Issue"
                };
                let who = owner
                    .as_deref()
                    .map_or_else(|| "no owner yet".into(), |id| shown.name_of(id).to_owned());
                Some(item(
                    Some(&c.id),
                    format!("{kind}: {title} — {who}"),
                    !c.what.is_public(),
                ))
            }
            _ => None,
        })
        .collect()
}

/// The sign-offs and the buy-in given in the meeting.
fn agreed(last: &Record, shown: &Plan) -> Vec<Item> {
    let signoffs = last.signoffs.iter().filter_map(|s| match &s.what {
        Capture::Signoff {
            what, by, decision, ..
        } => {
            let by = by
                .as_deref()
                .map_or_else(String::new, |b| format!(" by {}", shown.name_of(b)));
            let said = acceptance::in_words(what, *decision)
                .unwrap_or_else(|| format!("{what}: {}", decision.word()));
            Some(item(None, sentence(&format!("{said}{by}")), false))
        }
        _ => None,
    });
    // Agreed with changes: the changes are what was agreed, as in the minutes.
    let buy_in = last.buy_in.iter().filter_map(|b| match &b.what {
        Capture::BuyIn {
            proposal,
            verdict,
            changes,
            by,
        } => {
            let by = by.as_deref().map(|who| shown.name_of(who));
            Some(item(
                None,
                buy_in_said(proposal, *verdict, by, changes),
                false,
            ))
        }
        _ => None,
    });
    signoffs.chain(buy_in).collect()
}

/// How many actions are open today, and how many of them are overdue.
fn open_now(all_actions: &[ActionRow], today: Date) -> String {
    let open = all_actions
        .iter()
        .filter(|a| a.status == ActionStatus::Open);
    let open_now = open.clone().count();
    let overdue = open.filter(|a| a.due.is_some_and(|d| d < today)).count();
    match (open_now, overdue) {
        (0, _) => "No action is open.".to_owned(),
        (1, 0) => "1 action is open.".to_owned(),
        (1, _) => "1 action is open, and it is overdue.".to_owned(),
        (n, 0) => format!("{n} actions are open."),
        (n, o) => format!("{n} actions are open, {o} of them overdue."),
    }
}
