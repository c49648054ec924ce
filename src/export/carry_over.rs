//! What earlier live meetings of a plan left open — their actions and the
//! customer's tasks, by the latest word of every follow-up — which decides
//! whether the next meeting's agenda reviews them.

use crate::meeting::Capture;
use crate::meeting::capture::ActionStatus;
use crate::plan::model::{Plan, TaskStatus};
use crate::record::format::Record;

/// How many actions and customer tasks `earlier` meetings left open: none
/// when there was no earlier meeting (a first meeting has nothing to
/// follow up, whatever the plan's tasks).
pub fn open_after(earlier: &[(String, Record)], plan: &Plan) -> usize {
    if earlier.is_empty() {
        return 0;
    }
    let actions = super::actions::still_open(earlier, plan).len();
    let mut followups: Vec<&crate::meeting::Captured> =
        earlier.iter().flat_map(|(_, r)| &r.followups).collect();
    followups.sort_by_key(|f| f.at);
    // A task's follow-ups are kept against "plan", the row's origin.
    let latest_word = |task: &str| {
        followups.iter().rev().find_map(|f| match &f.what {
            Capture::Followup {
                item,
                meeting,
                status,
                ..
            } if item == task && meeting == "plan" => Some(*status),
            _ => None,
        })
    };
    let tasks = plan
        .customer_tasks
        .iter()
        .filter(|t| matches!(t.status, TaskStatus::Open | TaskStatus::InProgress))
        .filter(|t| latest_word(t.id.get_ref()).is_none_or(|s| s == ActionStatus::Open))
        .count();
    actions + tasks
}
