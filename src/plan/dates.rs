//! Calendar dates in the plan: TOML dates (`2026-12-01`) or the same as a
//! quoted string, which PMs often write. A date with a time is refused.

use jiff::civil::Date;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use std::fmt;

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date like 2026-12-01")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Date, E> {
        let datetime: toml::value::Datetime = text.trim().parse().map_err(|_| {
            E::custom(format!(
                "`{text}` is not a date; write it as YYYY-MM-DD, like 2026-12-01"
            ))
        })?;
        civil_date(datetime)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Date, A::Error> {
        let datetime: toml::value::Datetime =
            de::Deserialize::deserialize(de::value::MapAccessDeserializer::new(map))?;
        civil_date(datetime)
    }
}

fn civil_date<E: de::Error>(datetime: toml::value::Datetime) -> Result<Date, E> {
    match (datetime.date, datetime.time) {
        (Some(d), None) => Date::new(d.year as i16, d.month as i8, d.day as i8)
            .map_err(|_| E::custom(format!("{datetime} is not a day on the calendar"))),
        (Some(_), Some(_)) => Err(E::custom(format!(
            "{datetime} has a time of day; write only the date, like 2026-12-01"
        ))),
        (None, _) => Err(E::custom(format!(
            "{datetime} is a time, not a date; write a date like 2026-12-01"
        ))),
    }
}

/// `deserialize_with` for a required date.
pub fn date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
    deserializer.deserialize_any(DateVisitor)
}

/// `deserialize_with` for an optional date (use with `#[serde(default)]`).
pub fn optional_date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Date>, D::Error> {
    date(deserializer).map(Some)
}
