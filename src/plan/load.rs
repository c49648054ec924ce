//! Reading a plan file: size cap, UTF-8, TOML syntax, then each section and
//! each list entry on its own, so one mistake does not hide the next; then
//! the checks across the plan (people, ids, ranges) and the warnings.

use std::io::Read as _;
use std::path::Path;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::diagnostics::{Diagnostic, Source};
use super::keys;
use super::model::Plan;
use super::validate;
use super::warnings::{self, Field, FieldSpans};

/// Plans larger than this are refused before they are read into memory.
pub const MAX_PLAN_BYTES: u64 = 8 * 1024 * 1024;

/// A plan file after loading: the plan when it has no errors, and every
/// error and warning found.
#[derive(Debug, Clone)]
pub struct Checked {
    pub source: Source,
    pub plan: Option<Plan>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }

    /// The diagnostics rendered for a person, errors first, the first
    /// fifty of each level and a count of the rest.
    pub fn render(&self) -> String {
        let mut ordered: Vec<&Diagnostic> = self.diagnostics.iter().collect();
        ordered.sort_by_key(|d| (std::cmp::Reverse(d.level), d.span.as_ref().map(|s| s.start)));
        self.source.render_all(ordered)
    }
}

/// Why a plan file could not even be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("there is no plan at {0}")]
    NotFound(String),
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// What a plan is read for: `check` and the documents want its warnings
/// too; a meeting needs only a plan without errors, and is on screen
/// sooner without looking for advice nobody reads in the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    WithWarnings,
    ErrorsOnly,
}

/// Read and check the plan at `path`.
pub fn load_file(path: &Path) -> Result<Checked, OpenError> {
    read_file(path, Reading::WithWarnings)
}

/// Read the plan at `path` for a meeting: its errors, not its warnings.
pub fn load_file_to_run(path: &Path) -> Result<Checked, OpenError> {
    read_file(path, Reading::ErrorsOnly)
}

fn read_file(path: &Path, reading: Reading) -> Result<Checked, OpenError> {
    let name = path.display().to_string();
    let io = |source: std::io::Error| match source.kind() {
        std::io::ErrorKind::NotFound => OpenError::NotFound(name.clone()),
        _ => OpenError::Io {
            path: name.clone(),
            source,
        },
    };
    // Opened without waiting, so a FIFO or a device given as the plan is
    // refused at once instead of hanging until something writes to it.
    let file = {
        use std::os::unix::fs::OpenOptionsExt as _;
        std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(path)
            .map_err(io)?
    };
    let metadata = file.metadata().map_err(io)?;
    let kind = metadata.file_type();
    if !kind.is_file() {
        let what = if kind.is_dir() {
            "it is a folder, not a plan file"
        } else {
            "it is not a regular file (a pipe or a device?); give the path of the plan's .toml file"
        };
        return Err(OpenError::Io {
            path: name.clone(),
            source: std::io::Error::other(what),
        });
    }
    // Room for the whole file, so it is read in one go: through `take`,
    // `read_to_end` cannot see the size and reads in pieces doubling from
    // 32 bytes (ten reads for the demo plan).
    let room = metadata.len().min(MAX_PLAN_BYTES) + 1;
    let mut bytes = Vec::with_capacity(usize::try_from(room).unwrap_or(0));
    file.take(MAX_PLAN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    Ok(read_bytes(&name, &bytes, reading))
}

/// Check a plan given as bytes; `name` is how diagnostics refer to it.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Checked {
    read_bytes(name, bytes, Reading::WithWarnings)
}

/// [`load_bytes`] for a meeting: errors only.
pub fn load_bytes_to_run(name: &str, bytes: &[u8]) -> Checked {
    read_bytes(name, bytes, Reading::ErrorsOnly)
}

