//! The actions of every live meeting of a plan, oldest first, each as the
//! latest follow-up left it: what the next meeting follows up and what the
//! actions documents list.

use std::path::Path;

use jiff::Timestamp;
use jiff::civil::Date;

use crate::meeting::Capture;
use crate::meeting::capture::{ActionStatus, OUR_HELP};
use crate::meeting::latest::{Latest, SaidOf};
use crate::plan::model::{Plan, Side, TaskStatus};
use crate::record::folder::Folder;
use crate::record::format::Record;
use crate::record::open::OpenError;

/// One action, with the meeting it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionRow {
    pub id: String,
    pub title: String,
    /// The owner's name (or the id of a guest).
    pub owner: Option<String>,
    /// The owner's person id (or a guest's name), as recorded.
    pub owner_id: Option<String>,
    pub due: Option<Date>,
    /// The date it had before a follow-up moved it.
    pub moved_from: Option<Date>,
    pub status: ActionStatus,
    /// Whose side of the table it is on: the owner's, or the customer's for
    /// a customer task; None for a guest's.
    pub side: Option<Side>,
    /// The meeting's record file name, without `.toml`.
    pub meeting: String,
    pub created: Timestamp,
}

/// Every live meeting record of the project in `dir` (rehearsals and other
/// projects left out), with its file stem; a file that is not a record it
/// can read is named on stderr, never silently skipped.
pub fn meetings(dir: &Path, project_id: &str) -> Vec<(String, Record)> {
    let (found, unreadable) = meetings_and_unreadable(dir, project_id);
    for problem in unreadable {
        eprintln!("warning: {problem}; it is left out");
    }
    found
}

/// The meetings, and the records that could not be read.
pub fn meetings_and_unreadable(
    dir: &Path,
    project_id: &str,
) -> (Vec<(String, Record)>, Vec<OpenError>) {
    let (found, unreadable) = Folder::read(dir, project_id).into_live();
    (found, unreadable.into_iter().map(|u| u.error).collect())
}

/// The actions of these meetings, oldest first, with what later meetings'
/// follow-ups said of them; open ones only unless `all`.
pub fn rows(meetings: &[(String, Record)], plan: &Plan, all: bool) -> Vec<ActionRow> {
    // Grouped once by item: each action then reads only what was said of it.
    let said = SaidOf::new(meetings.iter().flat_map(|(_, r)| &r.followups));
    let mut rows: Vec<ActionRow> = help_promised(plan)
        .chain(meetings.iter().flat_map(|(stem, record)| {
            record
                .actions
                .iter()
                .filter_map(move |item| match &item.what {
                    Capture::Action {
                        title,
                        owner,
                        due,
                        status,
                        side,
                    } => Some((
                        ActionRow {
                            id: item.id.clone(),
                            title: title.clone(),
                            owner: None,
                            owner_id: None,
                            due: None,
                            moved_from: None,
                            status: *status,
                            side: *side,
                            meeting: stem.clone(),
                            created: item.at,
                        },
                        Latest::new(*status, *due, owner.clone()),
                    )),
                    _ => None,
                })
        }))
        .map(|(mut row, first)| {
            // The latest word of every follow-up stands over what was first said.
            let first_owner = first.owner.clone();
            let now = first.after(
                said.of(&row.id, &row.meeting).iter().copied(),
                &row.id,
                &row.meeting,
            );
            row.status = now.status;
            row.due = now.due;
            row.moved_from = now.moved_from;
            row.owner = now.owner.as_deref().map(|o| plan.name_of(o).to_owned());
            row.side = side_now(plan, row.side, first_owner.as_deref(), now.owner.as_deref());
            row.owner_id = now.owner;
            row
        })
        .filter(|row| all || row.status == ActionStatus::Open)
        .collect();
    rows.sort_by_key(|r| r.created);
    rows
}

/// The help the plan promises with the customer's tasks still to do, as
/// actions of ours: followed up, listed and counted like any other.
fn help_promised(plan: &Plan) -> impl Iterator<Item = (ActionRow, Latest)> + '_ {
    plan.customer_tasks
        .iter()
        .filter(|t| !t.help.trim().is_empty())
        .filter(|t| matches!(t.status, TaskStatus::Open | TaskStatus::InProgress))
        .map(|t| {
            let owner = t.help_owner.as_ref().map(|o| o.get_ref().clone());
            let row = ActionRow {
                id: t.id.get_ref().clone(),
                title: format!("Our help with {}: {}", t.id.get_ref(), t.help.trim()),
                owner: None,
                owner_id: None,
                due: None,
                moved_from: None,
                status: ActionStatus::Open,
                side: Some(Side::Us),
                meeting: OUR_HELP.to_owned(),
                // Promised before any meeting: listed first.
                created: Timestamp::UNIX_EPOCH,
            };
            (row, Latest::new(ActionStatus::Open, t.help_by, owner))
        })
}

