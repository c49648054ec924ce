//! The spreadsheets a plan names in `[[sources]]`: the RAID log, the
//! milestone tracker, the customer's task list, kept where the PM already
//! keeps them. Each row is written out as the plan entry it stands for
//! (`[[risks]]`, `id = "R-9"` …) after the plan's own text and read with
//! it, so a row meets every check, figure, screen and document an entry
//! written by hand meets. Each line written out remembers its cell, so a
//! mistake is named where it was made: `raid.xlsx › Risks › C3`.
//! The files are only read, never written.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::Path;

use calamine::{Data, Reader as _};
use jiff::civil::Date;
use serde::Deserialize;
use toml::Spanned;

use super::diagnostics::Diagnostic;
use super::keys::{closest, table_at};
use super::model::SheetKind;

/// Where a line written out from a sheet came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub file: String,
    /// The sheet of a workbook; none for a CSV file.
    pub sheet: Option<String>,
    /// `C3`, or `row 3` for the row as a whole.
    pub cell: String,
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.sheet {
            Some(sheet) => write!(f, "{} › {sheet} › {}", self.file, self.cell),
            None => write!(f, "{} › {}", self.file, self.cell),
        }
    }
}

/// The rows of a plan's sources, written out as plan text.
#[derive(Debug, Default)]
pub struct Rows {
    /// To be read after the plan's own text.
    pub text: String,
    /// The span of each line of `text` (counted from the start of the
    /// plan's own text) and the cell it came from, in order.
    pub cells: Vec<(Range<usize>, Cell)>,
    /// What could not be read: a missing file, sheet or column.
    pub diagnostics: Vec<Diagnostic>,
}

impl Rows {
    /// One line of plan text, read from `cell`.
    fn line(&mut self, after: usize, text: String, cell: Cell) {
        let start = after + self.text.len();
        self.text.push_str(&text);
        self.cells.push((start..start + text.len(), cell));
        self.text.push('\n');
    }
}

/// What the plan says of its sources and people, read on its own before
/// the plan is: the sources to read, and the people an owner's name
/// may match.
#[derive(Deserialize)]
struct Named {
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    people: Vec<Person>,
}

#[derive(Deserialize)]
struct Source {
    file: Spanned<String>,
    #[serde(default)]
    sheet: Option<Spanned<String>>,
    kind: SheetKind,
    #[serde(default)]
    columns: Option<Spanned<BTreeMap<String, Spanned<String>>>>,
}

#[derive(Deserialize)]
struct Person {
    id: String,
    #[serde(default)]
    name: String,
}

/// The rows of every source `plan` names, the files found from `folder`;
/// `after` is where the text written out will start. None when the plan
/// names no source (or cannot be read: its own errors are said elsewhere).
pub fn rows_of_sources(plan: &str, folder: &Path, after: usize) -> Option<Rows> {
    // Most plans name none: the plan is read a second time, for its sources
    // and people, only when a line of it starts with the key.
    let names_sources = plan.lines().any(|line| {
        let line = line.trim_start();
        line.starts_with("[[sources]]") || line.starts_with("sources")
    });
    if !names_sources {
        return None;
    }
    let named: Named = toml::from_str(plan).ok()?;
    if named.sources.is_empty() {
        return None;
    }
    let mut rows = Rows::default();
    // A file that cannot be opened is said once, however many sheets of
    // it the plan names.
    let mut missing: Vec<&str> = Vec::new();
    for source in &named.sources {
        if missing.contains(&source.file.get_ref().as_str()) {
            continue;
        }
        let table = match read_table(source, folder) {
            Ok(table) => table,
            Err(diagnostic) => {
                if diagnostic.code == "source-missing" {
                    missing.push(source.file.get_ref());
                }
                rows.diagnostics.push(diagnostic);
                continue;
            }
        };
        write_rows(source, &table, &named.people, after, &mut rows);
    }
    Some(rows)
}

/// The most rows taken from one sheet: far more than any RAID log holds,
/// and few enough that a wrong file (a data export) is refused whole
/// rather than written out as plan text.
pub const MOST_ROWS: usize = 100_000;

/// The largest file read as a source.
const MOST_BYTES: u64 = 64 * 1024 * 1024;

/// The cells of one sheet, and where its first cell is (row, column).
struct Table {
    cells: Vec<Vec<Data>>,
    start: (u32, u32),
}