fn read_bytes(name: &str, bytes: &[u8], reading: Reading) -> Checked {
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        return failed(
            Source::new(name, ""),
            Diagnostic::error(
                "too-large",
                format!(
                    "the plan is larger than {} MiB, the most resetpoint reads",
                    MAX_PLAN_BYTES / 1024 / 1024
                ),
            )
            .hint("check that this is the plan file; a plan this large is usually another file given by mistake"),
        );
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.valid_up_to();
            let source = Source::new(name, String::from_utf8_lossy(bytes));
            return failed(
                source,
                Diagnostic::error(
                    "not-utf8",
                    format!("the plan is not UTF-8 text (byte 0x{:02X})", bytes[at]),
                )
                .at(at..at + 1)
                .hint("save the file as UTF-8 in your editor"),
            );
        }
    };
    load_text(Source::new(name, text), reading)
}

fn failed(source: Source, diagnostic: Diagnostic) -> Checked {
    Checked {
        source,
        plan: None,
        diagnostics: vec![diagnostic],
    }
}

fn load_text(source: Source, reading: Reading) -> Checked {
    // The rows of the spreadsheets the plan names are read after its own
    // text, as the entries they stand for.
    let folder = std::path::Path::new(&source.name)
        .parent()
        .unwrap_or(std::path::Path::new(""));
    let rows = super::sheets::rows_of_sources(&source.text, folder, source.text.len() + 1);
    let (source, unread) = match rows {
        Some(rows) => (source.with_rows(&rows.text, rows.cells), rows.diagnostics),
        None => (source, Vec::new()),
    };
    let (document, syntax) = DeTable::parse_recoverable(&source.text);
    let mut reader = Reader {
        text: &source.text,
        diagnostics: Vec::new(),
        reparsed: std::cell::OnceCell::new(),
        customer_text: FieldSpans::default(),
    };
    if !syntax.is_empty() {
        let diagnostics = syntax.into_iter().map(syntax_error).collect();
        return Checked {
            source,
            plan: None,
            diagnostics,
        };
    }
    let whole = document.span();
    let plan = reader.plan(document.into_inner(), whole);
    let (mut diagnostics, customer_text) = (reader.diagnostics, reader.customer_text);
    diagnostics.extend(unread);
    if let Some(plan) = &plan {
        diagnostics.extend(validate::errors(plan, &source));
    }
    // With no error, every list entry was read, so the entries of the plan
    // are those of the file, in order, as the noted spans count them.
    let plan = plan.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    if let Some(plan) = &plan
        && reading == Reading::WithWarnings
    {
        diagnostics.extend(warnings::warnings(plan, &source.text, &customer_text));
    }
    Checked {
        source,
        plan,
        diagnostics,
    }
}

fn syntax_error(error: toml::de::Error) -> Diagnostic {
    let message = error.message().trim().to_owned();
    let (code, hint) = if message.contains("date") || message.contains("time") {
        (
            "bad-date",
            "write a real calendar date as YYYY-MM-DD, like 2026-12-01",
        )
    } else if message.contains("duplicate key") {
        (
            "syntax",
            "each key may appear once per table; remove or rename the second one",
        )
    } else if message.contains("invalid string") || message.contains("invalid basic string") {
        (
            "syntax",
            "put text in double quotes, with no control characters, like title = \"Weekly status\"",
        )
    } else {
        (
            "syntax",
            "fix the TOML syntax here; text goes in double quotes, lists in [ ], one key = value per line",
        )
    };
    Diagnostic::error(code, format!("the plan is not valid TOML: {message}"))
        .at_opt(error.span())
        .hint(hint)
}

/// Reads the sections of a parsed plan, collecting every diagnostic.
struct Reader<'i> {
    text: &'i str,
    diagnostics: Vec<Diagnostic>,
    /// The document parsed again, only when a message must point at a key.
    reparsed: std::cell::OnceCell<Option<Spanned<DeTable<'i>>>>,
    /// Where the texts the customer reads are written, noted while each
    /// table is at hand, for the jargon warning to point at.
    customer_text: FieldSpans,
}

