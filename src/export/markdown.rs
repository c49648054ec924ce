//! Typed text made literal in Markdown: nothing a person typed can become a
//! heading, a link, a list, HTML or a table, and line breaks stay line breaks.

use crate::text::visible;

/// `text` as Markdown that renders to exactly `text`: every ASCII
/// punctuation mark escaped, spaces at the ends of lines kept as character
/// references, newlines as hard line breaks, control characters made
/// visible. Blank lines before and after the text are dropped: Markdown has
/// no way to end a paragraph on a line break.
pub fn escape(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim_matches('\n');
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| escape_line(&visible(line)))
        .collect();
    lines.join("\\\n")
}

fn escape_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    let trail = chars.iter().rev().take_while(|c| c.is_whitespace()).count();
    let mut out = String::with_capacity(line.len() + 8);
    for (n, c) in chars.iter().enumerate() {
        if c.is_whitespace() && (n < lead || n >= chars.len() - trail) {
            // The parser would drop spaces at the ends of a line.
            out.push_str(&format!("&#{};", u32::from(*c)));
        } else if c.is_ascii_punctuation() {
            out.push('\\');
            out.push(*c);
        } else {
            out.push(*c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_is_escaped() {
        assert_eq!(escape("# Not a heading"), "\\# Not a heading");
        assert_eq!(
            escape("[x](http://e.com)"),
            "\\[x\\]\\(http\\:\\/\\/e\\.com\\)"
        );
        assert_eq!(escape("a\nb"), "a\\\nb");
        assert_eq!(escape(" x "), "&#32;x&#32;");
    }
}