fn read_table(source: &Source, folder: &Path) -> Result<Table, Diagnostic> {
    let name = source.file.get_ref();
    let path = folder.join(name);
    let at = source.file.span();
    if !path.is_file() {
        return Err(Diagnostic::error(
            "source-missing",
            format!("the source {name} is not there ({})", path.display()),
        )
        .at(at)
        .hint("give the file's path relative to the plan, or put it beside the plan"));
    }
    // A RAID log is kilobytes; a file of this size is another file given by
    // mistake, and is not read into memory.
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    if size > MOST_BYTES {
        return Err(Diagnostic::error(
            "source-too-large",
            format!(
                "{name} is {} MiB, more than the {} MiB resetpoint reads",
                size / 1024 / 1024,
                MOST_BYTES / 1024 / 1024
            ),
        )
        .at(at)
        .hint("check that this is the RAID log"));
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if extension == "csv" {
        return read_csv(&path).map_err(|why| {
            Diagnostic::error("source-unreadable", format!("{name} cannot be read: {why}"))
                .at(at)
                .hint("save it as CSV, UTF-8, with the headers in its first row")
        });
    }
    if !matches!(extension.as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods") {
        return Err(Diagnostic::error(
            "source-kind",
            format!("{name} is not a spreadsheet resetpoint reads"),
        )
        .at(at)
        .hint("give a .xlsx, .xls, .ods or .csv file"));
    }
    let mut workbook = calamine::open_workbook_auto(&path).map_err(|why| {
        Diagnostic::error("source-unreadable", format!("{name} cannot be read: {why}"))
            .at(at.clone())
            .hint("open it in your spreadsheet program and save it again as .xlsx or .ods")
    })?;
    let sheets = workbook.sheet_names();
    let Some(sheet) = &source.sheet else {
        return Err(Diagnostic::error(
            "source-sheet",
            format!("{name} is a workbook: say which sheet to read"),
        )
        .at(at)
        .hint(format!(
            "add sheet = \"{}\" (its sheets: {})",
            sheets.first().map_or("", String::as_str),
            sheets.join(", ")
        )));
    };
    if !sheets.iter().any(|s| s == sheet.get_ref()) {
        let near = closest(
            sheet.get_ref(),
            &sheets.iter().map(String::as_str).collect::<Vec<_>>(),
        )
        .map_or_else(String::new, |n| format!("did you mean `{n}`? "));
        return Err(Diagnostic::error(
            "source-sheet",
            format!("{name} has no sheet `{}`", sheet.get_ref()),
        )
        .at(sheet.span())
        .hint(format!("{near}its sheets: {}", sheets.join(", "))));
    }
    let range = workbook.worksheet_range(sheet.get_ref()).map_err(|why| {
        Diagnostic::error(
            "source-unreadable",
            format!("{name} › {} cannot be read: {why}", sheet.get_ref()),
        )
        .at(sheet.span())
    })?;
    Ok(Table {
        start: range.start().unwrap_or((0, 0)),
        cells: range.rows().map(<[Data]>::to_vec).collect(),
    })
}

fn read_csv(path: &Path) -> Result<Table, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    // A spreadsheet program saves CSV with the separator of its language:
    // a comma, a semicolon (most of Europe) or a tab. The header row says
    // which.
    let header = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| header.iter().filter(|b| *b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes.as_slice());
    let mut cells = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        cells.push(
            record
                .iter()
                .map(|text| {
                    if text.trim().is_empty() {
                        Data::Empty
                    } else {
                        Data::String(text.to_owned())
                    }
                })
                .collect(),
        );
    }
    Ok(Table {
        cells,
        start: (0, 0),
    })
}

/// A header as it is matched: case and spaces do not count.
fn folded(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// `C`, `AA`: the letters of a column numbered from 0.
fn column_letters(mut n: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (n % 26) as u8));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// How a key's cells are written: most are text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Text,
    /// A word of a fixed list, written in the plan's lower case.
    Word,
    Integer,
    Day,
    YesNo,
    /// `internal`: yes means not visible.
    Internal,
    /// A person: an id, or a name matched to one.
    Person,
}

