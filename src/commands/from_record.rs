//! A starter plan made from a meeting record (`resetpoint new --from`): a
//! conversation captured with `notes` becomes the first plan of a reset.
//! The people (who was there, who owns what), the customer and the open
//! actions come from the record; the rest is left as the starter's
//! examples, which `check` names as placeholders until the PM writes
//! their own. The plan keeps the record's project id, so the record's
//! meetings folder stays this plan's: its open actions come back in the
//! next meeting's follow-ups, in `actions` and in `history`.

use std::collections::BTreeSet;

use jiff::civil::Date;

use crate::left_open::actions::still_open;
use crate::meeting::Capture;
use crate::plan::model::{AgendaName, Plan, Project, Side};
use crate::record::format::Record;

/// The starter's example texts, kept so `check` says they are not the PM's yet.
const SUMMARY: &str = "One sentence the customer would agree describes the project.";
const HEADLINE: &str = "One line: where the project stands and what happens next.";
const CUSTOMER: &str = "Your customer";

/// What the plan is made from.
pub struct FromRecord<'a> {
    pub record: &'a Record,
    /// The record's file name without `.toml`: how its actions are named.
    pub stem: &'a str,
    /// The record's path as the PM gave it, for the plan's opening comment.
    pub shown: &'a str,
    /// The plan the meeting ran from, when it can be read: its people are
    /// copied as they are.
    pub plan: Option<&'a Plan>,
    pub agenda: AgendaName,
    pub today: Date,
}

/// Someone the plan will name: their id in it, and how the record knew them.
struct Someone {
    id: String,
    /// The name or plan id the record uses.
    said: String,
    name: String,
    side: Option<Side>,
    role: String,
}

