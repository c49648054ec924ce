//! What earlier live meetings of a plan left open — their actions and the
//! customer's tasks, by the latest word of every follow-up — which decides
//! whether the next meeting's agenda reviews them.

use crate::meeting::latest::{in_order, task_now};
use crate::plan::model::Plan;
use crate::record::format::Record;

/// How many actions and customer tasks `earlier` meetings left open: none
/// when there was no earlier meeting (a first meeting has nothing to
/// follow up, whatever the plan's tasks).
pub fn open_after(earlier: &[(String, Record)], plan: &Plan) -> usize {
    if earlier.is_empty() {
        return 0;
    }
    let actions = super::actions::still_open(earlier, plan).len();
    // A task's state is the latest word of every follow-up, as everywhere.
    let followups: Vec<crate::meeting::Captured> =
        in_order(earlier.iter().flat_map(|(_, r)| &r.followups).filter(|f| {
            // Only those said of the plan's own tasks are read here.
            matches!(&f.what, crate::meeting::Capture::Followup { meeting, .. } if meeting == "plan")
        }))
            .into_iter()
            .cloned()
            .collect();
    let tasks = plan
        .customer_tasks
        .iter()
        .filter(|t| task_now(t, &followups, &[]).is_open())
        .count();
    actions + tasks
}
