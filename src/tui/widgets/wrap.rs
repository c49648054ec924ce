//! Word wrap that knows how wide each character is on screen. ratatui 0.30's
//! own word wrap can push a wide character (CJK, emoji) over a panel's right
//! border (ratatui issue 2679), so every wrapped text on our screens is cut
//! into lines here first and then drawn line by line, each one known to fit.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// Cells a character takes on screen; control characters take none.
fn cells(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Cells a line takes on screen, counted the way this module wraps.
pub fn width_of(line: &Line) -> usize {
    line.spans
        .iter()
        .flat_map(|s| s.content.chars())
        .map(cells)
        .sum()
}

/// A run of text in one style.
type Piece = (String, Style);

/// A word and the spaces after it; a line may break after the spaces.
#[derive(Default)]
struct Word {
    text: Vec<Piece>,
    text_width: usize,
    space: Vec<Piece>,
    space_width: usize,
}

fn push(pieces: &mut Vec<Piece>, c: char, style: Style) {
    match pieces.last_mut() {
        Some((text, s)) if *s == style => text.push(c),
        _ => pieces.push((c.to_string(), style)),
    }
}

/// Split a line into words. A wide character is a word of its own, so
/// Chinese or Japanese text, written without spaces, can break between
/// any two characters, as it does in print.
fn words(line: &Line) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut word = Word::default();
    for span in &line.spans {
        let style = line.style.patch(span.style);
        for c in span.content.chars() {
            if c == '\n' || c == '\r' {
                continue;
            }
            let w = cells(c);
            if c.is_whitespace() {
                push(&mut word.space, ' ', style);
                word.space_width += 1;
                continue;
            }
            // A word ends at the spaces after it, or before a wide character.
            let ends = word.space_width > 0 || (w > 1 && word.text_width > 0);
            if ends {
                out.push(std::mem::take(&mut word));
            }
            push(&mut word.text, c, style);
            word.text_width += w;
            if w > 1 {
                out.push(std::mem::take(&mut word));
            }
        }
    }
    if word.text_width > 0 || word.space_width > 0 {
        out.push(word);
    }
    out
}

/// Lines being built, none wider than `width`.
struct Lines {
    width: usize,
    indent: usize,
    done: Vec<Vec<Piece>>,
    current: Vec<Piece>,
    used: usize,
    /// Where the text of the current line starts: after the indent, but
    /// the first line has none.
    start: usize,
}

impl Lines {
    fn break_line(&mut self) {
        self.done.push(std::mem::take(&mut self.current));
        if self.indent > 0 {
            self.current
                .push((" ".repeat(self.indent), Style::default()));
        }
        self.used = self.indent;
        self.start = self.indent;
    }

    fn has_text(&self) -> bool {
        self.used > self.start
    }

    fn add(&mut self, pieces: &[Piece], width: usize) {
        for (text, style) in pieces {
            match self.current.last_mut() {
                Some((t, s)) if s == style => t.push_str(text),
                _ => self.current.push((text.clone(), *style)),
            }
        }
        self.used += width;
    }

    /// A word longer than a whole line, cut between characters.
    fn add_long(&mut self, pieces: &[Piece]) {
        for (text, style) in pieces {
            for c in text.chars() {
                let w = cells(c);
                if self.used + w > self.width && self.has_text() {
                    self.break_line();
                }
                self.add(&[(c.to_string(), *style)], w);
            }
        }
    }
}

/// `line` as the one line it wraps to, when it fits in `width` and holds
/// nothing but spaces and letters that take a cell or more: what the word
/// by word wrap below makes of it (each span in the line's style, like
/// styles joined, the spaces at the end dropped), made without cutting it
/// into words. Most of a screen's cells are such a line, and a frame wraps
/// every one. `None` for anything else, which the wrap below takes.
fn one_line(line: &Line, width: usize) -> Option<Line<'static>> {
    let mut used = 0;
    let mut text_ends = 0;
    for c in line.spans.iter().flat_map(|s| s.content.chars()) {
        used += match c {
            ' ' => 1,
            c if c.is_whitespace() => return None,
            c => match cells(c) {
                0 => return None,
                w => {
                    text_ends = used + w;
                    w
                }
            },
        };
        if text_ends > width {
            return None;
        }
    }
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut left = text_ends;
    for span in &line.spans {
        let style = line.style.patch(span.style);
        let mut content = span.content.as_ref();
        let mut taken = 0;
        for (at, c) in content.char_indices() {
            let w = if c == ' ' { 1 } else { cells(c) };
            if taken + w > left {
                content = &content[..at];
                break;
            }
            taken += w;
        }
        left -= taken;
        match spans.last_mut() {
            _ if content.is_empty() => {}
            Some(last) if last.style == style => last.content.to_mut().push_str(content),
            _ => spans.push(Span::styled(content.to_owned(), style)),
        }
    }
    Some(Line::from(spans))
}

/// `line` cut into lines of at most `width` cells, breaking between words;
/// lines after the first start with `indent` spaces (for bullets).
pub fn wrap_indented(line: &Line, width: usize, indent: usize) -> Vec<Line<'static>> {
    match one_line(line, width.max(1)) {
        Some(line) => vec![line],
        None => word_by_word(line, width, indent),
    }
}

