//! Warnings: things a plan may hold but a PM should think twice about before
//! showing it to an unhappy customer.

use super::diagnostics::Diagnostic;
use super::model::{AgendaName, OverallSetting, Plan};
use crate::agenda::default_agenda;

pub fn warnings(plan: &Plan, source: &str) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    promises_without_buffer(plan, &mut found);
    sponsor_absent(plan, &mut found);
    jargon(plan, source, &mut found);
    colour_without_evidence(plan, &mut found);
    missing_owners_and_dates(plan, &mut found);
    found
}

fn promises_without_buffer(plan: &Plan, found: &mut Vec<Diagnostic>) {
    for m in plan.milestones.iter().filter(|m| m.done.is_none()) {
        let Some(promised) = &m.promised else {
            continue;
        };
        let (promised_date, forecast) = (promised.get_ref().0, m.expected());
        let name = m.name.get_ref();
        if promised_date < forecast {
            found.push(
                Diagnostic::warning(
                    "no-buffer",
                    format!("milestone \"{name}\" is promised for {promised_date}, before its forecast {forecast}: this promise will be broken"),
                )
                .at(promised.span())
                .hint("tell the customer now, and agree a new date with a buffer after the forecast"),
            );
        } else if promised_date == forecast {
            found.push(
                Diagnostic::warning(
                    "no-buffer",
                    format!("milestone \"{name}\" is promised for {promised_date}, the forecast itself, with no buffer"),
                )
                .at(promised.span())
                .hint("promise a date with a buffer after the forecast: estimate 10–12 weeks, promise 12–14"),
            );
        }
    }
}

fn sponsor_absent(plan: &Plan, found: &mut Vec<Diagnostic>) {
    let reset_point = plan.agenda.is_empty() && default_agenda(plan) == AgendaName::ResetPoint;
    if !reset_point {
        return;
    }
    let span = plan.meeting.agenda.as_ref().map(|a| a.span());
    match &plan.project.sponsor {
        None => found.push(
            Diagnostic::warning("sponsor-absent", "a reset-point meeting, but the project names no sponsor")
                .at_opt(span)
                .hint("add sponsor = \"…\" to [project] and bring them: senior management takes part in a reset"),
        ),
        Some(sponsor) => {
            let id = sponsor.get_ref();
            if !plan.meeting.attendees.iter().any(|a| a.get_ref() == id) {
                found.push(
                    Diagnostic::warning(
                        "sponsor-absent",
                        format!("the sponsor `{id}` ({}) is not among the attendees of this reset-point meeting", plan.name_of(id)),
                    )
                    .at_opt(span)
                    .hint(format!("add \"{id}\" to [meeting] attendees: senior management takes part in a reset")),
                );
            }
        }
    }
}

/// Text the customer will read, with where it comes from.
fn customer_visible_text(plan: &Plan) -> Vec<(String, &str)> {
    let mut texts: Vec<(String, &str)> = Vec::new();
    let p = &plan.project;
    texts.push(("project summary".into(), &p.summary));
    texts.extend(
        p.objectives
            .iter()
            .map(|t| ("an objective".into(), t.as_str())),
    );
    texts.extend(p.in_scope.iter().map(|t| ("in_scope".into(), t.as_str())));
    texts.extend(
        p.out_of_scope
            .iter()
            .map(|t| ("out_of_scope".into(), t.as_str())),
    );
    texts.push(("the status headline".into(), &plan.status.headline));
    texts.extend(
        plan.status
            .accomplishments
            .iter()
            .map(|t| ("an accomplishment".into(), t.as_str())),
    );
    for m in plan.milestones.iter().filter(|m| m.visible) {
        texts.push((
            format!("milestone \"{}\"", m.name.get_ref()),
            m.name.get_ref(),
        ));
    }
    for i in plan.issues.iter().filter(|i| i.visible) {
        texts.push((format!("issue {}", i.id.get_ref()), &i.title));
    }
    for r in plan.risks.iter().filter(|r| r.visible) {
        texts.push((format!("risk {}", r.id.get_ref()), &r.title));
        texts.push((format!("risk {}", r.id.get_ref()), &r.plan));
    }
    let c = &plan.communication;
    texts.extend(
        c.rules
            .iter()
            .map(|t| ("a meeting rule".into(), t.as_str())),
    );
    texts.extend(
        c.escalation
            .iter()
            .map(|t| ("the escalation path".into(), t.as_str())),
    );
    for ch in &c.channels {
        texts.push((format!("channel \"{}\"", ch.what), &ch.what));
        texts.push((format!("channel \"{}\"", ch.what), &ch.method));
    }
    for t in &plan.customer_tasks {
        texts.push((format!("customer task {}", t.id.get_ref()), &t.title));
    }
    for pr in &plan.proposals {
        texts.push((format!("proposal \"{}\"", pr.title), &pr.title));
        texts.push((format!("proposal \"{}\"", pr.title), &pr.why));
    }
    for item in &plan.agenda {
        texts.extend(
            item.title
                .iter()
                .map(|t| ("an agenda title".into(), t.as_str())),
        );
        texts.extend(
            item.questions
                .iter()
                .map(|q| ("an agenda question".into(), q.as_str())),
        );
    }
    texts
}

/// Byte offset of `term` as a whole word in `text`, ignoring case.
pub fn find_term(text: &str, term: &str) -> Option<usize> {
    find_term_span(text, term).map(|found| found.start)
}

