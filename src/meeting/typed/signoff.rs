//! A sign-off line: `deferred @Siobhán until she has read the escalation
//! path` read into the decision, who gave it and why.

use super::people::{People, name_at};
use super::quick::name_shaped;
use crate::meeting::capture::SignoffDecision;

/// A sign-off line read: the decision, who gave it (as typed, and the
/// person matched) and why, in their words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignoffLine {
    pub decision: SignoffDecision,
    pub by: Option<(String, Option<String>)>,
    pub reason: String,
}

/// Read a sign-off line: `approved @ola`, `rejected by Raj`, `deferred
/// @Siobhán until she has read the escalation path`. The first decision
/// word decides; after it, the same words are part of the reason.
pub fn signoff_line(line: &str, people: People) -> Option<SignoffLine> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut decision = None;
    let mut by = None;
    let mut reason = Vec::new();
    let mut at = 0;
    while let Some(&word) = words.get(at) {
        at += 1;
        let lower = word.to_lowercase();
        let lower = lower.trim_end_matches([',', '.', ';', ':']);
        // One-letter answers only count as the whole first word.
        let short = at == 1 && matches!(lower, "a" | "d" | "r");
        let said = match lower {
            "approved" | "approve" | "yes" => Some(SignoffDecision::Approved),
            "deferred" | "defer" | "later" => Some(SignoffDecision::Deferred),
            "rejected" | "reject" | "no" => Some(SignoffDecision::Rejected),
            "a" if short => Some(SignoffDecision::Approved),
            "d" if short => Some(SignoffDecision::Deferred),
            "r" if short => Some(SignoffDecision::Rejected),
            _ => None,
        };
        if decision.is_none() && said.is_some() {
            decision = said;
            continue;
        }
        if by.is_some() {
            reason.push(word);
            continue;
        }
        let after_by = lower == "by" && at < words.len();
        let named = if after_by {
            at += 1;
            Some(&words[at - 1..])
        } else if word.strip_prefix('@').is_some_and(name_shaped) {
            // `@SUM(1+1)` is no name: it stays in the reason as typed.
            Some(&words[at - 1..])
        } else {
            None
        };
        if let Some(named) = named {
            let mut named = named.to_vec();
            named[0] = named[0].trim_start_matches('@');
            let (used, typed, id) = name_at(&named, people);
            if !typed.is_empty() {
                at += used - 1;
                by = Some((typed, id));
                continue;
            }
        } else if let Some(id) = people.find(word.trim_end_matches([',', '.', ';', ':'])) {
            // A name without @ before the reason starts: `Ola approved`.
            if reason.is_empty() {
                by = Some((word.to_owned(), Some(id)));
                continue;
            }
        }
        reason.push(word);
    }
    Some(SignoffLine {
        decision: decision?,
        by,
        reason: reason.join(" "),
    })
}
