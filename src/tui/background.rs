//! Whether the terminal is light or dark, so the screen picks colours that
//! read on it. The config says `light`, `dark` or `auto`; `auto` believes
//! `COLORFGBG` first and otherwise asks the terminal (OSC 11) once the
//! screen is taken. The answer comes back among the keys, where
//! `late_answer` takes it out and reads it, so a key typed before it is
//! never lost. The first frame does not wait for it: it is drawn in the
//! colours that read on both, and again once the answer is in.

use serde::Deserialize;

/// What the config file asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BackgroundSetting {
    #[default]
    Auto,
    Light,
    Dark,
}

impl BackgroundSetting {
    pub fn word(self) -> &'static str {
        match self {
            BackgroundSetting::Auto => "auto",
            BackgroundSetting::Light => "light",
            BackgroundSetting::Dark => "dark",
        }
    }
}

/// The background the screen is drawn for. `Unknown` gets colours that read
/// on both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Background {
    Light,
    Dark,
    #[default]
    Unknown,
}

/// Read `COLORFGBG` ("fg;bg" or "fg;default;bg", as rxvt and Konsole set
/// it): the last field is the background's colour number. 0–6 and 8 are
/// dark, 7 and 9–15 light.
pub fn from_colorfgbg(value: &str) -> Option<Background> {
    let bg: u8 = value.rsplit(';').next()?.trim().parse().ok()?;
    match bg {
        0..=6 | 8 => Some(Background::Dark),
        7 | 9..=15 => Some(Background::Light),
        _ => None,
    }
}

/// Light or dark from the colour a terminal reports, by its relative
/// luminance (0 black … 1 white).
pub fn from_colour(r: u8, g: u8, b: u8) -> Background {
    if crate::contrast::luminance((r, g, b)) > 0.18 {
        Background::Light
    } else {
        Background::Dark
    }
}

/// The colour in a terminal's answer to OSC 11, as XParseColor reads it:
/// `rgb:R/G/B` (or `rgba:R/G/B/A`) with one to four hex digits a
/// component, or `#RGB` with the components of equal length.
pub fn parse_colour(spec: &str) -> Option<(u8, u8, u8)> {
    let scale = |hex: &str| -> Option<u8> {
        if hex.is_empty() || hex.len() > 4 {
            return None;
        }
        let value = u32::from_str_radix(hex, 16).ok()?;
        let most = (1u32 << (4 * hex.len())) - 1;
        Some(((value * 255 + most / 2) / most) as u8)
    };
    let parts: Vec<&str> = if let Some(rest) = spec
        .strip_prefix("rgb:")
        .or_else(|| spec.strip_prefix("rgba:"))
    {
        rest.split('/').take(3).collect()
    } else {
        let hex = spec.strip_prefix('#')?;
        if hex.is_empty() || hex.len() % 3 != 0 {
            return None;
        }
        let n = hex.len() / 3;
        vec![&hex[..n], &hex[n..2 * n], &hex[2 * n..]]
    };
    match parts[..] {
        [r, g, b] => Some((scale(r)?, scale(g)?, scale(b)?)),
        _ => None,
    }
}

/// What the screen knows of the background before it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// The config or `COLORFGBG` said.
    Known(Background),
    /// Ask the terminal (OSC 11) and read its answer among the keys.
    Ask,
}

/// The decision, with where the answers come from passed in so a test can
/// stand in for the environment: the config first, then `COLORFGBG`, then
/// the terminal when it may be asked.
pub fn choose(setting: BackgroundSetting, colorfgbg: Option<&str>, may_ask: bool) -> Choice {
    match setting {
        BackgroundSetting::Light => Choice::Known(Background::Light),
        BackgroundSetting::Dark => Choice::Known(Background::Dark),
        BackgroundSetting::Auto => match colorfgbg.and_then(from_colorfgbg) {
            Some(background) => Choice::Known(background),
            None if may_ask => Choice::Ask,
            None => Choice::Known(Background::Unknown),
        },
    }
}

