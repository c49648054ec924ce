//! Typed text made literal in Markdown: nothing a person typed can become a
//! heading, a link, a list, HTML or a table, and line breaks stay line breaks.
//! A character is escaped only where it would otherwise become markup in its
//! position, so the raw file still reads like a normal email: `St. Brigid's`,
//! `12:57`, `reset-point` and `4,100` stay as typed.

use crate::text::visible;

/// `text` as Markdown that renders to exactly `text` (CommonMark, and the
/// GitHub extensions: tables, strikethrough, task lists, autolinks, math,
/// footnotes): markup characters escaped where they would act, spaces at the
/// ends of lines kept as character references, newlines as hard line breaks,
/// control characters and bidi overrides made visible (`\u{202e}`). Blank
/// lines before and after the text are dropped: Markdown has no way to end a
/// paragraph on a line break.
pub fn escape(text: &str) -> String {
    escape_from(text, true)
}

/// `escape` for text that follows other text on its first line (`**A-4**
/// Book the rooms`): there a `#` or `1.` cannot start a block, so it stays
/// as typed.
pub fn escape_inline(text: &str) -> String {
    escape_from(text, false)
}

fn escape_from(text: &str, at_line_start: bool) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim_matches('\n');
    // Two dollars in a paragraph could pair up as math; one is just money.
    let dollars = text.matches('$').count() > 1;
    let lines: Vec<String> = text
        .split('\n')
        .enumerate()
        .map(|(n, line)| escape_line(&visible(line), dollars, at_line_start || n > 0))
        .collect();
    lines.join("\\\n")
}

