//! Warnings: things a plan may hold but a PM should think twice about before
//! showing it to an unhappy customer.

use super::diagnostics::Diagnostic;
use super::model::{AgendaName, OverallSetting, Plan};
use crate::agenda::default_agenda;

pub fn warnings(plan: &Plan, source: &str) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    promises_without_buffer(plan, &mut found);
    stale_forecasts(plan, &mut found);
    sponsor_absent(plan, &mut found);
    jargon(plan, source, &mut found);
    colour_without_evidence(plan, &mut found);
    missing_owners_and_dates(plan, &mut found);
    found.extend(placeholders(plan, source));
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

/// A forecast already in the past on the status date, for a milestone not
/// done: either it finished (say so) or the forecast is no longer true.
fn stale_forecasts(plan: &Plan, found: &mut Vec<Diagnostic>) {
    let Some(as_of) = plan.status.as_of else {
        return;
    };
    for m in plan.milestones.iter().filter(|m| m.done.is_none()) {
        let forecast = m.expected();
        if forecast < as_of {
            found.push(
                Diagnostic::warning(
                    "stale-forecast",
                    format!(
                        "milestone \"{}\" is forecast for {forecast}, before the status date {as_of}, and is not done",
                        m.name.get_ref()
                    ),
                )
                .at(m.name.span())
                .hint("give it a new forecast date, or done = YYYY-MM-DD if it has finished"),
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

/// `no-followups`: the plan's own `[[agenda]]` reviews nothing from
/// before, while earlier meetings left `open` actions or customer tasks.
/// (The built-in agendas add a follow-ups section themselves; a plan's own
/// is used as written.) `open` is counted from the records by the caller,
/// as the plan alone cannot say.
pub fn no_followups(plan: &Plan, source: &str, open: usize) -> Option<Diagnostic> {
    let reviews = plan
        .agenda
        .iter()
        .any(|s| s.kind == crate::agenda::SectionKind::Followups);
    if plan.agenda.is_empty() || reviews || open == 0 {
        return None;
    }
    let things = if open == 1 { "item is" } else { "items are" };
    let span = source
        .find("[[agenda]]")
        .map(|at| at..at + "[[agenda]]".len());
    Some(
        Diagnostic::warning(
            "no-followups",
            format!(
                "the plan's own agenda has no follow-ups section, and {open} {things} still open from earlier meetings"
            ),
        )
        .at_opt(span)
        .hint("add an [[agenda]] entry with kind = \"followups\" after the welcome, so what was promised is reviewed"),
    )
}

/// The example values `resetpoint new` writes, for the PM to replace
/// before a customer sees them. A test checks each is in
/// `assets/starter.toml`, so the two cannot drift apart.
const STARTER_EXAMPLES: [&str; 11] = [
    "Your project",
    "Your customer",
    "One sentence the customer would agree describes the project.",
    "What success looks like, in the customer's words",
    "What we deliver",
    "What we do not deliver",
    "One line: where the project stands and what happens next.",
    "Something finished since the last meeting",
    "An issue the customer should know about",
    "A risk worth sharing early",
    "What we do about it",
];

/// The starter's example people: (id, name).
const STARTER_PEOPLE: [(&str, &str); 3] = [
    ("lee", "Lee Park"),
    ("alex", "Alex Morgan"),
    ("robin", "Robin Diaz"),
];

/// The starter's example milestone: (name, baseline, promised).
const STARTER_MILESTONE: (&str, &str, &str) = ("Design approved", "2027-01-15", "2027-01-29");

/// `placeholder`: the starter's example names, texts and dates still in
/// the plan. Each one would reach the customer's screen as it stands, so
/// the plan is not ready while any is left.
pub fn placeholders(plan: &Plan, source: &str) -> Vec<Diagnostic> {
    let p = &plan.project;
    let mut texts: Vec<(String, &str)> = vec![
        ("the project name".into(), p.name.as_str()),
        ("the customer".into(), p.customer.as_str()),
        ("the project summary".into(), p.summary.as_str()),
        ("the status headline".into(), plan.status.headline.as_str()),
    ];
    let lists = [
        ("an objective", &p.objectives),
        ("in_scope", &p.in_scope),
        ("out_of_scope", &p.out_of_scope),
        ("an accomplishment", &plan.status.accomplishments),
    ];
    for (where_, list) in lists {
        texts.extend(list.iter().map(|t| (where_.to_owned(), t.as_str())));
    }
    for i in &plan.issues {
        texts.push((format!("issue {}", i.id.get_ref()), &i.title));
    }
    for r in &plan.risks {
        texts.push((format!("risk {}", r.id.get_ref()), &r.title));
        texts.push((format!("the plan of risk {}", r.id.get_ref()), &r.plan));
    }
    let mut found: Vec<Diagnostic> = texts
        .into_iter()
        .filter(|(_, text)| STARTER_EXAMPLES.contains(text))
        .map(|(where_, text)| {
            Diagnostic::warning(
                "placeholder",
                format!("{where_} is still the starter plan's example \"{text}\""),
            )
            .at_opt(quoted(source, text))
            .hint("write your own before the meeting: the customer would read this on the screen")
        })
        .collect();
    for person in &plan.people {
        let id = person.id.get_ref();
        if STARTER_PEOPLE.contains(&(id.as_str(), person.name.as_str())) {
            found.push(
                Diagnostic::warning(
                    "placeholder",
                    format!(
                        "person `{id}` is still the starter plan's example \"{}\"",
                        person.name
                    ),
                )
                .at_opt(quoted(source, &person.name))
                .hint(
                    "put the real people of both sides in [[people]], with their names and roles",
                ),
            );
        }
    }
    let (name, baseline, promised) = STARTER_MILESTONE;
    for m in &plan.milestones {
        let example_dates = m.baseline.to_string() == baseline
            && m.promised_date().is_some_and(|d| d.to_string() == promised);
        if m.name.get_ref() == name && example_dates {
            found.push(
                Diagnostic::warning(
                    "placeholder",
                    format!("milestone \"{}\" is still the starter plan's example, with its dates", m.name.get_ref()),
                )
                .at(m.name.span())
                .hint("replace it with a real milestone: its baseline, forecast and the date promised to the customer"),
            );
        }
    }
    found
}

/// Where `text` is written in the file as a TOML string, inside its quotes.
fn quoted(source: &str, text: &str) -> Option<std::ops::Range<usize>> {
    let at = source.find(&format!("\"{text}\""))? + 1;
    Some(at..at + text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plans_own_agenda_without_followups_is_warned_only_when_something_is_open() {
        let plan = |agenda: &str| {
            let text = format!("[project]\nname = \"P\"\ncustomer = \"C\"\n{agenda}");
            crate::plan::load_bytes("p.toml", text.as_bytes())
                .plan
                .unwrap()
        };
        let no_review = "[[agenda]]\nkind = \"welcome\"\n[[agenda]]\nkind = \"raid\"\n";
        let source = format!("[project]\nname = \"P\"\ncustomer = \"C\"\n{no_review}");
        let warned = no_followups(&plan(no_review), &source, 3).expect("a warning");
        assert_eq!(warned.code, "no-followups");
        assert!(
            warned.message.contains("3 items are still open"),
            "{}",
            warned.message
        );
        let at = warned.span.clone().expect("a place in the file");
        assert_eq!(&source[at.clone()], "[[agenda]]");
        assert_eq!(
            at.start,
            source.find("[[agenda]]").unwrap(),
            "the first one"
        );
        assert!(
            no_followups(&plan(no_review), &source, 0).is_none(),
            "nothing open"
        );
        let reviews = "[[agenda]]\nkind = \"welcome\"\n[[agenda]]\nkind = \"followups\"\n";
        assert!(no_followups(&plan(reviews), "", 3).is_none());
        assert!(
            no_followups(&plan(""), "", 3).is_none(),
            "built-in agendas carry follow-ups over themselves"
        );
    }

    #[test]
    fn every_starter_example_is_in_the_starter_plan() {
        let starter = include_str!("../../assets/starter.toml");
        for text in STARTER_EXAMPLES {
            assert!(starter.contains(&format!("\"{text}\"")), "{text}");
        }
        for (id, name) in STARTER_PEOPLE {
            assert!(
                starter.contains(&format!("id = \"{id}\"\nname = \"{name}\"")),
                "{id}"
            );
        }
        let (name, baseline, promised) = STARTER_MILESTONE;
        assert!(starter.contains(&format!("name = \"{name}\"\nbaseline = {baseline}")));
        assert!(starter.contains(&format!("promised = {promised}")));
    }

    fn placeholder_warnings(text: &str) -> Vec<String> {
        crate::plan::load_bytes("p.toml", text.as_bytes())
            .warnings()
            .filter(|d| d.code == "placeholder")
            .map(|d| d.message.clone())
            .collect()
    }

    #[test]
    fn the_untouched_starter_names_each_example_left() {
        let starter = include_str!("../../assets/starter.toml");
        let found = placeholder_warnings(starter);
        for expected in [
            "the project name is still the starter plan's example \"Your project\"",
            "the customer is still the starter plan's example \"Your customer\"",
            "person `robin` is still the starter plan's example \"Robin Diaz\"",
            "milestone \"Design approved\" is still the starter plan's example, with its dates",
            "risk R-1 is still the starter plan's example \"A risk worth sharing early\"",
        ] {
            assert!(
                found.iter().any(|f| f == expected),
                "{expected}: {found:#?}"
            );
        }
    }

    #[test]
    fn a_plan_written_over_the_starter_has_no_placeholder_left() {
        let starter = include_str!("../../assets/starter.toml");
        let mut own = starter.to_owned();
        for (n, text) in STARTER_EXAMPLES.iter().enumerate() {
            own = own.replace(&format!("\"{text}\""), &format!("\"Real text {n}\""));
        }
        for (_, name) in STARTER_PEOPLE {
            own = own.replace(name, &format!("{name}son"));
        }
        own = own.replace(STARTER_MILESTONE.0, "Designs signed off");
        assert_eq!(placeholder_warnings(&own), Vec::<String>::new());
        // A real milestone that happens to share the example's name stays quiet.
        let renamed = starter.replace("baseline = 2027-01-15", "baseline = 2027-01-14");
        assert!(
            !placeholder_warnings(&renamed)
                .iter()
                .any(|w| w.starts_with("milestone"))
        );
    }

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