/// One step of a path into the plan, as serde_ignored reports it.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn steps(path: &serde_ignored::Path) -> Vec<Step> {
    use serde_ignored::Path as P;
    match path {
        P::Root => Vec::new(),
        P::Seq { parent, index } => {
            let mut s = steps(parent);
            s.push(Step::Index(*index));
            s
        }
        P::Map { parent, key } => {
            let mut s = steps(parent);
            s.push(Step::Key(key.clone()));
            s
        }
        P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
            steps(parent)
        }
    }
}

impl<'i> Reader<'i> {
    fn plan(&mut self, root: DeTable<'i>, whole: std::ops::Range<usize>) -> Option<Plan> {
        let mut plan = Plan::default();
        let mut project = None;
        let has_project = root.iter().any(|(k, _)| k.get_ref() == "project");
        for (key, value) in root {
            match key.get_ref().as_ref() {
                "project" => project = self.one(value, "project"),
                "meeting" => plan.meeting = self.one(value, "meeting").unwrap_or_default(),
                "people" => plan.people = self.list(value, "people"),
                "status" => plan.status = self.one(value, "status").unwrap_or_default(),
                "milestones" => plan.milestones = self.list(value, "milestones"),
                "financials" => plan.financials = self.one(value, "financials"),
                "issues" => plan.issues = self.list(value, "issues"),
                "risks" => plan.risks = self.list(value, "risks"),
                "communication" => {
                    plan.communication = self.one(value, "communication").unwrap_or_default()
                }
                "customer_tasks" => plan.customer_tasks = self.list(value, "customer_tasks"),
                "proposals" => plan.proposals = self.list(value, "proposals"),
                "pushback" => plan.pushback = self.list(value, "pushback"),
                "agenda" => plan.agenda = self.list(value, "agenda"),
                "sources" => plan.sources = self.list(value, "sources"),
                "speaker_notes" => {
                    plan.speaker_notes = self.one(value, "speaker_notes").unwrap_or_default()
                }
                other => self.diagnostics.push(
                    Diagnostic::error("unknown-key", format!("unknown section `{other}`"))
                        .at(key.span())
                        .hint(keys::unknown_key_hint(other, None)),
                ),
            }
        }
        if !has_project {
            let end = whole.end.min(whole.start);
            self.diagnostics.push(
                Diagnostic::error("missing-project", "the plan has no [project] table")
                    .at(end..end)
                    .hint("start the plan with [project], name = \"…\" and customer = \"…\"; `resetpoint new` writes a starter plan"),
            );
        }
        plan.project = project?;
        Some(plan)
    }

    /// A section that is one table.
    fn one<T: DeserializeOwned>(
        &mut self,
        value: Spanned<DeValue<'i>>,
        section: &'static str,
    ) -> Option<T> {
        if !matches!(value.get_ref(), DeValue::Table(_)) {
            let header = keys::table_at(section, &[]).map_or(section, |t| t.header);
            self.diagnostics.push(
                Diagnostic::error("wrong-type", format!("`{section}` must be a table"))
                    .at(value.span())
                    .hint(format!(
                        "write it as a {header} header with its keys below it"
                    )),
            );
            return None;
        }
        self.read(value, section, None)
    }

    /// A section that is a list of tables; each entry is read on its own.
    fn list<T: DeserializeOwned>(
        &mut self,
        value: Spanned<DeValue<'i>>,
        section: &'static str,
    ) -> Vec<T> {
        let span = value.span();
        let DeValue::Array(entries) = value.into_inner() else {
            self.diagnostics.push(
                Diagnostic::error(
                    "wrong-type",
                    format!("`{section}` must be a list of tables"),
                )
                .at(span)
                .hint(format!(
                    "write each entry under its own [[{section}]] header (two brackets)"
                )),
            );
            return Vec::new();
        };
        entries
            .into_iter()
            .enumerate()
            .filter_map(|(index, entry)| self.read(entry, section, Some(index)))
            .collect()
    }

