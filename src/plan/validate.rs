//! Checks across the whole plan that the types alone cannot make: people
//! named where they are referred to, unique ids, numbers in their ranges,
//! email addresses that a mail program can send to.
//! Every error is collected; none stops the others.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::diagnostics::{Diagnostic, Source};
use super::keys::closest;
use super::model::Plan;

pub fn errors(plan: &Plan, source: &Source) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    required_text(plan, &mut found);
    unique_ids(plan, source, &mut found);
    person_references(plan, &mut found);
    ranges(plan, &mut found);
    emails(plan, &mut found);
    agenda_a_plan_can_name(plan, &mut found);
    found
}

/// `notes` is the agenda of `resetpoint notes`, which needs no plan: a
/// plan cannot make it the meeting's, and its schema does not offer it.
fn agenda_a_plan_can_name(plan: &Plan, found: &mut Vec<Diagnostic>) {
    if let Some(agenda) = &plan.meeting.agenda
        && *agenda.get_ref() == super::model::AgendaName::Notes
    {
        found.push(
            Diagnostic::error(
                "invalid-value",
                "in [meeting]: `notes` is not an agenda a plan can run; expected one of `kickoff`, `reset-point`, `status`, `plan`",
            )
            .at(agenda.span())
            .hint("for notes with nothing prepared, run `resetpoint notes TITLE`; here write one of: kickoff, reset-point, status, plan"),
        );
    }
}

fn required_text(plan: &Plan, found: &mut Vec<Diagnostic>) {
    for (key, value) in [
        ("name", &plan.project.name),
        ("customer", &plan.project.customer),
    ] {
        if value.trim().is_empty() {
            found.push(
                Diagnostic::error("empty-value", format!("[project] {key} is empty"))
                    .hint(format!("write the project's {key}, like {key} = \"…\"")),
            );
        }
    }
}

fn unique_ids(plan: &Plan, source: &Source, found: &mut Vec<Diagnostic>) {
    let kinds: [(&str, Vec<&Spanned<String>>); 6] = [
        ("person", plan.people.iter().map(|p| &p.id).collect()),
        ("issue", plan.issues.iter().map(|i| &i.id).collect()),
        ("risk", plan.risks.iter().map(|r| &r.id).collect()),
        (
            "change request",
            plan.financials
                .iter()
                .flat_map(|f| f.changes.iter().map(|c| &c.id))
                .collect(),
        ),
        (
            "customer task",
            plan.customer_tasks.iter().map(|t| &t.id).collect(),
        ),
        (
            "milestone",
            plan.milestones.iter().map(|m| &m.name).collect(),
        ),
    ];
    for (kind, ids) in kinds {
        let mut first_seen: HashMap<&str, usize> = HashMap::new();
        for id in ids {
            let text = id.get_ref().trim();
            if text.is_empty() {
                found.push(
                    Diagnostic::error("empty-id", format!("a {kind} has an empty id"))
                        .at(id.span())
                        .hint(format!(
                            "give every {kind} a short id that no other {kind} uses"
                        )),
                );
                continue;
            }
            match first_seen.get(text) {
                Some(first) => found.push(
                    Diagnostic::error("duplicate-id", format!("{kind} `{text}` is defined twice"))
                        .at(id.span())
                        .hint(format!(
                            "give this {kind} another id; the first `{text}` is {}",
                            source.where_is(*first)
                        )),
                ),
                None => {
                    first_seen.insert(text, id.span().start);
                }
            }
        }
    }
}

fn person_references(plan: &Plan, found: &mut Vec<Diagnostic>) {
    let mut ids: Vec<&str> = Vec::new();
    for person in &plan.people {
        if !ids.contains(&person.id.get_ref().as_str()) {
            ids.push(person.id.get_ref());
        }
    }
    let known: std::collections::HashSet<&str> = ids.iter().copied().collect();
    let mut check = |who: &Spanned<String>, role: &dyn Fn() -> String| {
        let id = who.get_ref();
        if !known.contains(id.as_str()) {
            let hint = match closest(id, &ids) {
                Some(near) => format!("did you mean `{near}`?"),
                None if ids.is_empty() => {
                    format!("add a [[people]] entry with id = \"{id}\", a name and a side")
                }
                None => format!(
                    "add a [[people]] entry with id = \"{id}\", or use one of: {}",
                    ids.join(", ")
                ),
            };
            found.push(
                Diagnostic::error(
                    "unknown-person",
                    format!("unknown person `{id}` as {}", role()),
                )
                .at(who.span())
                .hint(hint),
            );
        }
    };
    if let Some(sponsor) = &plan.project.sponsor {
        check(sponsor, &|| "the project's sponsor".to_owned());
    }
    for who in &plan.meeting.attendees {
        check(who, &|| "an attendee of the meeting".to_owned());
    }
    for issue in &plan.issues {
        if let Some(owner) = &issue.owner {
            check(owner, &|| format!("owner of issue {}", issue.id.get_ref()));
        }
    }
    for risk in &plan.risks {
        if let Some(owner) = &risk.owner {
            check(owner, &|| format!("owner of risk {}", risk.id.get_ref()));
        }
    }
    for channel in &plan.communication.channels {
        if let Some(owner) = &channel.owner {
            check(owner, &|| {
                format!("owner of the \"{}\" channel", channel.what)
            });
        }
    }
    for task in &plan.customer_tasks {
        if let Some(owner) = &task.owner {
            check(owner, &|| {
                format!("owner of customer task {}", task.id.get_ref())
            });
        }
        if let Some(owner) = &task.help_owner {
            check(owner, &|| {
                format!("help_owner of customer task {}", task.id.get_ref())
            });
        }
    }
}

