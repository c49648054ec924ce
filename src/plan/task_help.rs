//! What `check` says of the help we offer with the customer's tasks:
//! customers struggle most with writing requirements and preparing for
//! testing, so such a task due soon with no help from us is warned, and so
//! is help promised for after the task is due.

use jiff::civil::Date;

use super::diagnostics::Diagnostic;
use super::model::{CustomerTask, Plan, TaskKind, TaskStatus};

/// " · we help: a two-hour workshop (Priya Raman, by 3 Dec)", as the
/// tasks screen, the report and the minutes say it after the task; empty
/// when we offer no help.
pub fn we_help(task: &CustomerTask, plan: &Plan) -> String {
    let help = we_help_briefly(task);
    if help.is_empty() {
        return help;
    }
    let who = task
        .help_owner
        .as_ref()
        .map(|o| plan.name_of(o.get_ref()).to_owned());
    let by = task.help_by.map(|d| format!("by {}", d.strftime("%-d %b")));
    let aside: Vec<String> = who.into_iter().chain(by).collect();
    if aside.is_empty() {
        help
    } else {
        format!("{help} ({})", aside.join(", "))
    }
}

/// " · we help: a two-hour workshop", without who and by when: for a
/// narrow screen, where every task must still be seen at once.
pub fn we_help_briefly(task: &CustomerTask) -> String {
    match task.help.trim() {
        "" => String::new(),
        help => format!(" · we help: {help}"),
    }
}

/// How soon a task is "due soon": four weeks.
const SOON_DAYS: i64 = 28;

/// `no-help` and `help-late`, counted from the plan's status date (today
/// when it has none).
pub fn warnings(plan: &Plan, found: &mut Vec<Diagnostic>) {
    let today = plan
        .status
        .as_of
        .unwrap_or_else(|| jiff::Zoned::now().date());
    for task in plan.customer_tasks.iter().filter(|t| still_to_do(t)) {
        if let Some(diagnostic) = no_help(task, today) {
            found.push(diagnostic);
        }
        if let (Some(by), Some(due)) = (task.help_by, task.due)
            && by > due
        {
            found.push(
                Diagnostic::warning(
                    "help-late",
                    format!(
                        "our help with customer task {} is due {by}, after the task itself ({due})",
                        task.id.get_ref()
                    ),
                )
                .at(task.id.span())
                .hint("help that comes after the task is due is no help: bring help_by before due, or agree a later due date"),
            );
        }
    }
}

fn still_to_do(task: &CustomerTask) -> bool {
    matches!(task.status, TaskStatus::Open | TaskStatus::InProgress)
}

/// A testing or requirements task due within four weeks (or overdue) that
/// says nothing of our help.
fn no_help(task: &CustomerTask, today: Date) -> Option<Diagnostic> {
    let kind = match task.kind {
        TaskKind::Testing => "testing",
        TaskKind::Requirements => "requirements",
        _ => return None,
    };
    let due = task.due?;
    let days = super::derive::days_between(today, due);
    if days > SOON_DAYS || !task.help.trim().is_empty() {
        return None;
    }
    let when = match days {
        d if d < 0 => format!("was due {} days ago", -d),
        0 => "is due today".to_owned(),
        1 => "is due tomorrow".to_owned(),
        d => format!("is due in {d} days"),
    };
    Some(
        Diagnostic::warning(
            "no-help",
            format!(
                "customer task {} is a {kind} task that {when}, and we offer no help",
                task.id.get_ref()
            ),
        )
        .at(task.id.span())
        .hint("customers struggle most with these: add help = \"…\" (a workshop, a template, reviewing their first draft together), with help_owner and help_by"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plan on status date 2026-11-20 with one customer task written as
    /// `task` (the lines after its id and owner).
    fn plan_with_task(task: &str) -> (Plan, Vec<Diagnostic>) {
        let text = format!(
            "[project]\nname = \"P\"\ncustomer = \"C\"\n[status]\nas_of = 2026-11-20\n\
             [[people]]\nid = \"tomas\"\nname = \"Tomás Ruiz\"\nside = \"us\"\n\
             [[people]]\nid = \"soren\"\nname = \"Søren Ahl\"\nside = \"customer\"\n\
             [[customer_tasks]]\nid = \"CT-1\"\ntitle = \"Prepare UAT scenarios\"\nowner = \"soren\"\n{task}"
        );
        let checked = crate::plan::load_bytes("p.toml", text.as_bytes());
        let plan = checked
            .plan
            .clone()
            .unwrap_or_else(|| panic!("{}", checked.render()));
        let mut found = Vec::new();
        warnings(&plan, &mut found);
        (plan, found)
    }

    fn codes(found: &[Diagnostic]) -> Vec<String> {
        found.iter().map(|d| d.code.to_string()).collect()
    }

    #[test]
    fn a_testing_task_due_soon_without_help_is_warned_with_its_days() {
        let (_, found) = plan_with_task("kind = \"testing\"\ndue = 2026-12-02\n");
        assert_eq!(codes(&found), ["no-help"]);
        assert_eq!(
            found[0].message,
            "customer task CT-1 is a testing task that is due in 12 days, and we offer no help"
        );
        let (_, found) = plan_with_task("kind = \"requirements\"\ndue = 2026-11-10\n");
        assert!(
            found[0]
                .message
                .contains("requirements task that was due 10 days ago")
        );
    }

    #[test]
    fn help_far_off_other_kinds_and_finished_tasks_are_not_warned() {
        for task in [
            "kind = \"testing\"\ndue = 2026-12-02\nhelp = \"a scenario workshop\"\n",
            "kind = \"testing\"\ndue = 2026-12-19\n",
            "kind = \"review\"\ndue = 2026-11-25\n",
            "kind = \"testing\"\ndue = 2026-11-25\nstatus = \"done\"\n",
            "kind = \"testing\"\n",
        ] {
            let (_, found) = plan_with_task(task);
            assert!(found.is_empty(), "{task}: {:?}", codes(&found));
        }
    }

    #[test]
    fn help_promised_after_the_task_is_due_is_warned() {
        let (_, found) = plan_with_task(
            "kind = \"testing\"\ndue = 2026-12-02\nhelp = \"a workshop\"\nhelp_by = 2026-12-03\n",
        );
        assert_eq!(codes(&found), ["help-late"]);
        assert!(
            found[0]
                .message
                .contains("2026-12-03, after the task itself (2026-12-02)")
        );
    }

    #[test]
    fn the_help_is_said_with_who_gives_it_and_by_when() {
        let (plan, _) = plan_with_task(
            "due = 2026-12-10\nhelp = \"a 2-hour scenario workshop\"\nhelp_owner = \"tomas\"\nhelp_by = 2026-12-03\n",
        );
        assert_eq!(
            we_help(&plan.customer_tasks[0], &plan),
            " · we help: a 2-hour scenario workshop (Tomás Ruiz, by 3 Dec)"
        );
        let (plan, _) = plan_with_task("due = 2026-12-10\n");
        assert_eq!(we_help(&plan.customer_tasks[0], &plan), "");
    }

    #[test]
    fn a_helper_who_is_nobody_in_the_plan_is_an_error() {
        let text = "[project]\nname = \"P\"\ncustomer = \"C\"\n\
             [[customer_tasks]]\nid = \"CT-1\"\ntitle = \"T\"\nhelp = \"h\"\nhelp_owner = \"nobody\"\n";
        let checked = crate::plan::load_bytes("p.toml", text.as_bytes());
        assert!(checked.plan.is_none());
        let report = checked.render();
        assert!(
            report.contains("help_owner of customer task CT-1"),
            "{report}"
        );
    }
}
