//! One section of a document written as text, in Markdown (escaped, for
//! rendering) or plain (as typed, for reading in a mail program). Both
//! walk the section alike; only how a heading, a strong word, an aside
//! and a typed word are written differs.

use std::fmt::Write as _;

use super::markdown::{escape, escape_inline};
use super::minutes_model::Section;
use crate::export::quick_look::rag_word;

/// How one kind of text writes the parts of a section.
pub trait Dialect {
    /// The section's heading, with the blank lines around it.
    fn title(&self, out: &mut String, title: &str);
    /// A word that stands out: a lead, a group's heading.
    fn strong(&self, words: &str) -> String;
    /// A note after an item: " (internal)".
    fn aside(&self, words: &str) -> String;
    /// Typed words that may start a line.
    fn block(&self, words: &str) -> String;
    /// Typed words within a line.
    fn inline(&self, words: &str) -> String;
    /// What ends a list: a blank line in Markdown, nothing in plain text.
    fn gap(&self) -> &'static str;
}

/// Markdown, every typed word escaped.
pub struct Markdown;

/// Plain text, every word as typed.
pub struct Plain;

impl Dialect for Markdown {
    fn title(&self, out: &mut String, title: &str) {
        let _ = write!(out, "\n## {}\n\n", escape(title));
    }
    fn strong(&self, words: &str) -> String {
        format!("**{words}**")
    }
    fn aside(&self, words: &str) -> String {
        format!(" *({words})*")
    }
    fn block(&self, words: &str) -> String {
        escape(words)
    }
    fn inline(&self, words: &str) -> String {
        escape_inline(words)
    }
    fn gap(&self) -> &'static str {
        "\n"
    }
}

impl Dialect for Plain {
    fn title(&self, out: &mut String, title: &str) {
        let rule = "-".repeat(title.chars().count());
        let _ = write!(out, "\n{title}\n{rule}\n");
    }
    fn strong(&self, words: &str) -> String {
        words.to_owned()
    }
    fn aside(&self, words: &str) -> String {
        format!(" ({words})")
    }
    fn block(&self, words: &str) -> String {
        words.to_owned()
    }
    fn inline(&self, words: &str) -> String {
        words.to_owned()
    }
    fn gap(&self) -> &'static str {
        ""
    }
}

/// One section of a document: its heading, the overall colour, its groups
/// of items, milestones and closing line. The minutes and the status
/// report write their sections alike.
pub fn write_section(out: &mut String, section: &Section, how: &dyn Dialect) {
    how.title(out, &section.title);
    let gap = how.gap();
    if let Some((rag, as_of)) = &section.overall {
        let as_of = if as_of.is_empty() {
            String::new()
        } else {
            format!(", {}", how.block(as_of))
        };
        let overall = how.strong(&format!("Overall: {}", rag_word(*rag)));
        let _ = writeln!(out, "{overall}{as_of}{gap}");
    }
    for group in &section.groups {
        if let Some(heading) = &group.heading {
            let _ = writeln!(out, "{}{gap}", how.strong(&how.inline(heading)));
        }
        if group.items.is_empty() && !section.empty.is_empty() {
            let _ = writeln!(out, "{}", how.block(section.empty));
        }
        for item in &group.items {
            let lead = item
                .lead
                .as_deref()
                .map_or_else(String::new, |l| format!("{} ", how.strong(&how.block(l))));
            let mark = item
                .mark
                .as_deref()
                .map_or_else(String::new, |m| how.aside(&how.inline(m)));
            // After a lead the text cannot start a block. Continuation
            // lines of a list item are indented under it.
            let text = match item.lead {
                Some(_) => how.inline(&item.text),
                None => how.block(&item.text),
            };
            let text = text.replace('\n', "\n  ");
            let _ = writeln!(out, "- {lead}{text}{mark}");
        }
        out.push_str(gap);
    }
    if !section.milestones.is_empty() {
        let _ = writeln!(out, "{}{gap}", how.strong("Milestones"));
        for m in &section.milestones {
            let mark = if m.internal {
                how.aside("internal")
            } else {
                String::new()
            };
            let _ = writeln!(out, "- {}{mark}", how.block(&m.line()));
        }
        out.push_str(gap);
    }
    if let Some(after) = &section.after {
        let _ = writeln!(out, "{}", how.block(after));
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
}
