//! Diagnostics about a plan file, shown like a compiler's: a code, the file,
//! line and column, the source line with a caret under the place, and how to
//! fix it. Everything taken from the file is escaped before it is shown.

use super::sheets::Cell;
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::OnceLock;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::text::visible;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Warning,
    Error,
}

/// One finding about the plan. `span` is a byte range into the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub level: Level,
    pub code: &'static str,
    pub message: String,
    pub span: Option<Range<usize>>,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            level: Level::Error,
            code,
            message: message.into(),
            span: None,
            hint: None,
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            level: Level::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    pub fn at(mut self, span: Range<usize>) -> Self {
        self.span = Some(span);
        self
    }

    pub fn at_opt(mut self, span: Option<Range<usize>>) -> Self {
        self.span = span;
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }
}

/// How many diagnostics of each level are shown to a person; the rest are
/// counted.
pub const SHOWN: usize = 50;

/// How much of a source line is shown, in columns: a line longer than this
/// is cut down to a window around the caret.
const LINE_COLUMNS: usize = 100;
/// Of that window, the columns before the caret.
const BEFORE_CARET: usize = 40;

/// A source line as shown under a diagnostic: the text, then how far in the
/// caret starts and how many columns it marks.
struct Window {
    text: String,
    lead: usize,
    marked: usize,
}

impl Window {
    /// The line with tabs as spaces and unsafe characters made visible; when
    /// that is wider than [`LINE_COLUMNS`], only the part around the span
    /// `start..end` (byte offsets into `line`), cut at `…`.
    fn around(line: &str, start: usize, end: usize) -> Window {
        let (before, marked, after) = (&line[..start], &line[start..end], &line[end..]);
        let (whole, _, cut) = fit(line.chars(), LINE_COLUMNS);
        if !cut {
            let width = |s: &str| s.chars().map(|c| shown(c).width()).sum::<usize>();
            return Window {
                text: whole.concat(),
                lead: width(before),
                marked: width(marked).max(1),
            };
        }
        let (mut left, left_width, left_cut) = fit(before.chars().rev(), BEFORE_CARET);
        left.reverse();
        let (middle, middle_width, middle_cut) = fit(marked.chars(), LINE_COLUMNS - left_width);
        let (right, _, right_cut) = if middle_cut {
            (Vec::new(), 0, !after.is_empty())
        } else {
            fit(after.chars(), LINE_COLUMNS - left_width - middle_width)
        };
        let mut text = String::new();
        if left_cut {
            text.push('…');
        }
        text.push_str(&left.concat());
        text.push_str(&middle.concat());
        text.push_str(&right.concat());
        if middle_cut || right_cut {
            text.push('…');
        }
        Window {
            text,
            lead: usize::from(left_cut) + left_width,
            marked: middle_width.max(1),
        }
    }
}

/// One character as a diagnostic shows it.
fn shown(c: char) -> String {
    if c == '\t' {
        " ".to_owned()
    } else {
        visible(c.encode_utf8(&mut [0; 4]))
    }
}

/// The characters as shown, for as long as they fit in `columns`: the
/// pieces, their width, and whether some were left out.
fn fit(chars: impl Iterator<Item = char>, columns: usize) -> (Vec<String>, usize, bool) {
    let mut pieces = Vec::new();
    let mut width = 0;
    for c in chars {
        let piece = shown(c);
        let w = piece.width();
        if width + w > columns {
            return (pieces, width, true);
        }
        width += w;
        pieces.push(piece);
    }
    (pieces, width, false)
}