/// [`wrap_indented`], a word at a time.
fn word_by_word(line: &Line, width: usize, indent: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let indent = if indent * 2 > width { 0 } else { indent };
    let mut lines = Lines {
        width,
        indent,
        done: Vec::new(),
        current: Vec::new(),
        used: 0,
        start: 0,
    };
    let mut pending: Vec<Piece> = Vec::new();
    let mut pending_width = 0;
    for word in words(line) {
        if word.text_width > 0 {
            if lines.used + pending_width + word.text_width <= width {
                lines.add(&pending, pending_width);
                lines.add(&word.text, word.text_width);
            } else if word.text_width <= width - indent {
                if lines.has_text() {
                    lines.break_line();
                }
                lines.add(&word.text, word.text_width);
            } else {
                if lines.used + pending_width < width {
                    lines.add(&pending, pending_width);
                }
                lines.add_long(&word.text);
            }
        }
        pending = word.space;
        pending_width = word.space_width;
    }
    lines.done.push(lines.current);
    lines
        .done
        .into_iter()
        .map(|pieces| {
            let spans: Vec<Span<'static>> = pieces
                .into_iter()
                .map(|(text, style)| Span::styled(text, style))
                .collect();
            Line::from(spans)
        })
        .collect()
}

/// `line` cut into lines of at most `width` cells, breaking between words.
pub fn wrap(line: &Line, width: usize) -> Vec<Line<'static>> {
    wrap_indented(line, width, 0)
}

/// Every line wrapped to `width`, one after the other.
pub fn wrap_all(lines: &[Line], width: usize) -> Vec<Line<'static>> {
    lines.iter().flat_map(|l| wrap(l, width)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn styled_text() -> impl Strategy<Value = Line<'static>> {
        let piece = prop_oneof![
            Just(" "),
            Just("  "),
            Just("word"),
            Just("Zoë"),
            Just("上海"),
            Just("深圳物流中心"),
            Just("\t"),
            Just("\n"),
            Just("\u{301}"),
            Just("🚢"),
        ];
        let span = (prop::collection::vec(piece, 0..6), 0..3u8).prop_map(|(pieces, colour)| {
            let style = match colour {
                0 => Style::default(),
                1 => Style::default().fg(ratatui::style::Color::Red),
                _ => Style::default().add_modifier(ratatui::style::Modifier::BOLD),
            };
            Span::styled(pieces.concat(), style)
        });
        (prop::collection::vec(span, 0..4), any::<bool>()).prop_map(|(spans, italic)| {
            let line = Line::from(spans);
            if italic {
                line.style(Style::default().add_modifier(ratatui::style::Modifier::ITALIC))
            } else {
                line
            }
        })
    }

    proptest! {
        #[test]
        fn the_one_line_shortcut_makes_what_the_word_wrap_makes(
            line in styled_text(),
            width in 0usize..40,
        ) {
            let one = one_line(&line, width.max(1));
            // Taken whenever the line is spaces and letters and fits.
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            let plain = text.chars().all(|c| c == ' ' || (!c.is_whitespace() && cells(c) > 0));
            let fits = width_of(&Line::raw(text.trim_end_matches(' '))) <= width.max(1);
            prop_assert_eq!(one.is_some(), plain && fits);
            if let Some(one) = one {
                prop_assert_eq!(vec![one], word_by_word(&line, width, 0));
            }
        }
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn breaks_between_words_and_never_exceeds_the_width() {
        let line = Line::raw("Integration with the scanning system slipped three weeks");
        let lines = wrap(&line, 20);
        assert_eq!(
            texts(&lines),
            [
                "Integration with the",
                "scanning system",
                "slipped three weeks"
            ]
        );
    }

    #[test]
    fn wide_characters_break_anywhere_and_stay_inside() {
        let line = Line::raw("Warehouse move to 上海 and 深圳物流中心");
        for width in 4..30 {
            for l in wrap(&line, width) {
                assert!(width_of(&l) <= width, "{width}: {l}");
            }
        }
        let joined: String = texts(&wrap(&line, 9)).concat();
        assert!(joined.contains("上海"), "{joined}");
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut_between_letters_not_dropped() {
        let lines = wrap(&Line::raw("a Supercalifragilistic b"), 8);
        assert!(lines.iter().all(|l| width_of(l) <= 8));
        let joined: String = texts(&lines).concat().replace(' ', "");
        assert_eq!(joined, "aSupercalifragilisticb");
    }

    #[test]
    fn later_lines_are_indented_under_the_text() {
        let line = Line::raw("• one two three four");
        let lines = wrap_indented(&line, 10, 2);
        assert_eq!(texts(&lines), ["• one two", "  three", "  four"]);
    }

    #[test]
    fn styles_survive_the_wrap() {
        let bold = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let line = Line::from(vec![
            Span::raw("plain words "),
            Span::styled("bold end", bold),
        ]);
        let lines = wrap(&line, 12);
        assert_eq!(texts(&lines), ["plain words", "bold end"]);
        assert_eq!(lines[1].spans[0].style, bold);
    }
}
