//! Which keys each table of the plan accepts, read from the serde types
//! themselves, and the hint for a key that is not one of them: a likely
//! typo, or a key that landed in the wrong table because it was written
//! below another table's header.

use serde::de::{self, Deserialize, Visitor};

use super::model::*;

/// The field names a serde struct accepts, asked of its `Deserialize` impl.
fn fields_of<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    struct Probe<'a>(&'a mut &'static [&'static str]);

    impl<'de> de::Deserializer<'de> for Probe<'_> {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(de::Error::custom("fields read"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }

    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Probe(&mut fields));
    fields
}

/// The top-level sections of a plan, in the order DESIGN.md gives them.
pub const SECTIONS: [&str; 15] = [
    "project",
    "meeting",
    "people",
    "status",
    "milestones",
    "financials",
    "issues",
    "risks",
    "communication",
    "customer_tasks",
    "proposals",
    "pushback",
    "agenda",
    "speaker_notes",
    "sources",
];

/// A table of the plan: its header as written in the file, and its keys.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub header: &'static str,
    pub keys: &'static [&'static str],
}

/// Every table of the plan file.
pub fn tables() -> Vec<Table> {
    vec![
        Table {
            header: "[project]",
            keys: fields_of::<Project>(),
        },
        Table {
            header: "[meeting]",
            keys: fields_of::<MeetingPlan>(),
        },
        Table {
            header: "[[people]]",
            keys: fields_of::<Person>(),
        },
        Table {
            header: "[status]",
            keys: fields_of::<Status>(),
        },
        Table {
            header: "[[milestones]]",
            keys: fields_of::<Milestone>(),
        },
        Table {
            header: "[financials]",
            keys: fields_of::<Financials>(),
        },
        Table {
            header: "[financials.thresholds]",
            keys: fields_of::<Thresholds>(),
        },
        Table {
            header: "[[financials.periods]]",
            keys: fields_of::<Period>(),
        },
        Table {
            header: "[[financials.changes]]",
            keys: fields_of::<ChangeRequest>(),
        },
        Table {
            header: "[[issues]]",
            keys: fields_of::<Issue>(),
        },
        Table {
            header: "[[risks]]",
            keys: fields_of::<Risk>(),
        },
        Table {
            header: "[communication]",
            keys: fields_of::<Communication>(),
        },
        Table {
            header: "[[communication.channels]]",
            keys: fields_of::<Channel>(),
        },
        Table {
            header: "[[customer_tasks]]",
            keys: fields_of::<CustomerTask>(),
        },
        Table {
            header: "[[proposals]]",
            keys: fields_of::<Proposal>(),
        },
        Table {
            header: "[[pushback]]",
            keys: fields_of::<Pushback>(),
        },
        Table {
            header: "[[agenda]]",
            keys: fields_of::<AgendaItem>(),
        },
        Table {
            header: "[[sources]]",
            keys: fields_of::<SheetSource>(),
        },
        Table {
            header: "[speaker_notes]",
            keys: &super::section_kind::KEYS,
        },
    ]
}

/// The table found at `section` and then `inner` keys (list indexes left out).
pub fn table_at(section: &str, inner: &[&str]) -> Option<Table> {
    let header = match (section, inner) {
        ("financials", ["thresholds"]) => "[financials.thresholds]".to_owned(),
        ("financials", ["periods"]) => "[[financials.periods]]".to_owned(),
        ("financials", ["changes"]) => "[[financials.changes]]".to_owned(),
        ("communication", ["channels"]) => "[[communication.channels]]".to_owned(),
        (s, []) => {
            let table = format!("[{s}]");
            let list = format!("[[{s}]]");
            return tables()
                .into_iter()
                .find(|t| t.header == table || t.header == list);
        }
        _ => return None,
    };
    tables().into_iter().find(|t| t.header == header)
}

/// The closest of `candidates` to `word`, if it is close enough to be a typo.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(word, c), *c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// How to fix an unknown `key` found in `table` (None for the top level).
pub fn unknown_key_hint(key: &str, table: Option<Table>) -> String {
    let candidates: Vec<&str> = match table {
        Some(t) => t.keys.to_vec(),
        None => SECTIONS.to_vec(),
    };
    if let Some(near) = closest(key, &candidates) {
        return format!("did you mean `{near}`?");
    }
    let here = table.map(|t| t.header);
    let owners: Vec<&str> = tables()
        .iter()
        .filter(|t| Some(t.header) != here && t.keys.contains(&key))
        .map(|t| t.header)
        .collect();
    if let Some(owner) = owners.first() {
        return match here {
            Some(here) => format!(
                "`{key}` is a key of {owner}, but it sits below the {here} header, and a key belongs to the table header above it; move this line up into {owner}"
            ),
            None => format!(
                "`{key}` is a key of {owner}; keys above the first header belong to no table, so move this line below {owner}"
            ),
        };
    }
    if SECTIONS.contains(&key) {
        return format!(
            "`{key}` is a section of its own; it cannot sit inside {}; move it to the top level",
            here.unwrap_or("another table")
        );
    }
    match table {
        Some(t) => format!("remove it; {} takes {}", t.header, list(t.keys)),
        None => format!("remove it; a plan has the sections {}", list(&SECTIONS)),
    }
}

fn list(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_come_from_the_model() {
        let risk = table_at("risks", &[]).unwrap();
        assert!(risk.keys.contains(&"probability"));
        assert!(risk.keys.contains(&"visible"));
        let periods = table_at("financials", &["periods"]).unwrap();
        assert_eq!(periods.keys, &["month", "planned", "actual"]);
    }

    #[test]
    fn a_typo_gets_a_did_you_mean() {
        let hint = unknown_key_hint("probabilty", table_at("risks", &[]));
        assert_eq!(hint, "did you mean `probability`?");
    }

    #[test]
    fn a_key_below_the_wrong_header_says_where_it_belongs() {
        let hint = unknown_key_hint("customer", table_at("milestones", &[]));
        assert!(hint.contains("[project]"), "{hint}");
        assert!(hint.contains("below the [[milestones]] header"), "{hint}");
    }
}
