//! Untrusted text made safe to print: control characters and bidirectional
//! overrides become visible escapes (`\u{1b}`), so nothing from a plan file
//! or a keyboard can move the cursor or recolour the terminal.

/// Characters that reorder text on screen without being seen.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` must never reach a terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
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
    fn ordinary_text_is_unchanged() {
        assert_eq!(visible("Café — 日本 ✅"), "Café — 日本 ✅");
    }
}
