//! Warnings: things a plan may hold but a PM should think twice about before
//! showing it to an unhappy customer.

use std::fmt;
use std::ops::Range;

use super::diagnostics::Diagnostic;
use super::model::{AgendaName, OverallSetting, Plan};

/// The keys holding text the customer reads, by section (a table or a list
/// of tables; `a.b` for a list of tables inside the table `a`). The loader
/// notes where each of these is written as it reads the file, so a jargon
/// warning points at its own field without searching the file for it.
const CUSTOMER_TEXT: &[(&str, &[&str])] = &[
    (
        "project",
        &["summary", "objectives", "in_scope", "out_of_scope"],
    ),
    ("status", &["headline", "accomplishments"]),
    ("issues", &["title"]),
    ("risks", &["title", "plan"]),
    ("communication", &["rules", "escalation", "channels"]),
    ("communication.channels", &["what", "method"]),
    ("customer_tasks", &["title", "help"]),
    ("proposals", &["title", "why"]),
    ("agenda", &["title", "questions", "notes"]),
    // Said aloud in the room, so held to the customer's words too.
    ("speaker_notes", &super::section_kind::KEYS),
];

/// The customer-visible keys of `section`, with the section's name as
/// [`Field`] spells it.
pub fn customer_text_keys(section: &str) -> Option<(&'static str, &'static [&'static str])> {
    CUSTOMER_TEXT
        .iter()
        .find(|(name, _)| *name == section)
        .copied()
}

/// One customer-visible text in the file: its section, the entry of a list
/// section (0 for a table), its key, and its item when the key holds a
/// list of texts (0 for one text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Field {
    pub section: &'static str,
    pub entry: usize,
    pub key: &'static str,
    pub item: usize,
}

impl Field {
    fn new(section: &'static str, entry: usize, key: &'static str, item: usize) -> Self {
        Field {
            section,
            entry,
            key,
            item,
        }
    }
}

/// Where each customer-visible text is written: the span of its TOML
/// string, quotes included. Noting costs a push, not a hash, for every
/// field of a large plan; the map to look them up by is built the first
/// time a warning needs one, so a plan warned about nothing never pays
/// for it, and one warned about every text pays once, not per warning.
#[derive(Debug, Default)]
pub struct FieldSpans {
    noted: Vec<(Field, Range<usize>)>,
    by_field: std::sync::OnceLock<std::collections::HashMap<Field, Range<usize>>>,
}

impl FieldSpans {
    /// Notes one text.
    pub fn note(&mut self, field: Field, span: Range<usize>) {
        self.noted.push((field, span));
    }

    fn get(&self, field: &Field) -> Option<Range<usize>> {
        self.by_field
            .get_or_init(|| {
                let mut map = std::collections::HashMap::with_capacity(self.noted.len());
                for (field, span) in &self.noted {
                    // The first place a field is written, as a search would find it.
                    map.entry(*field).or_insert_with(|| span.clone());
                }
                map
            })
            .get(field)
            .cloned()
    }
}

pub fn warnings(plan: &Plan, source: &str, fields: &FieldSpans) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    promises_without_buffer(plan, &mut found);
    stale_forecasts(plan, &mut found);
    sponsor_absent(plan, &mut found);
    jargon(plan, source, fields, &mut found);
    colour_without_evidence(plan, &mut found);
    missing_owners_and_dates(plan, &mut found);
    super::task_help::warnings(plan, &mut found);
    hidden_ids(plan, &mut found);
    found.extend(placeholders(plan, source));
    found
}