/// What to do about the background of the terminal this process runs in.
pub fn detect(setting: BackgroundSetting) -> Choice {
    use std::io::IsTerminal as _;
    let colorfgbg = std::env::var("COLORFGBG").ok();
    // Over SSH an answer can take far longer than the wait, even longer
    // than the key reader looks for it (`late_answer::WINDOW`). There the
    // colours that read on both are the safer choice, and `background` in
    // the config or `COLORFGBG` still say light or dark.
    let remote = ["SSH_CONNECTION", "SSH_TTY"]
        .iter()
        .any(|name| std::env::var_os(name).is_some());
    let terminal = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    choose(setting, colorfgbg.as_deref(), terminal && !remote)
}

/// The question: OSC 11 with `?`, ended by ST. Its answer comes back
/// through the terminal's input, among the keys.
pub const QUESTION: &[u8] = b"\x1b]11;?\x1b\\";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colorfgbg_names_the_background_last() {
        assert_eq!(from_colorfgbg("0;15"), Some(Background::Light));
        assert_eq!(from_colorfgbg("15;0"), Some(Background::Dark));
        assert_eq!(from_colorfgbg("0;default;15"), Some(Background::Light));
        assert_eq!(from_colorfgbg("7;8"), Some(Background::Dark));
        assert_eq!(from_colorfgbg("0;7"), Some(Background::Light));
        assert_eq!(from_colorfgbg("15;default"), None);
        assert_eq!(from_colorfgbg(""), None);
        assert_eq!(from_colorfgbg("0;231"), None);
    }

    #[test]
    fn a_reported_colour_is_light_or_dark_by_its_luminance() {
        assert_eq!(from_colour(0xff, 0xff, 0xff), Background::Light);
        assert_eq!(from_colour(0xee, 0xee, 0xec), Background::Light);
        assert_eq!(from_colour(0, 0, 0), Background::Dark);
        assert_eq!(from_colour(0x2e, 0x34, 0x36), Background::Dark);
        assert_eq!(from_colour(0x00, 0x2b, 0x36), Background::Dark);
        assert_eq!(from_colour(0xfd, 0xf6, 0xe3), Background::Light);
    }

    #[test]
    fn the_config_wins_and_the_terminal_is_not_asked() {
        assert_eq!(
            choose(BackgroundSetting::Dark, Some("0;15"), true),
            Choice::Known(Background::Dark)
        );
        assert_eq!(
            choose(BackgroundSetting::Light, None, true),
            Choice::Known(Background::Light)
        );
    }

    #[test]
    fn auto_believes_colorfgbg_before_asking() {
        assert_eq!(
            choose(BackgroundSetting::Auto, Some("0;15"), true),
            Choice::Known(Background::Light)
        );
        assert_eq!(
            choose(BackgroundSetting::Auto, Some("15;0"), true),
            Choice::Known(Background::Dark)
        );
    }

    #[test]
    fn auto_asks_the_terminal_when_colorfgbg_says_nothing_and_it_may() {
        assert_eq!(
            choose(BackgroundSetting::Auto, Some("garbage"), true),
            Choice::Ask
        );
        assert_eq!(choose(BackgroundSetting::Auto, None, true), Choice::Ask);
        assert_eq!(
            choose(BackgroundSetting::Auto, None, false),
            Choice::Known(Background::Unknown),
            "not a terminal, or over SSH"
        );
    }

    #[test]
    fn answers_are_read_as_xparsecolor_reads_them() {
        assert_eq!(parse_colour("rgb:ffff/ffff/ffff"), Some((255, 255, 255)));
        assert_eq!(parse_colour("rgb:1e1e/1e1e/1e1e"), Some((30, 30, 30)));
        assert_eq!(parse_colour("rgb:ff/80/00"), Some((255, 128, 0)));
        assert_eq!(parse_colour("rgb:f/8/0"), Some((255, 136, 0)));
        assert_eq!(parse_colour("rgba:0000/0000/0000/ffff"), Some((0, 0, 0)));
        assert_eq!(parse_colour("#fdf6e3"), Some((0xfd, 0xf6, 0xe3)));
        assert_eq!(parse_colour("#fff"), Some((255, 255, 255)));
        assert_eq!(parse_colour("rgb:ffff/ffff"), None);
        assert_eq!(parse_colour("rgb:fffff/0/0"), None);
        assert_eq!(parse_colour("#ff"), None);
        assert_eq!(parse_colour("white"), None);
    }
}
