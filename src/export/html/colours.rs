//! The colours of the HTML documents, chosen so every text reads at 4.5:1
//! or better (WCAG 2 AA) against what it sits on, on screen and on paper
//! printed without background graphics (then white); and the contrast
//! formula that checks them.

use crate::plan::derive::Band;
use crate::plan::model::Rag;

/// Body text.
pub const INK: &str = "#1d2330";
/// Secondary text: the meeting line, figure captions.
pub const MUTED: &str = "#4a5468";
/// The page, and what any background becomes when printed without
/// background graphics.
pub const PAPER: &str = "#ffffff";
/// Rules under headings and between table rows (not text).
pub const RULE: &str = "#d5dae3";
/// The `(internal)` / `(private)` markers: a dark amber that keeps its
/// hue and reads at 6:1 on white.
pub const INTERNAL: &str = "#8a5300";
/// The "do not send" banner of the internal minutes: its bar and tint.
pub const WARN_BAR: &str = "#b26a00";
pub const WARN_TINT: &str = "#fff7e6";

/// How a status colour is drawn as a badge: a dark word on a light tint
/// inside a border of the full colour. The word reads on the tint and on
/// white, so the badge survives printing without background graphics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadgeColours {
    pub text: &'static str,
    pub tint: &'static str,
    pub border: &'static str,
}

pub fn badge(rag: Rag) -> BadgeColours {
    let (text, tint, border) = match rag {
        Rag::Green => ("#1b5e20", "#e8f5e9", "#2e7d32"),
        Rag::Amber => ("#7a4100", "#fff3e0", "#b26a00"),
        Rag::Red => ("#b71c1c", "#ffebee", "#c62828"),
        Rag::Grey => ("#374151", "#f3f4f6", "#6b7280"),
    };
    BadgeColours { text, tint, border }
}

/// A heat-map cell's fill for its band: lighter to darker as the band
/// rises, so the bands stay apart in grey-scale and to a colour-blind eye.
pub fn band_fill(band: Band) -> &'static str {
    match band {
        Band::Low => "#d9eecf",
        Band::Medium => "#f5b83d",
        Band::High => "#e57b30",
        Band::Critical => "#b71c1c",
    }
}

/// The budget chart: planned spend is a hollow bar in `MUTED`, actual
/// spend a solid bar, blue within the plan and amber over it (which also
/// gets a marker, so the colour is never the only sign).
pub const PLANNED_OUTLINE: &str = MUTED;
pub const ACTUAL_WITHIN: &str = "#1f5f99";
pub const ACTUAL_OVER: &str = "#b26a00";

/// INK or white, whichever reads better on `fill`.
pub fn text_on(fill: &str) -> &'static str {
    if contrast(INK, fill) >= contrast("#ffffff", fill) {
        INK
    } else {
        "#ffffff"
    }
}

/// The WCAG 2 contrast ratio of two `#rrggbb` colours, from 1 to 21.
/// A colour that is not `#rrggbb` counts as black, which makes a mistake
/// show as a failing ratio rather than pass unseen.
pub fn contrast(a: &str, b: &str) -> f64 {
    crate::contrast::contrast(rgb(a), rgb(b))
}

/// `#rrggbb` as red, green and blue; black when it is not that.
fn rgb(hex: &str) -> (u8, u8, u8) {
    let channel = |i: usize| {
        hex.strip_prefix('#')
            .filter(|h| h.len() == 6)
            .and_then(|h| h.get(i..i + 2))
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0)
    };
    (channel(0), channel(2), channel(4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contrast_formula_gives_the_known_ratios() {
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
        assert!((contrast("#777777", "#777777") - 1.0).abs() < 1e-9);
        // The marker colour axe-core flagged in issue 18.
        let old = contrast("#b26a00", "#ffffff");
        assert!((4.2..4.3).contains(&old), "{old}");
        assert_eq!(
            contrast("#ffffff", "#000000"),
            contrast("#000000", "#ffffff")
        );
    }

    #[test]
    fn badge_words_read_on_their_tint_and_on_bare_paper() {
        for rag in [Rag::Green, Rag::Amber, Rag::Red, Rag::Grey] {
            let b = badge(rag);
            for ground in [b.tint, PAPER] {
                let ratio = contrast(b.text, ground);
                assert!(ratio >= 4.5, "{rag:?} {} on {ground}: {ratio:.2}", b.text);
            }
            // The border is the colour's sign on paper: WCAG's 3:1 for graphics.
            assert!(contrast(b.border, PAPER) >= 3.0, "{rag:?} border");
        }
    }

    #[test]
    fn heat_map_counts_read_on_every_band_and_the_bands_darken_in_order() {
        let bands = [Band::Low, Band::Medium, Band::High, Band::Critical];
        for band in bands {
            let fill = band_fill(band);
            let ratio = contrast(text_on(fill), fill);
            assert!(ratio >= 4.5, "{band:?}: {ratio:.2}");
        }
        // In grey-scale each band is a visible step darker than the one below.
        for pair in bands.windows(2) {
            let (lower, higher) = (band_fill(pair[0]), band_fill(pair[1]));
            assert!(
                crate::contrast::luminance(rgb(lower)) > crate::contrast::luminance(rgb(higher)),
                "{pair:?}"
            );
            assert!(contrast(lower, higher) >= 1.4, "{pair:?}");
        }
    }
}