/// The plan's text.
pub fn starter_plan(from: &FromRecord) -> String {
    let record = from.record;
    let header = &record.meeting;
    let people = people_of(from);
    let id_of = |said: &str| {
        people
            .iter()
            .find(|p| p.said == said)
            .map_or_else(|| said.to_owned(), |p| p.id.clone())
    };
    let open = still_open(
        &[(from.stem.to_owned(), record.clone())],
        from.plan.unwrap_or(&Plan::default()),
    );
    let title = record
        .sections
        .first()
        .map_or(header.agenda.as_str(), |s| s.title.as_str());
    let started = header
        .started
        .to_zoned(crate::meeting::clock::local_zone())
        .strftime("%-d %b %Y")
        .to_string();
    let customer = if header.customer.trim().is_empty() {
        CUSTOMER
    } else {
        header.customer.as_str()
    };
    let mut out = String::new();
    out.push_str("#:schema ./resetpoint.schema.json\n");
    out.push_str("# A resetpoint plan started from the meeting record\n");
    out.push_str(&format!("#   {}\n", comment(from.shown)));
    out.push_str(&format!(
        "#   ({} \"{}\", {started})\n",
        comment(&header.agenda),
        comment(title)
    ));
    out.push_str("# with its people, customer and open actions filled in. Write the rest,\n");
    out.push_str("# then check it:  resetpoint check THIS_FILE\n");
    out.push_str("# `resetpoint new` writes a starter plan with every table explained.\n\n");

    out.push_str("[project]\n");
    out.push_str(&format!("name = {}\n", quoted(&header.project)));
    out.push_str(&format!("customer = {}\n", quoted(customer)));
    out.push_str("# The id the record was filed under: its meetings are this plan's.\n");
    out.push_str(&format!("id = {}\n", quoted(&header.project_id)));
    out.push_str(&format!("summary = {}\n\n", quoted(SUMMARY)));

    out.push_str("[meeting]\n");
    out.push_str(&format!("agenda = \"{}\"\n", from.agenda.as_str()));
    let here: Vec<String> = header.attendees.iter().map(|a| quoted(&id_of(a))).collect();
    out.push_str(&format!(
        "attendees = [{}]              # who was there last time\n\n",
        here.join(", ")
    ));

    if !people.is_empty() {
        out.push_str("# People on both sides. side is \"us\" or \"customer\".\n");
    }
    for person in &people {
        out.push_str("[[people]]\n");
        out.push_str(&format!("id = {}\n", quoted(&person.id)));
        out.push_str(&format!("name = {}\n", quoted(&person.name)));
        match person.side {
            Some(Side::Us) => out.push_str("side = \"us\"\n"),
            Some(Side::Customer) => out.push_str("side = \"customer\"\n"),
            None => out.push_str("side = \"customer\"                        # the record does not say: us or customer?\n"),
        }
        out.push_str(&format!("role = {}\n\n", quoted(&person.role)));
    }

    out.push_str(&format!(
        "[status]\nas_of = {}\nheadline = {}\noverall = \"auto\"\n\n",
        from.today,
        quoted(HEADLINE)
    ));

    if open.is_empty() {
        out.push_str("# The record left no action open.\n");
    } else {
        out.push_str(
            "# Open actions from the record. They stay open in its meetings folder:\n\
             # the next meeting's follow-ups list them, and so does `resetpoint actions`\n\
             # (give --records with the record's folder when it is not `meetings/`\n\
             # beside this plan).\n",
        );
        for action in &open {
            let mut line = format!("#   {} {}", action.id, comment(&action.title));
            if let Some(owner) = &action.owner {
                line.push_str(&format!(" @{}", comment(&id_of(owner))));
            }
            if let Some(due) = action.due {
                line.push_str(&format!(" due:{due}"));
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// Everyone the record names, in the order it names them: who was there,
/// then the owners of actions, risks and issues. A person of the plan the
/// meeting ran from is copied; anyone else becomes a person of their own,
/// with an id made from their name.
fn people_of(from: &FromRecord) -> Vec<Someone> {
    let record = from.record;
    let mut said: Vec<(String, Option<Side>)> = record
        .meeting
        .attendees
        .iter()
        .map(|a| (a.clone(), None))
        .collect();
    for item in record.items() {
        match &item.what {
            Capture::Action {
                owner: Some(owner),
                side,
                ..
            } => said.push((owner.clone(), *side)),
            Capture::Risk {
                owner: Some(owner), ..
            }
            | Capture::Issue {
                owner: Some(owner), ..
            } => said.push((owner.clone(), None)),
            _ => {}
        }
    }
    let mut people: Vec<Someone> = Vec::new();
    let mut ids = BTreeSet::new();
    for (name, side) in said {
        if name.trim().is_empty() {
            continue;
        }
        if let Some(known) = people.iter_mut().find(|p| p.said == name) {
            known.side = known.side.or(side);
            continue;
        }
        let person = match from.plan.and_then(|p| p.person(&name)) {
            Some(p) => Someone {
                id: p.id.get_ref().clone(),
                said: name.clone(),
                name: p.name.clone(),
                side: Some(p.side),
                role: p.role.clone(),
            },
            None => Someone {
                id: fresh_id(&name, &ids),
                said: name.clone(),
                name: name.clone(),
                side,
                role: String::new(),
            },
        };
        ids.insert(person.id.clone());
        people.push(person);
    }
    people
}

/// A person id made from a name ("Søren Berg" → `søren-berg`), unused so far.
fn fresh_id(name: &str, taken: &BTreeSet<String>) -> String {
    let base = Project {
        name: name.to_owned(),
        ..Project::default()
    }
    .slug();
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// A TOML string of `text`, with anything that could reorder or hide text
/// in an editor written as a visible escape first.
fn quoted(text: &str) -> String {
    toml::Value::String(crate::text::visible(text)).to_string()
}

/// Text for a `#` comment: one line, nothing unsafe.
fn comment(text: &str) -> String {
    crate::text::visible(&text.replace(['\n', '\r'], " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_made_from_names_never_collide() {
        let mut taken = BTreeSet::new();
        let first = fresh_id("Søren Berg", &taken);
        taken.insert(first.clone());
        assert_eq!(first, "søren-berg");
        assert_eq!(fresh_id("Søren  Berg!", &taken), "søren-berg-2");
    }

    #[test]
    fn hostile_text_stays_one_escaped_toml_string_and_one_comment_line() {
        let name = "Eve\u{202e}gnp.exe\n[project]\u{1b}[31m";
        let value = quoted(name);
        assert!(!value.chars().any(crate::text::is_unsafe), "{value:?}");
        let parsed: toml::Table = toml::from_str(&format!("name = {value}")).unwrap();
        assert!(parsed["name"].as_str().unwrap().starts_with("Eve\\u{202e}"));
        let line = comment(name);
        assert!(!line.contains('\n') && !line.chars().any(crate::text::is_unsafe));
    }
}
