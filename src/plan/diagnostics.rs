//! Diagnostics about a plan file, shown like a compiler's: a code, the file,
//! line and column, the source line with a caret under the place, and how to
//! fix it. Everything taken from the file is escaped before it is shown.

use std::fmt::Write as _;
use std::ops::Range;

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

/// The plan file's name and text, for turning byte spans into places.
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub name: String,
    pub text: String,
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
        }
    }

    fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// Where a byte offset falls.
    pub fn place(&self, offset: usize) -> Place {
        let offset = self.clamp(offset);
        let before = &self.text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Place {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }

    /// The whole line holding `offset`, without its line ending.
    fn line_at(&self, offset: usize) -> (usize, &str) {
        let offset = self.clamp(offset);
        let start = self.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let end = self.text[offset..]
            .find('\n')
            .map_or(self.text.len(), |i| offset + i);
        (start, self.text[start..end].trim_end_matches('\r'))
    }

    /// A diagnostic rendered for a person, as `check` prints it.
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
        match &diagnostic.span {
            Some(span) => {
                let place = self.place(span.start);
                let (line_start, line) = self.line_at(span.start);
                let number = place.line.to_string();
                let gutter = " ".repeat(number.len());
                let shown = visible(&line.replace('\t', " "));
                // A span can start on the line's own `\r`, which is not shown.
                let start = (self.clamp(span.start) - line_start).min(line.len());
                let end = self
                    .clamp(span.end.max(span.start))
                    .min(line_start + line.len())
                    - line_start;
                let lead = visible(&line[..start].replace('\t', " ")).width();
                let marked = visible(&line[start..end.max(start)]).width().max(1);
                let _ = writeln!(out, "{gutter}--> {name}:{}:{}", place.line, place.column);
                let _ = writeln!(out, "{gutter} |");
                let _ = writeln!(out, "{number} | {shown}");
                let _ = writeln!(out, "{gutter} | {}{}", " ".repeat(lead), "^".repeat(marked));
                if let Some(hint) = &diagnostic.hint {
                    let _ = writeln!(out, "{gutter} = help: {}", visible(hint));
                }
            }
            None => {
                let _ = writeln!(out, " --> {name}");
                if let Some(hint) = &diagnostic.hint {
                    let _ = writeln!(out, "  = help: {}", visible(hint));
                }
            }
        }
        out
    }

    /// A diagnostic as one object of `check --format json`.
    pub fn to_json(&self, diagnostic: &Diagnostic) -> serde_json::Value {
        let place = diagnostic.span.as_ref().map(|s| self.place(s.start));
        serde_json::json!({
            "severity": diagnostic.level,
            "code": diagnostic.code,
            "message": visible(&diagnostic.message),
            "line": place.map(|p| p.line),
            "column": place.map(|p| p.column),
            "hint": diagnostic.hint.as_deref().map(visible),
        })
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
}