fn shape(key: &str) -> Shape {
    match key {
        "probability" | "impact" => Shape::Integer,
        "baseline" | "forecast" | "promised" | "done" | "due" | "assigned" | "help_by" => {
            Shape::Day
        }
        "visible" => Shape::YesNo,
        "internal" => Shape::Internal,
        "owner" | "help_owner" => Shape::Person,
        "severity" | "status" | "response" | "kind" => Shape::Word,
        _ => Shape::Text,
    }
}

/// Which column each of the row's keys is read from.
fn columns_of(
    source: &Source,
    headers: &[Data],
    sheet_place: &str,
) -> Result<Vec<(String, usize)>, Diagnostic> {
    let kind = source.kind;
    let keys: Vec<&str> = table_at(kind.section(), &[])
        .map(|t| t.keys.to_vec())
        .unwrap_or_default();
    let headers: Vec<String> = headers.iter().map(|h| folded(&text_of(h))).collect();
    let mut found = Vec::new();
    let mapped = source.columns.as_ref().map(Spanned::get_ref);
    for (key, header) in mapped.into_iter().flatten() {
        let key = key.as_str();
        if key != "internal" && !keys.contains(&key) {
            let near =
                closest(key, &keys).map_or_else(String::new, |n| format!("did you mean `{n}`? "));
            return Err(Diagnostic::error(
                "source-column",
                format!("`{key}` is not a key of {}", kind.section()),
            )
            .at(source.columns.as_ref().map_or(0..0, Spanned::span))
            .hint(format!("{near}the keys: {}, internal", keys.join(", "))));
        }
        let Some(at) = headers.iter().position(|h| *h == folded(header.get_ref())) else {
            let written: Vec<String> = headers.iter().filter(|h| !h.is_empty()).cloned().collect();
            let near = closest(
                &folded(header.get_ref()),
                &written.iter().map(String::as_str).collect::<Vec<_>>(),
            )
            .map_or_else(String::new, |n| format!("did you mean `{n}`? "));
            return Err(Diagnostic::error(
                "source-column",
                format!(
                    "{} has no column `{}` (for {key})",
                    sheet_place,
                    header.get_ref()
                ),
            )
            .at(header.span())
            .hint(format!("{near}its first row names the columns")));
        };
        found.push((key.to_owned(), at));
    }
    for key in keys.iter().copied().chain(["internal"]) {
        if found.iter().any(|(k, _)| k == key) {
            continue;
        }
        if let Some(at) = headers.iter().position(|h| *h == folded(key)) {
            found.push((key.to_owned(), at));
        }
    }
    let first = if kind == SheetKind::Milestones {
        "name"
    } else {
        "id"
    };
    if !found.iter().any(|(k, _)| k == first) {
        return Err(Diagnostic::error(
            "source-column",
            format!("{sheet_place} has no column for `{first}`"),
        )
        .at(source.file.span())
        .hint(format!(
            "name the column that holds it: columns = {{ {first} = \"Ref\" }}"
        )));
    }
    Ok(found)
}

impl Cell {
    /// `raid.xlsx › Risks`: the sheet, without the cell.
    fn sheet_place(&self) -> String {
        match &self.sheet {
            Some(sheet) => format!("{} › {sheet}", self.file),
            None => self.file.clone(),
        }
    }
}