/// The plan file's name and text, for turning byte spans into places.
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub name: String,
    pub text: String,
    /// The byte offset where each line starts, found on the first place
    /// asked for: with it, a place costs a binary search, not a count of
    /// every line above it, so thousands of warnings cost no more per
    /// warning at the end of a large plan than at its start.
    line_starts: OnceLock<Vec<usize>>,
    /// The lines written out from the plan's spreadsheets (after its own
    /// text), each with the cell it came from, in order.
    cells: Box<[(Range<usize>, Cell)]>,
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Place {
    pub line: usize,
    pub column: usize,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
            line_starts: OnceLock::new(),
            cells: Box::default(),
        }
    }

    /// The plan's text followed by the rows read from its spreadsheets.
    pub fn with_rows(mut self, text: &str, cells: Vec<(Range<usize>, Cell)>) -> Self {
        self.text.push('\n');
        self.text.push_str(text);
        self.cells = cells.into_boxed_slice();
        self.line_starts = OnceLock::new();
        self
    }

    /// The cell a byte of the text was read from, when it was read from a
    /// spreadsheet.
    pub fn cell_at(&self, offset: usize) -> Option<&Cell> {
        let after = self.cells.partition_point(|(span, _)| span.end < offset);
        self.cells
            .get(after)
            .filter(|(span, _)| span.start <= offset)
            .map(|(_, cell)| cell)
    }

    /// Where a byte of the text is, for a message: "on line 12", or "in"
    /// the cell of the spreadsheet it was read from.
    pub fn where_is(&self, offset: usize) -> String {
        match self.cell_at(offset) {
            Some(cell) => format!("in {cell}"),
            None => format!("on line {}", self.place(offset).line),
        }
    }

    fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// The 0-based number of the line holding `offset` (a char boundary),
    /// and the byte where that line starts.
    fn line_of(&self, offset: usize) -> (usize, usize) {
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(at, _)| at + 1))
                .collect()
        });
        // The first start is 0, so at least one start is at or before `offset`.
        let line = starts.partition_point(|&start| start <= offset) - 1;
        (line, starts[line])
    }

    /// Where a byte offset falls.
    pub fn place(&self, offset: usize) -> Place {
        let offset = self.clamp(offset);
        let (line, start) = self.line_of(offset);
        Place {
            line: line + 1,
            column: self.text[start..offset].chars().count() + 1,
        }
    }

    /// The whole line holding `offset`, without its line ending.
    fn line_at(&self, offset: usize) -> (usize, &str) {
        let (_, start) = self.line_of(self.clamp(offset));
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        (start, self.text[start..end].trim_end_matches('\r'))
    }

    /// A diagnostic rendered for a person, as `check` prints it. A long
    /// line is shown as a window around the caret, so each diagnostic stays
    /// a few lines long whatever the file holds.
    pub fn render(&self, diagnostic: &Diagnostic) -> String {
        let mut out = String::new();
        let level = match diagnostic.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        let _ = writeln!(
            out,
            "{level}[{}]: {}",
            diagnostic.code,
            visible(&diagnostic.message)
        );
        let name = visible(&self.name);
        // A row of a spreadsheet is shown by its cell, which the PM opens
        // to fix, as a diagnostic of no place is by the file's name.
        let cell = diagnostic.span.as_ref().and_then(|s| self.cell_at(s.start));
        match diagnostic.span.as_ref().filter(|_| cell.is_none()) {
            Some(span) => {
                let place = self.place(span.start);
                let (line_start, line) = self.line_at(span.start);
                let number = place.line.to_string();
                let gutter = " ".repeat(number.len());
                // A span can start on the line's own `\r`, which is not shown.
                let start = (self.clamp(span.start) - line_start).min(line.len());
                let end = self
                    .clamp(span.end.max(span.start))
                    .min(line_start + line.len())
                    - line_start;
                let shown = Window::around(line, start, end.max(start));
                let _ = writeln!(out, "{gutter}--> {name}:{}:{}", place.line, place.column);
                let _ = writeln!(out, "{gutter} |");
                let _ = writeln!(out, "{number} | {}", shown.text);
                let _ = writeln!(
                    out,
                    "{gutter} | {}{}",
                    " ".repeat(shown.lead),
                    "^".repeat(shown.marked)
                );
                if let Some(hint) = &diagnostic.hint {
                    let _ = writeln!(out, "{gutter} = help: {}", visible(hint));
                }
            }
            None => {
                let place = cell.map_or(name, |cell| visible(&cell.to_string()));
                let _ = writeln!(out, " --> {place}");
                if let Some(hint) = &diagnostic.hint {
                    let _ = writeln!(out, "  = help: {}", visible(hint));
                }
            }
        }
        out
    }

    /// These diagnostics rendered in the order given, each followed by a
    /// blank line, with at most [`SHOWN`] of each level: a file with ten
    /// thousand mistakes gets the first fifty and a count of the rest, not
    /// a report a thousand times its size.
    pub fn render_all<'d>(&self, diagnostics: impl IntoIterator<Item = &'d Diagnostic>) -> String {
        let mut out = String::new();
        let (mut errors, mut warnings) = (0, 0);
        for diagnostic in diagnostics {
            let count = match diagnostic.level {
                Level::Error => &mut errors,
                Level::Warning => &mut warnings,
            };
            *count += 1;
            if *count <= SHOWN {
                out.push_str(&self.render(diagnostic));
                out.push('\n');
            }
        }
        for (count, one, many) in [
            (errors, "error", "errors"),
            (warnings, "warning", "warnings"),
        ] {
            if count > SHOWN {
                let more = count - SHOWN;
                let _ = writeln!(
                    out,
                    "… and {more} more {} not shown: fix the ones above and check again.\n",
                    if more == 1 { one } else { many }
                );
            }
        }
        out
    }

    /// A diagnostic as one object of `check --format json`.
    pub fn to_json(&self, diagnostic: &Diagnostic) -> serde_json::Value {
        let cell = diagnostic.span.as_ref().and_then(|s| self.cell_at(s.start));
        let place = diagnostic
            .span
            .as_ref()
            .filter(|_| cell.is_none())
            .map(|s| self.place(s.start));
        let mut json = serde_json::json!({
            "severity": diagnostic.level,
            "code": diagnostic.code,
            "message": visible(&diagnostic.message),
            "line": place.map(|p| p.line),
            "column": place.map(|p| p.column),
            "hint": diagnostic.hint.as_deref().map(visible),
        });
        // A row of a spreadsheet is found by file, sheet and cell.
        if let Some(cell) = cell {
            json["source"] = serde_json::json!({
                "file": visible(&cell.file),
                "sheet": cell.sheet.as_deref().map(visible),
                "cell": cell.cell,
            });
        }
        json
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_one_based_and_count_characters() {
        let source = Source::new("p.toml", "a = 1\nné = \"x\"\n");
        assert_eq!(source.place(0), Place { line: 1, column: 1 });
        let offset = source.text.find('=').unwrap();
        assert_eq!(source.place(offset), Place { line: 1, column: 3 });
        let second = source.text.rfind('=').unwrap();
        assert_eq!(source.place(second), Place { line: 2, column: 4 });
    }

    #[test]
    fn every_offset_is_placed_as_counting_from_the_top_would() {
        let text = "\n\na = \"é\u{212A}\"\r\n\n\tb = 2\nlast line, no newline é";
        let source = Source::new("p.toml", text);
        for offset in 0..=text.len() + 2 {
            let mut at = offset.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let before = &text[..at];
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            let counted = Place {
                line: before.matches('\n').count() + 1,
                column: before[start..].chars().count() + 1,
            };
            assert_eq!(source.place(offset), counted, "offset {offset}");
        }
    }

    #[test]
    fn caret_sits_under_the_span_after_escapes() {
        let source = Source::new("p.toml", "k = \"\u{1b}x\" # y\n");
        let start = source.text.find('x').unwrap();
        let text = source.render(&Diagnostic::error("bad", "oops").at(start..start + 1));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[3], "1 | k = \"\\u{1b}x\" # y");
        let caret = lines[4].find('^').unwrap();
        assert_eq!(&lines[3][caret..caret + 1], "x");
        assert!(!text.contains('\u{1b}'));
    }

    #[test]
    fn a_span_on_a_carriage_return_does_not_panic() {
        let source = Source::new("p.toml", "k = \"\r\n\"\n");
        let at = source.text.find('\r').unwrap();
        let text = source.render(&Diagnostic::error("bad", "oops").at(at..at + 1));
        assert!(text.contains("p.toml:1:6"), "{text}");
    }

    #[test]
    fn spans_past_the_end_do_not_panic() {
        let source = Source::new("p.toml", "é");
        let text = source.render(&Diagnostic::error("bad", "oops").at(1..99));
        assert!(text.contains("p.toml:1:1"));
    }

    #[test]
    fn a_long_line_is_shown_around_the_caret() {
        let line = format!("title = \"{}\u{1b}{}\"", "a".repeat(5000), "b".repeat(5000));
        let source = Source::new("p.toml", format!("{line}\n"));
        let at = source.text.find('\u{1b}').unwrap();
        let text = source.render(&Diagnostic::error("bad", "oops").at(at..at + 1));
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[3].starts_with("1 | …a"), "{}", lines[3]);
        assert!(lines[3].ends_with("b…"), "{}", lines[3]);
        assert!(lines[3].chars().count() <= LINE_COLUMNS + 8, "{}", lines[3]);
        let caret = lines[4].chars().position(|c| c == '^').unwrap();
        let under: String = lines[3].chars().skip(caret).take(6).collect();
        assert_eq!(under, "\\u{1b}");
        assert_eq!(
            lines[4].matches('^').count(),
            6,
            "the escape is marked whole"
        );
        assert!(text.contains("p.toml:1:5010"), "{text}");
    }

    #[test]
    fn a_long_span_is_cut_too() {
        let source = Source::new("p.toml", "x".repeat(3000));
        let text = source.render(&Diagnostic::error("bad", "oops").at(10..2990));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[3], format!("1 | {}…", "x".repeat(LINE_COLUMNS)));
        assert_eq!(
            lines[4],
            format!("  | {}{}", " ".repeat(10), "^".repeat(LINE_COLUMNS - 10))
        );
    }

    #[test]
    fn only_the_first_fifty_of_each_level_are_shown() {
        let source = Source::new("p.toml", "a = 1\n");
        let mut found: Vec<Diagnostic> = (0..120).map(|_| Diagnostic::error("bad", "e")).collect();
        found.extend((0..51).map(|_| Diagnostic::warning("meh", "w")));
        found.push(Diagnostic::warning("meh", "w"));
        let text = source.render_all(&found);
        assert_eq!(text.matches("error[bad]").count(), SHOWN);
        assert_eq!(text.matches("warning[meh]").count(), SHOWN);
        assert!(text.contains("… and 70 more errors not shown"), "{text}");
        assert!(text.contains("… and 2 more warnings not shown"), "{text}");
        let few = source.render_all(&found[..3]);
        assert!(!few.contains("more"), "{few}");
    }
}
