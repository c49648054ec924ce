//! The next meeting, as the customer agreed it at the end of this one:
//! typed in the last field of the meeting (`2026-12-14 10:00`, `fri 10:00`,
//! `+2w 10:00`, or a date alone), kept in the record's header, and sent as
//! an invitation beside the record.

use std::fmt;

use jiff::civil::{Date, Time};
use serde::{Deserialize, Serialize};

use super::typed::quick::due_date;
use super::typed::quoted;

/// A day, and the time on it when one was agreed (in the meeting's zone).
/// Kept in the record as one value, `next = "2026-12-14 10:00"`, so the
/// header stays a table of plain keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NextMeeting {
    pub date: Date,
    pub time: Option<Time>,
}

impl From<NextMeeting> for String {
    fn from(next: NextMeeting) -> String {
        match next.time {
            Some(time) => format!("{} {}", next.date, time.strftime("%H:%M")),
            None => next.date.to_string(),
        }
    }
}

impl TryFrom<String> for NextMeeting {
    type Error = String;

    fn try_from(text: String) -> Result<NextMeeting, String> {
        let (day, time) = match text.split_once(' ') {
            Some((day, time)) => (day, Some(time)),
            None => (text.as_str(), None),
        };
        let date = day
            .parse::<Date>()
            .map_err(|_| format!("next: {text:?} is not YYYY-MM-DD HH:MM"))?;
        let time = match time {
            Some(time) => Some(
                read_time(time).ok_or_else(|| format!("next: {text:?} is not YYYY-MM-DD HH:MM"))?,
            ),
            None => None,
        };
        Ok(NextMeeting { date, time })
    }
}

/// What the field says when it cannot read the text: how to write it.
pub const HOW: &str = "Type the day and time as agreed: 2026-12-14 10:00, fri 10:00 or +2w 10:00.";

/// Read the field: nothing (no date agreed), or a day with an optional
/// `HH:MM` after it. A day in the past is refused: it is a typo.
pub fn read(text: &str, today: Date) -> Result<Option<NextMeeting>, String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let (day, time) = match words[..] {
        [] => return Ok(None),
        [day] => (day, None),
        [day, time] => (day, Some(time)),
        _ => return Err(HOW.to_owned()),
    };
    let date =
        due_date(day, today).ok_or_else(|| format!("\"{}\" is not a day. {HOW}", quoted(day)))?;
    if date < today {
        return Err(format!("{date} has passed. {HOW}"));
    }
    let time = match time {
        None => None,
        Some(time) => Some(
            read_time(time).ok_or_else(|| format!("\"{}\" is not a time. {HOW}", quoted(time)))?,
        ),
    };
    Ok(Some(NextMeeting { date, time }))
}

/// `10:00`, `9:30` or `14h30`.
fn read_time(text: &str) -> Option<Time> {
    let (hour, minute) = text.split_once([':', 'h', '.'])?;
    let hour: i8 = hour.parse().ok()?;
    let minute: i8 = minute.parse().ok()?;
    Time::new(hour, minute, 0, 0).ok()
}

impl fmt::Display for NextMeeting {
    /// "Mon 14 Dec 2026, 10:00", as the screen, the minutes and the report say it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date.strftime("%a %-d %b %Y"))?;
        if let Some(time) = self.time {
            write!(f, ", {}", time.strftime("%H:%M"))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    // Friday 4 December 2026.
    const TODAY: Date = date(2026, 12, 4);

    #[test]
    fn a_date_and_a_time_as_the_customer_says_them() {
        let at = |d: Date, h: i8, m: i8| {
            Ok(Some(NextMeeting {
                date: d,
                time: Some(Time::new(h, m, 0, 0).unwrap()),
            }))
        };
        assert_eq!(
            read("2026-12-14 10:00", TODAY),
            at(date(2026, 12, 14), 10, 0)
        );
        assert_eq!(read("fri 10:00", TODAY), at(date(2026, 12, 11), 10, 0));
        assert_eq!(read("+2w 9:30", TODAY), at(date(2026, 12, 18), 9, 30));
        assert_eq!(read("  Mon   14h30 ", TODAY), at(date(2026, 12, 7), 14, 30));
    }

    #[test]
    fn a_date_alone_and_nothing_at_all() {
        assert_eq!(
            read("2027-01-11", TODAY),
            Ok(Some(NextMeeting {
                date: date(2027, 1, 11),
                time: None
            }))
        );
        assert_eq!(read("   ", TODAY), Ok(None));
    }

    #[test]
    fn what_cannot_be_read_says_how_to_write_it() {
        for text in [
            "next week",
            "2026-12-14 25:00",
            "soon 10:00",
            "2026-11-30 10:00",
            "fri 10",
        ] {
            let why = read(text, TODAY).unwrap_err();
            assert!(why.ends_with(HOW), "{text}: {why}");
        }
    }

    #[test]
    fn it_is_kept_as_one_value_and_read_back() {
        for text in ["2026-12-14 10:00", "2027-01-11"] {
            let next = NextMeeting::try_from(text.to_owned()).unwrap();
            assert_eq!(String::from(next), text);
        }
        assert!(NextMeeting::try_from("14/12/2026".to_owned()).is_err());
    }

    #[test]
    fn it_is_said_with_its_weekday() {
        let next = NextMeeting {
            date: date(2026, 12, 14),
            time: Some(Time::new(10, 0, 0, 0).unwrap()),
        };
        assert_eq!(next.to_string(), "Mon 14 Dec 2026, 10:00");
    }
}
