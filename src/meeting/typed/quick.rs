//! Quick capture: `Send the plan @sam due:+3d #internal` read into its
//! words, its owner, its due date and whether it is internal.

use jiff::civil::{Date, Weekday};

use super::people::{People, name_at};

/// An action's line after quick capture: `Send the plan @sam due:+3d`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuickCapture {
    pub text: String,
    /// The `@name` as typed, and the person it matched (if any).
    pub owner: Option<(String, Option<String>)>,
    pub due: Option<Date>,
    /// `#internal` in a risk or issue keeps it off the shared screen.
    pub internal: bool,
    /// A `due:` that could not be read, as typed.
    pub bad_due: Option<String>,
    /// A second `@name` after the owner, as typed: an item has one owner,
    /// and neither name may be dropped without a word.
    pub second_owner: Option<String>,
    /// A second `due:` after the first, as typed: an item has one due
    /// date, and the later one may not quietly replace the earlier.
    pub second_due: Option<String>,
}

/// Whether the word after an `@` can be a name: letters, digits and the
/// marks names carry (`O'Brien`, `Anne-Marie`, `j.smith`). `@SUM(1+1)`
/// cannot, and stays in the text as typed.
pub(super) fn name_shaped(word: &str) -> bool {
    let word = word.trim_end_matches([',', '.', ';', ':']);
    !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '\'' | '’'))
}

/// Read `@person`, `due:` and `#internal` out of a typed line.
pub fn quick_capture(line: &str, people: People, today: Date) -> QuickCapture {
    let mut kept = Vec::new();
    let mut quick = QuickCapture {
        text: String::new(),
        owner: None,
        due: None,
        internal: false,
        bad_due: None,
        second_owner: None,
        second_due: None,
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut at = 0;
    while let Some(&word) = words.get(at) {
        at += 1;
        if let Some(name) = word.strip_prefix('@').filter(|n| name_shaped(n)) {
            let mut named = words[at - 1..].to_vec();
            named[0] = name;
            let (used, typed, id) = name_at(&named, people);
            if !typed.is_empty() {
                at += used - 1;
                if quick.owner.is_some() {
                    quick.second_owner.get_or_insert(typed);
                } else {
                    quick.owner = Some((typed, id));
                }
                continue;
            }
            kept.push(word);
        } else if let Some(when) = word.strip_prefix("due:") {
            if quick.due.is_some() || quick.bad_due.is_some() {
                quick.second_due.get_or_insert(when.to_owned());
                continue;
            }
            match due_date(when, today) {
                Some(date) => quick.due = Some(date),
                None => quick.bad_due = Some(when.to_owned()),
            }
        } else if word.eq_ignore_ascii_case("#internal") {
            quick.internal = true;
        } else {
            kept.push(word);
        }
    }
    quick.text = kept.join(" ");
    quick
}

/// `2026-12-01`, `+3d`, `+2w`, `today`, `tomorrow`, or a weekday (`fri`,
/// `friday`: the next one).
pub fn due_date(when: &str, today: Date) -> Option<Date> {
    if let Ok(date) = when.parse::<Date>() {
        return Some(date);
    }
    match when.to_lowercase().as_str() {
        "today" => return Some(today),
        "tomorrow" => return today.tomorrow().ok(),
        _ => {}
    }
    if let Some(n) = when.strip_prefix('+') {
        // The unit is the last character, whatever its width in bytes.
        let unit = n.chars().next_back()?;
        let count = &n[..n.len() - unit.len_utf8()];
        let count: i64 = count.parse().ok().filter(|c| (0..=3650).contains(c))?;
        let days = match unit {
            'd' => count,
            'w' => count * 7,
            _ => return None,
        };
        return today.checked_add(jiff::Span::new().days(days)).ok();
    }
    // A weekday, written at least as far as its first three letters.
    let lower = when.to_lowercase();
    let weekday = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ]
    .into_iter()
    .find(|(name, _)| lower.chars().count() >= 3 && name.starts_with(&lower))?
    .1;
    today.nth_weekday(1, weekday).ok()
}