fn out_of_range(span: Range<usize>, what: String, rule: &str) -> Diagnostic {
    Diagnostic::error("out-of-range", format!("{what} is out of range"))
        .at(span)
        .hint(rule.to_owned())
}

fn ranges(plan: &Plan, found: &mut Vec<Diagnostic>) {
    for risk in &plan.risks {
        for (key, value) in [("probability", &risk.probability), ("impact", &risk.impact)] {
            if !(1..=5).contains(value.get_ref()) {
                found.push(out_of_range(
                    value.span(),
                    format!("{key} {} of risk {}", value.get_ref(), risk.id.get_ref()),
                    "rate it from 1 (very low) to 5 (very high)",
                ));
            }
        }
    }
    for item in &plan.agenda {
        if let Some(minutes) = &item.minutes
            && !(1..=600).contains(minutes.get_ref())
        {
            found.push(out_of_range(
                minutes.span(),
                format!(
                    "timebox of {} minutes for the {} section",
                    minutes.get_ref(),
                    item.kind.key()
                ),
                "give each section between 1 and 600 minutes",
            ));
        }
    }
    let Some(money) = &plan.financials else {
        return;
    };
    for (key, value) in [
        ("budget", Some(&money.budget)),
        ("planned_value", money.planned_value.as_ref()),
        ("earned_value", money.earned_value.as_ref()),
        ("actual_cost", money.actual_cost.as_ref()),
    ] {
        if let Some(value) = value
            && !(value.get_ref().is_finite() && *value.get_ref() >= 0.0)
        {
            found.push(out_of_range(
                value.span(),
                format!("financials {key} {}", value.get_ref()),
                "amounts are zero or more, in the plan's currency",
            ));
        }
    }
    if let Some(pct) = &money.percent_complete
        && !(0.0..=100.0).contains(pct.get_ref())
    {
        found.push(out_of_range(
            pct.span(),
            format!("financials percent_complete {}", pct.get_ref()),
            "give a percentage from 0 to 100",
        ));
    }
    if let (Some(_), Some(pct)) = (&money.earned_value, &money.percent_complete) {
        found.push(
            Diagnostic::error(
                "conflict",
                "financials give both earned_value and percent_complete",
            )
            .at(pct.span())
            .hint("keep one: earned_value in money, or percent_complete of the budget"),
        );
    }
    if let Some(limits) = &money.thresholds {
        let t = limits.get_ref();
        if !(t.red > 0.0 && t.red <= t.green && t.green <= 2.0) {
            found.push(out_of_range(
                limits.span(),
                format!("financials thresholds green {} / red {}", t.green, t.red),
                "red must be above 0 and no higher than green, like { green = 0.95, red = 0.90 }",
            ));
        }
    }
    for period in &money.periods {
        let month = period.month.get_ref();
        if jiff::civil::Date::strptime("%Y-%m-%d", format!("{month}-01")).is_err() {
            found.push(
                Diagnostic::error("bad-date", format!("period month `{month}` is not a month"))
                    .at(period.month.span())
                    .hint("write the month as \"YYYY-MM\", like \"2026-07\""),
            );
        }
    }
}

/// Each `email` in `[[people]]` must be one address a mail program takes,
/// since `minutes --format eml` writes it into the draft's `To:`.
fn emails(plan: &Plan, found: &mut Vec<Diagnostic>) {
    for person in &plan.people {
        // `email = ""` is a PM's "not known yet", as if left out.
        let Some(email) = person.email.as_ref().filter(|e| !e.get_ref().is_empty()) else {
            continue;
        };
        if let Err(why) = check_email(email.get_ref()) {
            found.push(
                Diagnostic::error(
                    "bad-email",
                    format!(
                        "the email `{}` of {} is not an email address: {why}",
                        email.get_ref(),
                        person.name
                    ),
                )
                .at(email.span())
                .hint("write one address, like email = \"robin.diaz@example.com\", or leave email out"),
            );
        }
    }
}

/// A simple well-formedness check, not the whole of RFC 5322: one `@`,
/// something before it, a domain with a dot, and none of the characters
/// that would split or quote an address in a mail header.
pub fn check_email(email: &str) -> Result<(), &'static str> {
    if email.is_empty() {
        return Err("it is empty");
    }
    if let Some(c) = email.chars().find(|c| "()<>[]:;,\"\\".contains(*c)) {
        return Err(match c {
            ',' | ';' => "it holds more than one address; give each person their own",
            _ => "it has a character that addresses cannot hold, like < > ( ) , ; or quotes",
        });
    }
    if email
        .chars()
        .any(|c| c.is_whitespace() || crate::text::is_unsafe(c))
    {
        return Err("it has a space or a control character in it");
    }
    let mut parts = email.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err("it needs exactly one @");
    };
    if local.is_empty() {
        return Err("nothing comes before the @");
    }
    if !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
        || domain.contains("..")
    {
        return Err("the part after the @ is not a domain like example.com");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_email;

    #[test]
    fn an_ordinary_address_passes() {
        for ok in [
            "robin@example.com",
            "ola.nordmann+pm@mail.example.co.uk",
            "søren@eksempel.dk",
        ] {
            assert_eq!(check_email(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn what_a_mail_header_would_break_on_fails() {
        for bad in [
            "",
            "robin",
            "robin@",
            "@example.com",
            "robin@example",
            "robin@@example.com",
            "a@b@example.com",
            "robin @example.com",
            "robin@example.com\r\nBcc: x@y.z",
            "robin@example.com, ola@example.com",
            "Robin <robin@example.com>",
            "robin@.example.com",
            "robin@example..com",
            "\"robin\"@example.com",
        ] {
            assert!(check_email(bad).is_err(), "{bad:?} passed");
        }
    }
}
