//! What earlier live meetings of a plan left open — their actions and the
//! customer's tasks, by the latest word of every follow-up — which decides
//! whether the next meeting's agenda reviews them.

use crate::meeting::latest::{acceptances_as_followups, in_order, task_now};
use crate::meeting::{Capture, Captured};
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
    actions + tasks_open(plan, &said_of_tasks(earlier))
}

/// The follow-ups said of the plan's own customer tasks, in the order they
/// were said: a task's state is the latest word of them, as everywhere.
/// Earlier actions are settled by `still_open`, so years of their
/// follow-ups need not be held, copied to followers or searched.
pub fn said_of_tasks(earlier: &[(String, Record)]) -> Vec<Captured> {
    // A task the customer accepted in a meeting is done from then on.
    let accepted: Vec<Captured> =
        acceptances_as_followups(earlier.iter().flat_map(|(_, r)| &r.signoffs)).collect();
    in_order(
        earlier
            .iter()
            .flat_map(|(_, r)| &r.followups)
            .filter(|f| matches!(&f.what, Capture::Followup { meeting, .. } if meeting == "plan"))
            .chain(&accepted),
    )
    .into_iter()
    .cloned()
    .collect()
}

/// How many of the plan's customer tasks are still open after `said`.
pub fn tasks_open(plan: &Plan, said: &[Captured]) -> usize {
    plan.customer_tasks
        .iter()
        .filter(|t| task_now(t, said, &[]).is_open())
        .count()
}
