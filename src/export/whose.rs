//! "What did we promise Søren?": the actions of one owner, or of one side
//! of the table, for `actions --owner NAME` and `--side customer|us`. A name
//! is matched as an `@name` is in the meeting, so a PM asks with the words
//! they typed then.

use crate::left_open::actions::ActionRow;
use crate::meeting::typed::People;
use crate::plan::model::{Plan, Side};

/// Which actions to keep.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Whose {
    /// The owner's person id (or a guest's name, as recorded).
    owner: Option<String>,
    side: Option<Side>,
}

/// An `--owner` that names nobody the plan or its meetings know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message())]
pub struct NobodyCalled {
    pub name: String,
    /// The nearest name, for "did you mean …?".
    pub nearest: Option<String>,
}

impl NobodyCalled {
    fn message(&self) -> String {
        let mut message = format!(
            "--owner {}: nobody of that name is in the plan's [[people]] or owns an action",
            self.name
        );
        match &self.nearest {
            Some(name) => message.push_str(&format!("; did you mean {name}?")),
            None => message.push_str("; give an id, a full name or a first name"),
        }
        message
    }
}

impl Whose {
    /// The actions owned by the person `owner` names (an id, a full name or
    /// a first name, ignoring case, as `@name` in a meeting; else a single
    /// word of one name, such as a family name), on `side` when given.
    /// The guests who own one of `rows` count as people too.
    pub fn of(
        plan: &Plan,
        rows: &[ActionRow],
        owner: Option<&str>,
        side: Option<Side>,
    ) -> Result<Whose, NobodyCalled> {
        let Some(name) = owner.map(str::trim) else {
            return Ok(Whose { owner: None, side });
        };
        let guests: Vec<String> = rows
            .iter()
            .filter_map(|r| r.owner_id.clone())
            .filter(|id| plan.person(id).is_none())
            .collect();
        let people = People {
            plan,
            guests: &guests,
        };
        let id = people.find(name).or_else(|| one_by_a_word(plan, name));
        match id {
            Some(id) => Ok(Whose {
                owner: Some(id),
                side,
            }),
            None => Err(NobodyCalled {
                name: name.to_owned(),
                nearest: people.nearest(name),
            }),
        }
    }

    /// Whose actions they are, in words for a title: "of Søren
    /// Kjærgaard", "on the customer's side", both, or None for everyone's.
    pub fn described(&self, plan: &Plan) -> Option<String> {
        let owner = self
            .owner
            .as_deref()
            .map(|id| format!("of {}", plan.name_of(id)));
        let side = self.side.map(|side| match side {
            Side::Customer => "on the customer's side",
            Side::Us => "on our side",
        });
        match (owner, side) {
            (Some(owner), Some(side)) => Some(format!("{owner}, {side}")),
            (Some(owner), None) => Some(owner),
            (None, side) => side.map(str::to_owned),
        }
    }

    /// Whether the action is one of those asked for.
    pub fn keeps(&self, row: &ActionRow) -> bool {
        let owner = self
            .owner
            .as_ref()
            .is_none_or(|id| row.owner_id.as_ref() == Some(id));
        let side = self.side.is_none_or(|side| row.side == Some(side));
        owner && side
    }

    /// The rows that are kept, in their order.
    pub fn filter_rows(&self, rows: Vec<ActionRow>) -> Vec<ActionRow> {
        rows.into_iter().filter(|r| self.keeps(r)).collect()
    }
}

/// The one person with a word of their name equal to `name` (ignoring
/// case): `--owner Kjærgaard`. Two people sharing the word is no answer.
fn one_by_a_word(plan: &Plan, name: &str) -> Option<String> {
    let name = name.to_lowercase();
    let mut found = plan.people.iter().filter(|p| {
        p.name
            .split_whitespace()
            .any(|word| word.to_lowercase() == name)
    });
    match (found.next(), found.next()) {
        (Some(person), None) => Some(person.id.get_ref().clone()),
        _ => None,
    }
}
