//! Untrusted text made safe to print: control characters and bidirectional
//! overrides become visible escapes (`\u{1b}`), so nothing from a plan file
//! or a keyboard can move the cursor or recolour the terminal. JSON gets
//! them as JSON escapes (`\u009b`) instead, so a reader still gets the text.

use std::io;

use serde::Serialize;

/// Characters that reorder text on screen without being seen.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// Whether `c` must never reach a terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Characters a terminal draws as nothing but that still take part in
/// the line: zero-width spaces and joiners, the word joiner and the BOM.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
}

/// `text` as drawn on a screen: what cannot be seen or would reorder the
/// line (controls, bidi overrides and isolates, zero-width characters, the
/// BOM) left out, so the row shows what it says and nothing else.
pub fn on_screen(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_unsafe(c) && !is_invisible(c))
        .collect()
}

/// `text` cut to `width` columns, with "…" at the cut when it must be cut.
pub fn cut(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar as _;
    if unicode_width::UnicodeWidthStr::width(text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `text` with every unsafe character written as a visible escape.
pub fn visible(text: &str) -> String {
    if !text.chars().any(is_unsafe) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` made visible like [`visible`], but with its line breaks kept as
/// line breaks (`\r\n` and a lone `\r` become `\n`), for formats where a
/// cell or field may span lines.
pub fn visible_lines(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.split('\n').map(visible).collect::<Vec<_>>().join("\n")
}

/// `value` as compact JSON in which every unsafe character is written as a
/// `\uXXXX` escape: serde_json escapes only what JSON requires (below
/// U+0020), which lets DEL, C1 controls such as U+009B (a one-byte CSI) and
/// bidi overrides through raw.
pub fn json(value: &impl Serialize) -> String {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, SafeJson);
    if value.serialize(&mut serializer).is_err() {
        return "null".to_owned();
    }
    // Only valid UTF-8 is ever written, from `str`s and ASCII escapes.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// serde_json's compact output, with unsafe characters escaped in strings.
struct SafeJson;

impl serde_json::ser::Formatter for SafeJson {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some(at) = rest.find(is_unsafe) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            for unit in c.encode_utf16(&mut [0; 2]) {
                write!(writer, "\\u{unit:04x}")?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_and_bidi_bytes_become_visible() {
        assert_eq!(visible("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(visible("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(visible("tab\there"), "tab\\u{9}here");
    }

    #[test]
    fn json_escapes_what_serde_json_lets_through() {
        let text = "a\u{9b}31m\u{7f}\u{202e}b\u{1b}]52;c;eA==\u{7}";
        let json = json(&serde_json::json!({ "t": text }));
        assert_eq!(
            json,
            r#"{"t":"a\u009b31m\u007f\u202eb\u001b]52;c;eA==\u0007"}"#
        );
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["t"], text, "a JSON reader gets the text back exactly");
    }

    #[test]
    fn line_breaks_can_be_kept() {
        assert_eq!(visible_lines("a\r\nb\rc\n\u{1b}d"), "a\nb\nc\n\\u{1b}d");
    }

    #[test]
    fn ordinary_text_is_unchanged() {
        assert_eq!(visible("Café — 日本 ✅"), "Café — 日本 ✅");
    }
}
