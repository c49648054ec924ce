//! Who an `@name` in a typed line means: the plan's people and the guests
//! added in the room, found by id, full name or first name.

use crate::plan::model::Plan;

/// Who an `@name` can mean: the plan's people, and the guests added in the
/// room (a guest's id is the name they were added with).
#[derive(Debug, Clone, Copy)]
pub struct People<'a> {
    pub plan: &'a Plan,
    pub guests: &'a [String],
}

impl<'a> People<'a> {
    pub fn of(plan: &'a Plan) -> Self {
        People { plan, guests: &[] }
    }

    /// The person whose name or id is nearest to `name`, for "did you
    /// mean …?", when one is close enough to be a slip of the keys.
    pub fn nearest(&self, name: &str) -> Option<String> {
        let name = name.to_lowercase();
        let score = |candidate: &str| strsim::jaro_winkler(&name, &candidate.to_lowercase());
        let plan = self.plan.people.iter().map(|p| {
            let first = p.name.split_whitespace().next().unwrap_or_default();
            let best = [p.id.get_ref().as_str(), p.name.as_str(), first]
                .into_iter()
                .map(score)
                .fold(0.0, f64::max);
            (best, p.name.clone())
        });
        let guests = self.guests.iter().map(|g| (score(g), g.clone()));
        // The start of a name is a shortening, not a slip: `@jen` for
        // `jennifer` is offered whatever the fuzzy score says.
        let starts = |candidate: &str| {
            name.chars().count() >= 2 && candidate.to_lowercase().starts_with(&name)
        };
        let shortened = self.plan.people.iter().find(|p| {
            let first = p.name.split_whitespace().next().unwrap_or_default();
            [p.id.get_ref().as_str(), p.name.as_str(), first]
                .into_iter()
                .any(starts)
        });
        if let Some(person) = shortened {
            return Some(person.name.clone());
        }
        // The same closeness `check` asks for before it says "did you mean".
        plan.chain(guests)
            .filter(|(s, _)| *s >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, name)| name)
    }

    /// The id of the person `name` means: an id, a full name or a first
    /// name, ignoring case; the plan's people before guests.
    pub fn find(&self, name: &str) -> Option<String> {
        let name = name.to_lowercase();
        let first = |full: &str| {
            full.split_whitespace()
                .next()
                .is_some_and(|f| f.to_lowercase() == name)
        };
        let people = &self.plan.people;
        people
            .iter()
            .find(|p| p.id.get_ref().to_lowercase() == name)
            .or_else(|| people.iter().find(|p| p.name.to_lowercase() == name))
            .or_else(|| people.iter().find(|p| first(&p.name)))
            .map(|p| p.id.get_ref().clone())
            .or_else(|| {
                let guests = self.guests;
                guests
                    .iter()
                    .find(|g| g.to_lowercase() == name)
                    .or_else(|| guests.iter().find(|g| first(g)))
                    .cloned()
            })
    }
}

/// The most words a person's name is looked for in after an `@`.
const LONGEST_NAME: usize = 4;

/// The person named at the start of `words` (its first word without the
/// `@`): the most words that name someone, so `@Zoë Krüger` is one person;
/// else the first word alone, unmatched. Returns the words used, the name
/// as typed and the person's id.
pub(super) fn name_at(words: &[&str], people: People) -> (usize, String, Option<String>) {
    let trim = |w: &str| w.trim_end_matches([',', '.', ';', ':']).to_owned();
    for count in (1..=words.len().min(LONGEST_NAME)).rev() {
        let typed = trim(&words[..count].join(" "));
        // A name does not run on past punctuation: `@ola, then Sam`.
        let runs_on = words[..count - 1]
            .iter()
            .any(|w| w.ends_with([',', '.', ';', ':']));
        if runs_on || typed.is_empty() {
            continue;
        }
        if let Some(id) = people.find(&typed) {
            return (count, typed, Some(id));
        }
    }
    (1, trim(words[0]), None)
}
