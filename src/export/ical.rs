//! iCalendar (RFC 5545) as resetpoint writes it: TEXT and parameter
//! values escaped, addresses as `mailto:` URIs, content lines folded at 75
//! octets. Shared by the open actions' to-dos and the next meeting's
//! invitation.

use crate::text::{visible, visible_lines};

/// RFC 5545 TEXT: backslash, semicolon, comma and newline escaped, and
/// control characters and bidi overrides written as visible escapes (TEXT
/// has no escape of its own for them, and a calendar would show U+202E as
/// a reversal of the rest of the line).
pub fn text(text: &str) -> String {
    let text = visible_lines(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// A parameter value for inside double quotes: RFC 5545 has no escape for
/// a quote there, so RFC 6868's carets stand in (`^'` a quote, `^^` a
/// caret), and control characters are written as visible escapes.
pub fn param(text: &str) -> String {
    let mut out = String::new();
    for c in visible(text).chars() {
        match c {
            '^' => out.push_str("^^"),
            '"' => out.push_str("^'"),
            c => out.push(c),
        }
    }
    out
}

/// A `mailto:` URI (RFC 6068) for an address `check` has accepted: any
/// byte outside the address's plain characters percent-encoded, so nothing
/// in it can end the line or start a parameter.
pub fn mailto(address: &str) -> String {
    let mut out = String::from("mailto:");
    for byte in address.bytes() {
        if byte.is_ascii_alphanumeric() || b"@.-_+~!$&'*=".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A content line folded at 75 octets (never inside a character), CRLF ended.
pub fn line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}
