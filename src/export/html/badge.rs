//! The status badge: the colour's word in a bordered box, the same in the
//! minutes and in any other page that shows a RAG colour.

use super::colours::{BadgeColours, badge};
use crate::export::quick_look::rag_word;
use crate::plan::model::Rag;

/// `<span class="badge red">RED</span>`; the look comes from [`css`].
pub fn rag_badge(rag: Rag) -> String {
    format!(
        "<span class=\"badge {}\">{}</span>",
        rag_class(rag),
        rag_word(rag)
    )
}

pub fn rag_class(rag: Rag) -> &'static str {
    match rag {
        Rag::Green => "green",
        Rag::Amber => "amber",
        Rag::Red => "red",
        Rag::Grey => "grey",
    }
}

/// The badges' CSS. The word and the border carry the colour when a
/// browser prints without background graphics (its default); with
/// `print-color-adjust: exact` the tint prints as well where allowed.
pub fn css() -> String {
    let mut css = String::from(
        ".badge{display:inline-block;padding:.1rem .5rem;border:2px solid;border-radius:.3rem;font-weight:700;letter-spacing:.03em;print-color-adjust:exact;-webkit-print-color-adjust:exact}",
    );
    for rag in [Rag::Green, Rag::Amber, Rag::Red, Rag::Grey] {
        let BadgeColours { text, tint, border } = badge(rag);
        css.push_str(&format!(
            ".badge.{}{{color:{text};background:{tint};border-color:{border}}}",
            rag_class(rag)
        ));
    }
    css
}