/// Where `term` stands as a whole word in `text`, ignoring case, as byte
/// offsets into `text` itself: the words found may be longer or shorter
/// than `term` (the Kelvin sign is three bytes, the k it folds to is one).
pub fn find_term_span(text: &str, term: &str) -> Option<std::ops::Range<usize>> {
    if term.is_empty() {
        return None;
    }
    if term.is_ascii() {
        // Fast path: no allocation for the common case of ASCII terms. An
        // ASCII byte only ever matches an ASCII byte, so the offsets hold.
        let (bytes, needle) = (text.as_bytes(), term.as_bytes());
        let is_word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
        return (0..bytes.len().saturating_sub(needle.len() - 1))
            .find(|&at| {
                bytes[at..at + needle.len()].eq_ignore_ascii_case(needle)
                    && !is_word(at.checked_sub(1).and_then(|i| bytes.get(i)))
                    && !is_word(bytes.get(at + needle.len()))
            })
            .map(|at| at..at + needle.len());
    }
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let needle: Vec<char> = term.chars().flat_map(char::to_lowercase).collect();
    text.char_indices()
        .filter(|&(at, _)| !is_word(text[..at].chars().next_back()))
        .find_map(|(at, _)| {
            let end = folded_match(&text[at..], &needle)? + at;
            (!is_word(text[end..].chars().next())).then_some(at..end)
        })
}

/// The byte length of the start of `text` that folds to exactly `needle`.
fn folded_match(text: &str, needle: &[char]) -> Option<usize> {
    let mut want = needle.iter();
    for (at, c) in text.char_indices() {
        if want.as_slice().is_empty() {
            return Some(at);
        }
        for folded in c.to_lowercase() {
            if want.next() != Some(&folded) {
                return None;
            }
        }
    }
    want.as_slice().is_empty().then_some(text.len())
}

fn jargon(plan: &Plan, source: &str, found: &mut Vec<Diagnostic>) {
    let glossary_line = source.find("glossary");
    for (term, meaning) in &plan.project.glossary {
        for (where_, text) in customer_visible_text(plan) {
            let Some(words) = find_term_span(text, term) else {
                continue;
            };
            if text.to_lowercase().contains(&meaning.to_lowercase()) {
                continue;
            }
            // Point at the text in the file when it is written there as it reads.
            let span = source
                .match_indices(text)
                .map(|(at, _)| at)
                .find(|at| Some(*at) != glossary_line)
                .map(|at| at + words.start..at + words.end);
            found.push(
                Diagnostic::warning(
                    "jargon",
                    format!("\"{term}\" in {where_} is jargon to the customer"),
                )
                .at_opt(span)
                .hint(format!("say it plainly: \"{meaning}\"")),
            );
        }
    }
}

fn colour_without_evidence(plan: &Plan, found: &mut Vec<Diagnostic>) {
    let Some(overall) = &plan.status.overall else {
        return;
    };
    if *overall.get_ref() != OverallSetting::Auto && plan.status.evidence.trim().is_empty() {
        found.push(
            Diagnostic::warning(
                "no-evidence",
                "the overall colour is set by hand with no evidence",
            )
            .at(overall.span())
            .hint("add evidence = \"…\" saying why, or set overall = \"auto\" to derive it"),
        );
    }
}

fn missing_owners_and_dates(plan: &Plan, found: &mut Vec<Diagnostic>) {
    for issue in plan.issues.iter().filter(|i| i.owner.is_none()) {
        found.push(
            Diagnostic::warning(
                "no-owner",
                format!("issue {} has no owner", issue.id.get_ref()),
            )
            .at(issue.id.span())
            .hint("add owner = \"…\": an issue nobody owns is not being worked"),
        );
    }
    for risk in plan.risks.iter().filter(|r| r.owner.is_none()) {
        found.push(
            Diagnostic::warning(
                "no-owner",
                format!("risk {} has no owner", risk.id.get_ref()),
            )
            .at(risk.id.span())
            .hint("add owner = \"…\": a risk nobody owns is not being watched"),
        );
    }
    for task in plan.customer_tasks.iter().filter(|t| t.due.is_none()) {
        found.push(
            Diagnostic::warning(
                "no-due-date",
                format!("customer task {} has no due date", task.id.get_ref()),
            )
            .at(task.id.span())
            .hint("add due = YYYY-MM-DD agreed with the customer"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_match_whole_words_only() {
        assert_eq!(find_term("Start UAT soon", "UAT"), Some(6));
        assert_eq!(find_term("EVALUATE it", "UAT"), None);
        assert_eq!(find_term("next Sprint", "sprint"), Some(5));
        assert_eq!(find_term("UAT", "UAT"), Some(0));
        assert_eq!(find_term("UA", "UAT"), None);
        assert_eq!(find_term("éUAT", "UAT"), None);
        assert_eq!(find_term("Prüfung läuft", "prüfung"), Some(0));
        // Case folding that changes lengths: the offsets are the text's own.
        assert_eq!(
            find_term_span("\u{212A} éx İİ", "ÉX"),
            Some(4..7),
            "after a Kelvin sign, which folds to one byte"
        );
        assert_eq!(find_term_span("İstanbul", "i̇stanbul"), Some(0..9));
        assert_eq!(find_term_span("\u{212A}é", "ké"), Some(0..5));
    }
}