/// The side an action is on after its follow-ups: handed to someone else
/// of the plan, it is on their side; else on the side recorded when it was
/// said (a customer task is the customer's, whoever carries it out), or its
/// owner's when the record says none.
fn side_now(
    plan: &Plan,
    said: Option<Side>,
    first: Option<&str>,
    now: Option<&str>,
) -> Option<Side> {
    let side_of = |id: Option<&str>| id.and_then(|id| plan.person(id)).map(|p| p.side);
    match side_of(now) {
        Some(side) if first != now => Some(side),
        owner => said.or(owner),
    }
}

/// The live meetings of the plan that started before `before`, oldest first.
pub fn meetings_before(dir: &Path, plan: &Plan, before: Timestamp) -> Vec<(String, Record)> {
    // The run has already named any unreadable record.
    Folder::read(dir, &plan.project.slug()).live_before(before)
}

/// The actions still open after these meetings, and the points parked in
/// them, for the next one's follow-ups.
pub fn still_open(
    earlier: &[(String, Record)],
    plan: &Plan,
) -> Vec<crate::meeting::capture::Earlier> {
    rows(earlier, plan, false)
        .into_iter()
        .map(|row| crate::meeting::capture::Earlier {
            id: row.id,
            meeting: row.meeting,
            title: row.title,
            owner: row.owner_id,
            due: row.due,
            moved_from: row.moved_from,
            side: row.side,
        })
        .chain(parked_open(earlier).into_iter().map(|mut point| {
            point.title = format!("{PARKED}{}", point.title);
            point
        }))
        .collect()
}

/// How a parked point's title starts among the follow-ups.
const PARKED: &str = "Parked: ";

/// The points parked in these meetings (`l`) that no later follow-up said
/// were dealt with or dropped, oldest first, in their own words, with their
/// owner as the follow-ups left it.
pub fn parked_open(meetings: &[(String, Record)]) -> Vec<crate::meeting::capture::Earlier> {
    let said = SaidOf::new(meetings.iter().flat_map(|(_, r)| &r.followups));
    meetings
        .iter()
        .flat_map(|(stem, record)| record.parked.iter().map(move |item| (stem, item)))
        .filter_map(|(stem, item)| {
            let Capture::Parked { text, owner } = &item.what else {
                return None;
            };
            let now = Latest::new(ActionStatus::Open, None, owner.clone()).after(
                said.of(&item.id, stem).iter().copied(),
                &item.id,
                stem,
            );
            (now.status == ActionStatus::Open).then(|| crate::meeting::capture::Earlier {
                id: item.id.clone(),
                meeting: stem.clone(),
                title: text.clone(),
                owner: now.owner,
                due: now.due,
                moved_from: now.moved_from,
                side: None,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let text = concat!(
            "[project]\nname = \"P\"\ncustomer = \"C\"\n",
            "[[people]]\nid = \"sam\"\nname = \"Sam\"\nside = \"us\"\n",
            "[[people]]\nid = \"ola\"\nname = \"Ola\"\nside = \"customer\"\n",
        );
        crate::plan::load_bytes("p.toml", text.as_bytes())
            .plan
            .expect("a valid plan")
    }

    #[test]
    fn an_action_handed_to_someone_else_is_on_their_side() {
        let p = plan();
        let (us, customer) = (Some(Side::Us), Some(Side::Customer));
        assert_eq!(side_now(&p, us, Some("sam"), Some("ola")), customer);
        assert_eq!(side_now(&p, customer, Some("ola"), Some("sam")), us);
    }

    #[test]
    fn a_customer_task_stays_the_customers_whoever_carries_it_out() {
        let p = plan();
        let customer = Some(Side::Customer);
        assert_eq!(side_now(&p, customer, Some("sam"), Some("sam")), customer);
        assert_eq!(side_now(&p, None, Some("ola"), Some("ola")), customer);
        assert_eq!(
            side_now(&p, None, Some("kim"), Some("kim")),
            None,
            "a guest's side is not known"
        );
    }
}