/// `hidden-id`: a public risk or issue numbered after an internal one of
/// the same series shows the customer a gap that tells of
/// something hidden. Warned once per internal id, at the first public id
/// past it.
fn hidden_ids(plan: &Plan, found: &mut Vec<Diagnostic>) {
    let number = |id: &str| -> Option<(String, u64)> {
        let (series, n) = id.rsplit_once('-')?;
        Some((series.to_owned(), n.parse().ok()?))
    };
    let risks = plan.risks.iter().map(|r| (&r.id, r.visible, "risk"));
    let issues = plan.issues.iter().map(|i| (&i.id, i.visible, "issue"));
    for items in [risks.collect::<Vec<_>>(), issues.collect::<Vec<_>>()] {
        for (hidden, _, kind) in items.iter().filter(|(_, visible, _)| !visible) {
            let Some((series, at)) = number(hidden.get_ref()) else {
                continue;
            };
            let past = items
                .iter()
                .filter(|(_, visible, _)| *visible)
                .filter_map(|(id, _, _)| Some((*id, number(id.get_ref())?)))
                .filter(|(_, (s, n))| *s == series && *n > at)
                .min_by_key(|(_, (_, n))| *n);
            if let Some((public, _)) = past {
                found.push(
                    Diagnostic::warning(
                        "hidden-id",
                        format!(
                            "{kind} {} is shown to the customer after the internal {}: the gap in the numbers tells of something hidden",
                            public.get_ref(),
                            hidden.get_ref()
                        ),
                    )
                    .at(public.span())
                    .hint(format!(
                        "number internal ones in a series of their own (I{}-1) or after the public ones",
                        series
                    )),
                );
            }
        }
    }
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
    let reset_point = plan.agenda.is_empty() && plan.default_agenda() == AgendaName::ResetPoint;
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

/// Which text of the plan a warning speaks of, in its words: made into
/// words only for the texts warned about.
#[derive(Debug, Clone, Copy)]
enum Whose<'p> {
    /// "the status headline", "an objective"
    Plain(&'static str),
    /// "risk R-3"
    Id(&'static str, &'p str),
    /// "milestone \"Go live\""
    Named(&'static str, &'p str),
}

impl fmt::Display for Whose<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Whose::Plain(what) => f.write_str(what),
            Whose::Id(kind, id) => write!(f, "{kind} {id}"),
            Whose::Named(kind, name) => write!(f, "{kind} \"{name}\""),
        }
    }
}

/// Where a customer-visible text is written in the file.
#[derive(Debug, Clone)]
enum Written {
    /// A field the loader noted (see [`CUSTOMER_TEXT`]).
    Field(Field),
    /// A value the plan keeps with its span.
    At(Range<usize>),
}

/// One text the customer will read: whose it is, where it is written, and
/// the text itself.
type CustomerText<'p> = (Whose<'p>, Written, &'p str);

fn field(section: &'static str, entry: usize, key: &'static str, item: usize) -> Written {
    Written::Field(Field::new(section, entry, key, item))
}

/// Each text of a list of texts in a table section.
fn list<'p>(
    texts: &mut Vec<CustomerText<'p>>,
    whose: Whose<'p>,
    section: &'static str,
    key: &'static str,
    list: &'p [String],
) {
    for (item, text) in list.iter().enumerate() {
        texts.push((whose, field(section, 0, key, item), text.as_str()));
    }
}

