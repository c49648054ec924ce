//! Item ids: the kind's letter and a counter per kind (A-1, A-2, D-1 …),
//! unique across every meeting of a plan and clear of the plan's own ids,
//! so a risk raised after the plan's R-3 is R-4.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::plan::model::Plan;

/// No meeting numbers its items anywhere near this; a number past it, read
/// from a damaged or hostile file, takes nothing, so counting never overflows.
pub const MOST_ITEMS: u64 = 1 << 32;

/// The highest number taken so far for each id letter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Ids(BTreeMap<String, u64>);

impl Ids {
    /// The numbers the plan's own risks, issues, customer tasks and change
    /// requests already use.
    pub fn of_plan(plan: &Plan) -> Self {
        let mut ids = Ids::default();
        let taken = plan
            .risks
            .iter()
            .map(|r| &r.id)
            .chain(plan.issues.iter().map(|i| &i.id))
            .chain(plan.customer_tasks.iter().map(|t| &t.id))
            .chain(
                plan.financials
                    .iter()
                    .flat_map(|f| &f.changes)
                    .map(|c| &c.id),
            );
        for id in taken {
            ids.saw(id.get_ref());
        }
        ids
    }

    /// Note an id that is taken: `R-3` takes R's numbers up to 3. Ids of
    /// another shape take nothing.
    pub fn saw(&mut self, id: &str) {
        let Some((letter, number)) = id.rsplit_once('-') else {
            return;
        };
        let Ok(number) = number.parse::<u64>() else {
            return;
        };
        if number >= MOST_ITEMS {
            return;
        }
        let highest = self.0.entry(letter.to_owned()).or_default();
        *highest = (*highest).max(number);
    }

    /// Everything `other` has taken is taken here too.
    pub fn merge(&mut self, other: &Ids) {
        for (letter, number) in other.0.iter().filter(|(_, n)| **n < MOST_ITEMS) {
            let highest = self.0.entry(letter.clone()).or_default();
            *highest = (*highest).max(*number);
        }
    }

    /// The next free id of this series, now taken.
    pub fn take(&mut self, letter: &str) -> String {
        let highest = self.0.entry(letter.to_owned()).or_default();
        *highest = highest.saturating_add(1);
        format!("{letter}-{highest}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_letter_counts_on_from_the_highest_taken() {
        let mut ids = Ids::default();
        ids.saw("R-3");
        ids.saw("R-1");
        ids.saw("CT-2");
        ids.saw("not-an-id");
        ids.saw("A6");
        assert_eq!(ids.take("R"), "R-4");
        assert_eq!(ids.take("A"), "A-1");
        assert_eq!(ids.take("A"), "A-2");
        assert_eq!(ids.take("R"), "R-5");
        let mut other = Ids::default();
        other.saw("A-9");
        ids.merge(&other);
        assert_eq!(ids.take("A"), "A-10");
    }

    #[test]
    fn a_number_no_meeting_reaches_takes_nothing() {
        let mut ids = Ids::default();
        ids.saw("A-9223372036854775807");
        ids.saw("A-18446744073709551615");
        let hostile: Ids = toml::from_str("A = 18446744073709551615").unwrap();
        ids.merge(&hostile);
        assert_eq!(ids.take("A"), "A-1");
    }
}