    /// Deserialize one table; `index` is its place when it is a list entry.
    fn read<T: DeserializeOwned>(
        &mut self,
        value: Spanned<DeValue<'i>>,
        section: &'static str,
        index: Option<usize>,
    ) -> Option<T> {
        let span = value.span();
        let item = item_name(&value);
        self.note_customer_text(value.get_ref(), section, index.unwrap_or(0));
        let mut unknown = Vec::new();
        let result = serde_ignored::deserialize(ValueDeserializer::from(value), |path| {
            unknown.push(steps(&path))
        });
        for path in unknown {
            self.unknown_key(section, index, item.as_deref(), &path);
        }
        match result {
            Ok(item) => Some(item),
            Err(error) => {
                let diagnostic = value_error(error, span, item.as_deref(), section);
                self.diagnostics.push(diagnostic);
                None
            }
        }
    }

    /// Notes where the customer-visible texts of this table are written
    /// (see `warnings::customer_text_keys`): texts, lists of texts, and
    /// lists of tables holding them.
    fn note_customer_text(&mut self, table: &DeValue<'i>, section: &str, entry: usize) {
        let (Some((section, keys)), Some(table)) =
            (warnings::customer_text_keys(section), table.as_table())
        else {
            return;
        };
        for (key, value) in table.iter() {
            let Some(key) = keys.iter().copied().find(|k| *k == key.get_ref().as_ref()) else {
                continue;
            };
            match value.get_ref() {
                DeValue::String(_) => {
                    let field = Field {
                        section,
                        entry,
                        key,
                        item: 0,
                    };
                    self.customer_text.note(field, value.span());
                }
                DeValue::Array(items) => {
                    for (item, value) in items.iter().enumerate() {
                        match value.get_ref() {
                            DeValue::String(_) => {
                                let field = Field {
                                    section,
                                    entry,
                                    key,
                                    item,
                                };
                                self.customer_text.note(field, value.span());
                            }
                            table @ DeValue::Table(_) => {
                                self.note_customer_text(table, &format!("{section}.{key}"), item)
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// The table a section's entry was read from, found again in the text.
    fn original(&self, section: &str, index: Option<usize>) -> Option<&Spanned<DeValue<'i>>> {
        let document = self
            .reparsed
            .get_or_init(|| DeTable::parse(self.text).ok())
            .as_ref()?;
        let value = document.get_ref().get(section)?;
        match index {
            Some(i) => value.get_ref().as_array()?.get(i),
            None => Some(value),
        }
    }

    fn unknown_key(
        &mut self,
        section: &str,
        index: Option<usize>,
        item: Option<&str>,
        path: &[Step],
    ) {
        let Some((Step::Key(key), parents)) = path.split_last() else {
            return;
        };
        let inner: Vec<&str> = parents
            .iter()
            .filter_map(|s| match s {
                Step::Key(k) => Some(k.as_str()),
                Step::Index(_) => None,
            })
            .collect();
        let table = keys::table_at(section, &inner);
        let header = table.map_or_else(|| section.to_owned(), |t| t.header.to_owned());
        let item = item.map_or_else(String::new, |n| format!(" ({n})"));
        let span = self
            .original(section, index)
            .and_then(|v| key_span(v, path));
        self.diagnostics.push(
            Diagnostic::error(
                "unknown-key",
                format!("unknown key `{key}` in {header}{item}"),
            )
            .at_opt(span)
            .hint(keys::unknown_key_hint(key, table)),
        );
    }
}

/// The id or name of a list entry, so a message can say which one it means.
fn item_name(value: &Spanned<DeValue<'_>>) -> Option<String> {
    let table = value.get_ref().as_table()?;
    ["id", "name", "title", "kind"].iter().find_map(|k| {
        table
            .get(*k)
            .and_then(|v| v.get_ref().as_str())
            .map(str::to_owned)
    })
}

/// Where the last key of `path` is written in the file.
fn key_span(value: &Spanned<DeValue<'_>>, path: &[Step]) -> Option<std::ops::Range<usize>> {
    let (last, parents) = path.split_last()?;
    let mut here = value;
    for step in parents {
        here = match step {
            Step::Key(k) => here.get_ref().as_table()?.get(k.as_str())?,
            Step::Index(i) => here.get_ref().as_array()?.get(*i)?,
        };
    }
    let Step::Key(k) = last else { return None };
    // Looked up, not searched for: a table of many unknown keys is read
    // in time that grows with its length, not its square.
    let table = here.get_ref().as_table()?;
    table.get_key_value(k.as_str()).map(|(key, _)| key.span())
}

/// A value of the wrong type or out of its choices, said in the PM's words.
fn value_error(
    error: toml::de::Error,
    span: std::ops::Range<usize>,
    item: Option<&str>,
    section: &str,
) -> Diagnostic {
    let raw = error.message().trim().to_owned();
    let item = item.map_or_else(String::new, |n| format!(" ({n})"));
    let header = keys::table_at(section, &[]).map_or(section, |t| t.header);
    let message = plain_words(&raw);
    let (code, hint) = if let Some(field) = between(&raw, "missing field `", "`") {
        (
            "missing-key",
            format!("add `{field} = …` to this {header} entry"),
        )
    } else if let Some(found) = between(&raw, "unknown variant `", "`") {
        let choices: Vec<&str> = raw
            .split("expected ")
            .nth(1)
            .unwrap_or("")
            .split('`')
            .skip(1)
            .step_by(2)
            .collect();
        let hint = match keys::closest(found, &choices) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("use one of: {}", choices.join(", ")),
        };
        ("invalid-value", hint)
    } else if raw.contains("is not a date") || raw.contains("calendar") || raw.contains("time") {
        (
            "bad-date",
            "write dates as YYYY-MM-DD without quotes, like 2026-12-01".to_owned(),
        )
    } else if message.contains("expected a number") || message.contains("expected a whole number") {
        (
            "wrong-type",
            "write the number without quotes or commas, like 42 or 4.5".to_owned(),
        )
    } else if message.contains("expected text in quotes") {
        (
            "wrong-type",
            "put the text in double quotes, like \"Weekly status\"".to_owned(),
        )
    } else if message.contains("expected a list") {
        (
            "wrong-type",
            "write a list in brackets, like [\"a\", \"b\"]".to_owned(),
        )
    } else if message.contains("expected true or false") {
        (
            "wrong-type",
            "write true or false, without quotes".to_owned(),
        )
    } else {
        (
            "wrong-type",
            "give this key a value of the kind the message names".to_owned(),
        )
    };
    let message = match code {
        "missing-key" => format!(
            "{header}{item} is missing `{}`",
            between(&raw, "missing field `", "`").unwrap_or_default()
        ),
        _ => format!("in {header}{item}: {message}"),
    };
    Diagnostic::error(code, message)
        .at_opt(error.span().or(Some(span)))
        .hint(hint)
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &text[text.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

/// serde's type names, in words a PM reads.
fn plain_words(message: &str) -> String {
    let mut out = message.to_owned();
    for (rust, plain) in [
        ("expected i64", "expected a whole number"),
        ("expected u32", "expected a whole number"),
        ("expected f64", "expected a number"),
        ("expected a sequence", "expected a list like [\"a\", \"b\"]"),
        ("expected a borrowed string", "expected text in quotes"),
        ("expected a string", "expected text in quotes"),
        ("expected a boolean", "expected true or false"),
        ("unknown variant", "unknown value"),
    ] {
        out = out.replace(rust, plain);
    }
    if let Some(at) = out.find("expected struct ") {
        out.replace_range(at.., "expected a table");
    }
    if let Some(at) = out.find("expected map") {
        out.replace_range(at.., "expected a table");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_type_names_are_put_in_plain_words() {
        assert_eq!(
            plain_words("invalid type: string \"4\", expected i64"),
            "invalid type: string \"4\", expected a whole number"
        );
        assert_eq!(
            plain_words("invalid type: string \"x\", expected struct Proposal"),
            "invalid type: string \"x\", expected a table"
        );
    }
}