/// Text the customer will read, with where it comes from.
fn customer_visible_text(plan: &Plan) -> Vec<CustomerText<'_>> {
    let mut texts: Vec<CustomerText<'_>> = Vec::new();
    let p = &plan.project;
    texts.push((
        Whose::Plain("project summary"),
        field("project", 0, "summary", 0),
        &p.summary,
    ));
    list(
        &mut texts,
        Whose::Plain("an objective"),
        "project",
        "objectives",
        &p.objectives,
    );
    list(
        &mut texts,
        Whose::Plain("in_scope"),
        "project",
        "in_scope",
        &p.in_scope,
    );
    list(
        &mut texts,
        Whose::Plain("out_of_scope"),
        "project",
        "out_of_scope",
        &p.out_of_scope,
    );
    texts.push((
        Whose::Plain("the status headline"),
        field("status", 0, "headline", 0),
        &plan.status.headline,
    ));
    list(
        &mut texts,
        Whose::Plain("an accomplishment"),
        "status",
        "accomplishments",
        &plan.status.accomplishments,
    );
    for m in plan.milestones.iter().filter(|m| m.visible) {
        let name = m.name.get_ref();
        texts.push((
            Whose::Named("milestone", name),
            Written::At(m.name.span()),
            name,
        ));
    }
    for (entry, i) in plan.issues.iter().enumerate().filter(|(_, i)| i.visible) {
        let whose = Whose::Id("issue", i.id.get_ref());
        texts.push((whose, field("issues", entry, "title", 0), &i.title));
    }
    for (entry, r) in plan.risks.iter().enumerate().filter(|(_, r)| r.visible) {
        let whose = Whose::Id("risk", r.id.get_ref());
        texts.push((whose, field("risks", entry, "title", 0), &r.title));
        texts.push((whose, field("risks", entry, "plan", 0), &r.plan));
    }
    let c = &plan.communication;
    list(
        &mut texts,
        Whose::Plain("a meeting rule"),
        "communication",
        "rules",
        &c.rules,
    );
    list(
        &mut texts,
        Whose::Plain("the escalation path"),
        "communication",
        "escalation",
        &c.escalation,
    );
    for (entry, ch) in c.channels.iter().enumerate() {
        let whose = Whose::Named("channel", &ch.what);
        texts.push((
            whose,
            field("communication.channels", entry, "what", 0),
            &ch.what,
        ));
        texts.push((
            whose,
            field("communication.channels", entry, "method", 0),
            &ch.method,
        ));
    }
    for (entry, t) in plan.customer_tasks.iter().enumerate() {
        let whose = Whose::Id("customer task", t.id.get_ref());
        texts.push((whose, field("customer_tasks", entry, "title", 0), &t.title));
        texts.push((whose, field("customer_tasks", entry, "help", 0), &t.help));
    }
    for (entry, pr) in plan.proposals.iter().enumerate() {
        let whose = Whose::Named("proposal", &pr.title);
        texts.push((whose, field("proposals", entry, "title", 0), &pr.title));
        texts.push((whose, field("proposals", entry, "why", 0), &pr.why));
    }
    for (entry, item) in plan.agenda.iter().enumerate() {
        if let Some(title) = &item.title {
            let whose = Whose::Plain("an agenda title");
            texts.push((whose, field("agenda", entry, "title", 0), title));
        }
        for (at, q) in item.questions.iter().enumerate() {
            let whose = Whose::Plain("an agenda question");
            texts.push((whose, field("agenda", entry, "questions", at), q.text()));
        }
        if let Some(notes) = &item.notes {
            let whose = Whose::Plain("a speaker note");
            texts.push((whose, field("agenda", entry, "notes", 0), notes));
        }
    }
    for (kind, notes) in &plan.speaker_notes {
        let whose = Whose::Plain("a speaker note");
        texts.push((whose, field("speaker_notes", 0, kind.key(), 0), notes));
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
        // Fast path for the common case of ASCII terms: the text lower-cased
        // once (ASCII letters only, so every offset holds) and searched with
        // `str::find`. The legend looks for every term on every frame; a
        // comparison at each byte was the largest single cost of drawing.
        let (lower, needle) = (text.to_ascii_lowercase(), term.to_ascii_lowercase());
        // Letters and digits of any script join a word; a border, a quote
        // mark or a dash (`│UAT`, `“UAT”`, `UAT—`) does not.
        let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut from = 0;
        while let Some(found) = lower[from..].find(&needle) {
            let at = from + found;
            let end = at + needle.len();
            // An ASCII match starts and ends on character boundaries.
            if !is_word(text[..at].chars().next_back()) && !is_word(text[end..].chars().next()) {
                return Some(at..end);
            }
            // `at` starts an ASCII match, so the next byte starts a character.
            from = at + 1;
        }
        return None;
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

fn jargon(plan: &Plan, source: &str, fields: &FieldSpans, found: &mut Vec<Diagnostic>) {
    if plan.project.glossary.is_empty() {
        return;
    }
    let texts = customer_visible_text(plan);
    let index = WordIndex::of(texts.iter().map(|(_, _, text)| *text));
    for (term, meaning) in &plan.project.glossary {
        let meaning_lower = meaning.to_lowercase();
        for at in index.texts_with_first_word_of(term) {
            let (whose, written, text) = &texts[at];
            let Some(words) = find_term_span(text, term) else {
                continue;
            };
            if text.to_lowercase().contains(&meaning_lower) {
                continue;
            }
            let value = match written {
                Written::Field(field) => fields.get(field),
                Written::At(span) => Some(span.clone()),
            };
            let span = value.map(|value| words_in_file(source, value, text, words, term));
            found.push(
                Diagnostic::warning(
                    "jargon",
                    format!("\"{term}\" in {whose} is jargon to the customer"),
                )
                .at_opt(span)
                .hint(format!("say it plainly: \"{meaning}\"")),
            );
        }
    }
}

/// Which texts hold which words, so each glossary term is looked for only
/// in the texts that hold its first word: a glossary of many terms over
/// many texts costs what reading them once does, not their product.
struct WordIndex {
    by_word: std::collections::HashMap<String, Vec<usize>>,
    texts: usize,
}

impl WordIndex {
    fn of<'t>(texts: impl Iterator<Item = &'t str>) -> WordIndex {
        let mut by_word: std::collections::HashMap<String, Vec<usize>> =
            std::collections::HashMap::new();
        let mut count = 0;
        for (at, text) in texts.enumerate() {
            count += 1;
            for word in folded_words(text) {
                let list = by_word.entry(word).or_default();
                if list.last() != Some(&at) {
                    list.push(at);
                }
            }
        }
        WordIndex {
            by_word,
            texts: count,
        }
    }

    /// The texts, in order, that may hold `term` as a whole word: those
    /// holding its first word, folded as [`find_term_span`] folds it (every
    /// text, for a term with no letter or digit in it).
    fn texts_with_first_word_of(&self, term: &str) -> Vec<usize> {
        match folded_words(term).into_iter().next() {
            Some(first) => self.by_word.get(&first).cloned().unwrap_or_default(),
            None => (0..self.texts).collect(),
        }
    }
}