/// A cell as text, as the spreadsheet shows it.
fn text_of(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_owned(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            day_of_serial(d.as_f64()).map_or_else(|| d.to_string(), |d| d.to_string())
        }
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// A spreadsheet date (days since 30 Dec 1899) as a day.
fn day_of_serial(serial: f64) -> Option<Date> {
    let days = serial.floor() as i64;
    jiff::civil::date(1899, 12, 30)
        .checked_add(jiff::Span::new().try_days(days).ok()?)
        .ok()
}

/// A TOML string holding `text`.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// The plan's line for one cell of `key` (`internal` is written as
/// `visible`); none for an empty cell; why not, for a word that says
/// neither yes nor no.
fn line_of(key: &str, cell: &Data, people: &[Person]) -> Result<Option<String>, String> {
    let text = text_of(cell);
    if text.is_empty() {
        return Ok(None);
    }
    // The cell as the spreadsheet shows it (a whole number without its
    // ".0", a date as YYYY-MM-DD) is read as the key's kind of value; what
    // does not read is written as text, for the plan's own check to name.
    let shape = shape(key);
    let value = match shape {
        Shape::Text => quoted(&text),
        // "In progress" is the plan's `in-progress`.
        Shape::Word => quoted(&text.to_lowercase().replace([' ', '_'], "-")),
        Shape::Integer => text
            .parse::<i64>()
            .map_or_else(|_| quoted(&text), |i| i.to_string()),
        // ISO text with a time of day after it is its day.
        Shape::Day => text
            .get(..10)
            .unwrap_or(&text)
            .parse::<Date>()
            .map_or_else(|_| quoted(&text), |d| d.to_string()),
        Shape::YesNo | Shape::Internal => {
            let yes = match cell {
                Data::Bool(b) => *b,
                _ => match text.to_lowercase().as_str() {
                    "yes" | "y" | "true" | "x" | "1" => true,
                    "no" | "n" | "false" | "0" | "-" => false,
                    _ => return Err(format!("`{text}` is neither yes nor no")),
                },
            };
            let visible = if shape == Shape::Internal { !yes } else { yes };
            return Ok(Some(format!("visible = {visible}")));
        }
        Shape::Person => {
            let folded_name = text.to_lowercase();
            let id = people
                .iter()
                .find(|p| p.id == text)
                .or_else(|| {
                    people
                        .iter()
                        .find(|p| p.name.trim().to_lowercase() == folded_name)
                })
                .map_or(text.as_str(), |p| p.id.as_str());
            quoted(id)
        }
    };
    Ok(Some(format!("{key} = {value}")))
}

/// Write each row of `table` as an entry of the plan.
fn write_rows(source: &Source, table: &Table, people: &[Person], after: usize, rows: &mut Rows) {
    let file = source.file.get_ref().clone();
    let sheet = source.sheet.as_ref().map(|s| s.get_ref().clone());
    let (top, left) = table.start;
    let here = |row: u32, column: Option<u32>| Cell {
        file: file.clone(),
        sheet: sheet.clone(),
        cell: match column {
            Some(column) => format!("{}{}", column_letters(left + column), top + row + 1),
            None => format!("row {}", top + row + 1),
        },
    };
    let Some(headers) = table.cells.first() else {
        return;
    };
    if table.cells.len() > MOST_ROWS + 1 {
        return rows.diagnostics.push(
            Diagnostic::error(
                "source-too-large",
                format!(
                    "{} has {} rows, more than the {MOST_ROWS} resetpoint reads",
                    here(0, None).sheet_place(),
                    table.cells.len() - 1
                ),
            )
            .at(source.file.span())
            .hint("check that this is the RAID log; keep the rows the plan needs in a sheet of their own"),
        );
    }
    let columns = match columns_of(source, headers, &here(0, None).sheet_place()) {
        Ok(columns) => columns,
        Err(diagnostic) => return rows.diagnostics.push(diagnostic),
    };
    let section = source.kind.section();
    for (n, cells) in table.cells.iter().enumerate().skip(1) {
        if cells.iter().all(|c| text_of(c).is_empty()) {
            continue;
        }
        let n = n as u32;
        let line = |text: String, cell: Cell, rows: &mut Rows| rows.line(after, text, cell);
        line(format!("\n[[{section}]]"), here(n, None), rows);
        for (key, column) in &columns {
            let cell = cells.get(*column).unwrap_or(&Data::Empty);
            let place = here(n, Some(*column as u32));
            match line_of(key, cell, people) {
                Ok(None) => {}
                Ok(Some(said)) => line(said, place, rows),
                Err(why) => {
                    // Said at its cell: a comment line stands for it.
                    let start = after + rows.text.len();
                    line(format!("# {key}: not read"), place, rows);
                    rows.diagnostics.push(
                        Diagnostic::error("source-value", format!("{key}: {why}"))
                            .at(start..start + 1)
                            .hint("write yes or no (x counts as yes)"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_letter_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn a_spreadsheet_date_is_its_day() {
        // 45996 is 2025-12-05 in every spreadsheet program.
        assert_eq!(day_of_serial(45996.0), Some(jiff::civil::date(2025, 12, 5)));
        assert_eq!(
            day_of_serial(45996.75),
            Some(jiff::civil::date(2025, 12, 5))
        );
    }

    #[test]
    fn headers_match_whatever_their_case_and_spaces() {
        assert_eq!(folded("Internal only"), folded("internalOnly"));
        assert_eq!(folded(" Help_By "), "helpby");
    }
}