fn escape_line(line: &str, dollars: bool, at_line_start: bool) -> String {
    let chars: Vec<char> = line.chars().collect();
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    let trail = chars[lead..]
        .iter()
        .rev()
        .take_while(|c| c.is_whitespace())
        .count();
    let end = chars.len() - trail;
    let mut out = String::with_capacity(line.len() + 8);
    for (n, &c) in chars.iter().enumerate() {
        if n < lead || n >= end {
            // The parser drops spaces at the ends of a line, and leading
            // ones could make indented code.
            out.push_str(&format!("&#{};", u32::from(c)));
            continue;
        }
        let before = (n > lead).then(|| chars[n - 1]);
        let after = (n + 1 < end).then(|| chars[n + 1]);
        // Block markup only where the line starts a block.
        let escaped = (at_line_start && n == lead && starts_markup(&chars[lead..end]))
            || acts_inline(c, before, after, &chars[n..])
            || (at_line_start && ordered_marker(&chars[lead..end], n - lead))
            || (c == '$' && dollars)
            || (c == '.' && after_www(&chars[lead..n]));
        if escaped {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether the line's first character opens a block: a heading, quote,
/// list item, thematic break, setext underline, code fence, table row,
/// definition or container.
fn starts_markup(line: &[char]) -> bool {
    let first = line[0];
    let next = line.get(1).copied();
    let spaced = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let all = |mark: char| line.iter().all(|c| *c == mark || c.is_whitespace());
    match first {
        '#' => {
            let hashes = line.iter().take_while(|c| **c == '#').count();
            hashes <= 6 && spaced(line.get(hashes).copied())
        }
        '>' | ':' | '|' => true,
        '-' | '+' | '*' => spaced(next) || all(first),
        '=' => all('='),
        _ => false,
    }
}

/// Whether the `.` or `)` at `at` ends an ordered-list marker (`1.`, `12)`)
/// at the start of the line.
fn ordered_marker(line: &[char], at: usize) -> bool {
    matches!(line[at], '.' | ')')
        && (1..=9).contains(&at)
        && line[..at].iter().all(char::is_ascii_digit)
        && line.get(at + 1).is_none_or(|c| c.is_whitespace())
}

/// Whether `c` would act as markup where it stands within a line. `rest`
/// starts at `c`.
fn acts_inline(c: char, before: Option<char>, after: Option<char>, rest: &[char]) -> bool {
    // Only a plain space: Markdown's idea of whitespace is narrower than
    // Unicode's (a line separator touches a word).
    let space = |c: Option<char>| c == Some(' ');
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    match c {
        // Code spans, link and image openers, table cells: rare in prose,
        // always escaped.
        '`' | '[' | '|' => true,
        // A backslash escapes punctuation, and at the end of a line it is
        // a hard break.
        '\\' => after.is_none_or(|a| a.is_ascii_punctuation()),
        // Emphasis, strikethrough, subscript and superscript need a
        // delimiter that touches a word; `4 * 5` cannot.
        '*' | '~' | '^' => !(space(before) && space(after)),
        // `snake_case` cannot be emphasis either.
        '_' => !((space(before) && space(after)) || (word(before) && word(after))),
        // HTML tags, comments and autolinks start with a letter, `/`, `!`
        // or `?` after `<`; `a < b` stays.
        '<' => after.is_some_and(|a| a.is_ascii_alphabetic() || matches!(a, '/' | '!' | '?')),
        // An entity or numeric reference: `&amp;`, `&#32;`.
        '&' => is_reference(&rest[1..]),
        // A bare `http://` link (GitHub makes one).
        ':' => word(before) && rest.get(1) == Some(&'/') && rest.get(2) == Some(&'/'),
        // A bare e-mail address (GitHub makes a mailto link).
        '@' => {
            before.is_some_and(|b| b.is_alphanumeric() || matches!(b, '.' | '_' | '-' | '+'))
                && word(after)
        }
        _ => false,
    }
}

/// Whether a `.` after `before` makes a bare `www.` link (GitHub makes one).
fn after_www(before: &[char]) -> bool {
    let Some(at) = before.len().checked_sub(3) else {
        return false;
    };
    let www = before[at..].iter().all(|c| c.eq_ignore_ascii_case(&'w'));
    www && (at == 0 || !before[at - 1].is_alphanumeric())
}

/// Whether `rest` (just after `&`) reads as the body of a character
/// reference: a name or `#` number, then `;`.
fn is_reference(rest: &[char]) -> bool {
    let body = rest.strip_prefix(&['#']).unwrap_or(rest);
    let len = body
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    len > 0 && body.get(len) == Some(&';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_punctuation_stays_as_typed() {
        for text in [
            "St. Brigid's",
            "12:57",
            "reset-point",
            "4,100",
            "Q&A on Friday (see above)!",
            "a < b, and 4 * 5 = 20",
            "snake_case_name",
            "costs $4,100",
            "100% \"done\", e.g. today?",
            "#internal",
            "In 2026. Then",
            "-5 degrees",
            "sam@",
            "@sam",
        ] {
            assert_eq!(escape(text), text);
        }
    }

    #[test]
    fn markup_is_escaped_where_it_would_act() {
        assert_eq!(escape("# Not a heading"), "\\# Not a heading");
        assert_eq!(escape("[x](http://e.com)"), "\\[x](http\\://e.com)");
        assert_eq!(escape("a\nb"), "a\\\nb");
        assert_eq!(escape(" x "), "&#32;x&#32;");
        assert_eq!(escape("1. first"), "1\\. first");
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("---"), "\\---");
        assert_eq!(escape("> quoted"), "\\> quoted");
        assert_eq!(escape("*never*"), "\\*never\\*");
        assert_eq!(escape("_never_"), "\\_never\\_");
        assert_eq!(escape("<b>late</b>"), "\\<b>late\\</b>");
        assert_eq!(escape("a | b"), "a \\| b");
        assert_eq!(escape("`code`"), "\\`code\\`");
        assert_eq!(escape("&amp;"), "\\&amp;");
        assert_eq!(escape("ends\\"), "ends\\\\");
        assert_eq!(escape("a@b.example"), "a\\@b.example");
        assert_eq!(escape("$4 and $5"), "\\$4 and \\$5");
        assert_eq!(escape("title\n==="), "title\\\n\\===");
        assert_eq!(escape("see www.example.com"), "see www\\.example.com");
    }

    #[test]
    fn after_a_lead_only_later_lines_can_start_a_block() {
        assert_eq!(escape_inline("# 1 on the list"), "# 1 on the list");
        assert_eq!(escape_inline("1. first"), "1. first");
        assert_eq!(escape_inline("a\n# b"), "a\\\n\\# b");
        assert_eq!(escape_inline("*x*"), "\\*x\\*");
    }

    #[test]
    fn controls_and_bidi_overrides_become_visible_text() {
        assert_eq!(escape("a\u{202e}b"), "a\\u{202e}b");
        assert_eq!(escape("a\u{1b}[31m"), "a\\u{1b}\\[31m");
    }
}