/// The words of `text`, lower-cased the way [`find_term_span`] compares
/// them, split at whatever is not a letter or a digit.
fn folded_words(text: &str) -> Vec<String> {
    let folded: String = text.chars().flat_map(char::to_lowercase).collect();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Where the words found in `text` are written in the file, given `value`,
/// the span of the TOML string holding `text`: the words themselves when
/// the string is written as it reads, else the term as found inside the
/// string (escapes, a trimmed first line), else the whole string. Only the
/// string itself is searched, never the file.
fn words_in_file(
    source: &str,
    value: Range<usize>,
    text: &str,
    words: Range<usize>,
    term: &str,
) -> Range<usize> {
    let Some(raw) = source.get(value.clone()) else {
        return value;
    };
    let quote = ["\"\"\"", "'''", "\"", "'"]
        .into_iter()
        .find(|q| raw.len() >= 2 * q.len() && raw.starts_with(q) && raw.ends_with(q));
    let Some(quote) = quote else {
        return value;
    };
    let inside = &raw[quote.len()..raw.len() - quote.len()];
    let start = value.start + quote.len();
    if inside == text {
        return start + words.start..start + words.end;
    }
    match find_term_span(inside, term) {
        Some(found) => start + found.start..start + found.end,
        None => value,
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
        .any(|s| s.kind == super::section_kind::SectionKind::Followups);
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
    use proptest::prelude::*;

    /// Where an ASCII term stands as a whole word, compared at every byte,
    /// its neighbours read as characters: what the fast path must agree with.
    fn at_every_byte(text: &str, term: &str) -> Option<std::ops::Range<usize>> {
        let (bytes, needle) = (text.as_bytes(), term.as_bytes());
        let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        (0..bytes.len().saturating_sub(needle.len() - 1))
            .find(|&at| {
                // An ASCII match starts and ends on character boundaries.
                bytes[at..at + needle.len()].eq_ignore_ascii_case(needle)
                    && !is_word(text[..at].chars().next_back())
                    && !is_word(text[at + needle.len()..].chars().next())
            })
            .map(|at| at..at + needle.len())
    }

    proptest! {
        #[test]
        fn an_ascii_term_is_found_where_a_comparison_at_every_byte_finds_it(
            text in "[uUaAtT ,.é日│“”—-]{0,40}",
            term in "[uUaAtT]{1,4}",
        ) {
            prop_assert_eq!(find_term_span(&text, &term), at_every_byte(&text, &term));
        }
    }

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

    /// The jargon warnings of a plan, each with the text its span marks
    /// and the line it is on.
    fn jargon_found(text: &str) -> Vec<(String, String, usize)> {
        let checked = crate::plan::load_bytes("p.toml", text.as_bytes());
        assert!(checked.plan.is_some(), "{}", checked.render());
        checked
            .warnings()
            .filter(|d| d.code == "jargon")
            .map(|d| {
                let span = d.span.clone().expect("a place in the file");
                let line = checked.source.place(span.start).line;
                (d.message.clone(), text[span].to_owned(), line)
            })
            .collect()
    }

    #[test]
    fn each_jargon_warning_points_at_its_own_field() {
        let lines = [
            "[project]",
            "name = \"P\"",
            "customer = \"C\"",
            "glossary = { UAT = \"acceptance testing\" }",
            "objectives = [\"Pass UAT\", \"Ship\", \"uat done\"]", // 5
            "[[milestones]]",
            "name = \"UAT sign-off\"", // 7
            "baseline = 2026-12-01",
            "[[risks]]",
            "id = \"R-1\"",
            "title = \"Slow UAT\"", // 11
            "probability = 1",
            "impact = 1",
            "plan = \"Before UAT\"", // 14
            "[[risks]]",
            "probability = 1",
            "title = \"Slow UAT\"", // 17: the same text as R-1's, and before the id
            "id = \"R-2\"",
            "impact = 1",
            "[[risks]]",
            "id = \"R-3\"",
            "title = \"Hidden UAT\"", // not shown to the customer
            "probability = 1",
            "impact = 1",
            "visible = false",
            "[communication]",
            "rules = [\"No UAT talk\"]", // 27
            "[[communication.channels]]",
            "what = \"Status\"",
            "method = \"UAT call\"", // 30
            "[[agenda]]",
            "kind = \"raid\"",
            "questions = [\"Why?\", \"When is UAT?\"]", // 33
        ];
        let found = jargon_found(&lines.join("\n"));
        let mut said: Vec<(String, usize)> = found
            .iter()
            .map(|(message, marked, line)| {
                assert!(
                    marked.eq_ignore_ascii_case("UAT"),
                    "{message} marks {marked:?}"
                );
                (message.replace(" is jargon to the customer", ""), *line)
            })
            .collect();
        said.sort_by_key(|(_, line)| *line);
        let wanted = [
            ("\"UAT\" in an objective", 5),
            ("\"UAT\" in an objective", 5),
            ("\"UAT\" in milestone \"UAT sign-off\"", 7),
            ("\"UAT\" in risk R-1", 11),
            ("\"UAT\" in risk R-1", 14),
            ("\"UAT\" in risk R-2", 17),
            ("\"UAT\" in a meeting rule", 27),
            ("\"UAT\" in channel \"Status\"", 30),
            ("\"UAT\" in an agenda question", 33),
        ];
        let wanted: Vec<(String, usize)> =
            wanted.iter().map(|(m, l)| (m.to_string(), *l)).collect();
        assert_eq!(said, wanted);
        let columns: Vec<&str> = found.iter().map(|(_, marked, _)| marked.as_str()).collect();
        assert!(columns.contains(&"uat"), "the second objective's own word");
    }

    #[test]
    fn jargon_in_a_string_with_escapes_is_found_inside_that_string() {
        let plan = "[project]\nname = \"P\"\ncustomer = \"C\"\n\
            glossary = { UAT = \"acceptance testing\" }\n\
            summary = \"The \\\"quoted\\\" UAT\"\n\
            [status]\nheadline = \"\"\"\nUAT next\"\"\"\n";
        let found = jargon_found(plan);
        let lines: Vec<usize> = found.iter().map(|(_, _, line)| *line).collect();
        assert_eq!(lines, vec![5, 8], "{found:#?}");
        assert!(
            found.iter().all(|(_, marked, _)| marked == "UAT"),
            "{found:#?}"
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
        // After a panel's border, in quote marks, before a dash: a word.
        assert_eq!(find_term("│UAT start", "UAT"), Some(3));
        assert_eq!(find_term("“UAT”", "uat"), Some(3));
        assert_eq!(find_term("UAT—then go-live", "UAT"), Some(0));
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
