//! Whether the terminal is light or dark, so the screen picks colours that
//! read on it. The config says `light`, `dark` or `auto`; `auto` believes
//! `COLORFGBG` first and otherwise asks the terminal (OSC 11) once, before
//! the screen is taken, waiting no longer than `ASK_AT_MOST`. An answer
//! that comes after the wait is taken out of the keys by `late_answer`.

use std::time::Duration;

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

/// The longest the terminal is given to say its background colour. A
/// terminal that never answers costs this once, before the first frame;
/// most terminals that cannot answer say so at once (colorsaurus sends a
/// device-attributes query after OSC 11 and stops at its answer).
pub const ASK_AT_MOST: Duration = Duration::from_millis(80);

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

/// What came of asking the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// The colour it reported.
    Colour(u8, u8, u8),
    /// It could not say, or was not asked: no answer is on its way.
    None,
    /// Nothing within the wait: the answer may still come, as keys.
    Late,
}

/// The background, and whether the terminal's answer may still arrive
/// after the wait, for the key reader to take out (see `late_answer`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    pub background: Background,
    pub answer_may_follow: bool,
}

/// The decision, with where the answers come from passed in so a test can
/// stand in for the terminal. `ask` is called at most once, with the longest
/// it may wait, and only when nothing else has decided.
pub fn choose(
    setting: BackgroundSetting,
    colorfgbg: Option<&str>,
    ask: impl FnOnce(Duration) -> Answer,
) -> Detected {
    let known = |background| Detected {
        background,
        answer_may_follow: false,
    };
    match setting {
        BackgroundSetting::Light => known(Background::Light),
        BackgroundSetting::Dark => known(Background::Dark),
        BackgroundSetting::Auto => match colorfgbg.and_then(from_colorfgbg) {
            Some(background) => known(background),
            None => match ask(ASK_AT_MOST) {
                Answer::Colour(r, g, b) => known(from_colour(r, g, b)),
                Answer::None => known(Background::Unknown),
                Answer::Late => Detected {
                    background: Background::Unknown,
                    answer_may_follow: true,
                },
            },
        },
    }
}

/// The background of the terminal this process runs in. Call it before the
/// screen is taken: the question and its answer go through the terminal.
pub fn detect(setting: BackgroundSetting) -> Detected {
    let colorfgbg = std::env::var("COLORFGBG").ok();
    // Over SSH an answer can take far longer than the wait, even longer
    // than the key reader looks for it (`late_answer::WINDOW`). There the
    // colours that read on both are the safer choice, and `background` in
    // the config or `COLORFGBG` still say light or dark.
    let remote = ["SSH_CONNECTION", "SSH_TTY"]
        .iter()
        .any(|name| std::env::var_os(name).is_some());
    choose(setting, colorfgbg.as_deref(), |wait| {
        if remote {
            Answer::None
        } else {
            ask_terminal(wait)
        }
    })
}

/// Ask the terminal for its background colour, waiting at most `wait`.
fn ask_terminal(wait: Duration) -> Answer {
    use std::io::IsTerminal as _;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Answer::None;
    }
    let mut options = terminal_colorsaurus::QueryOptions::default();
    options.timeout = wait;
    match terminal_colorsaurus::background_color(options) {
        Ok(colour) => {
            let (r, g, b) = colour.scale_to_8bit();
            Answer::Colour(r, g, b)
        }
        Err(terminal_colorsaurus::Error::Timeout(_)) => Answer::Late,
        Err(_) => Answer::None,
    }
}

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
        let mut asked = false;
        let got = choose(BackgroundSetting::Dark, Some("0;15"), |_| {
            asked = true;
            Answer::Colour(255, 255, 255)
        });
        assert_eq!(got.background, Background::Dark);
        assert!(!asked);
        let got = choose(BackgroundSetting::Light, None, |_| {
            asked = true;
            Answer::None
        });
        assert_eq!(got.background, Background::Light);
        assert!(!asked);
    }

    #[test]
    fn auto_believes_colorfgbg_before_asking() {
        let mut asked = false;
        let got = choose(BackgroundSetting::Auto, Some("0;15"), |_| {
            asked = true;
            Answer::Late
        });
        assert_eq!(got.background, Background::Light);
        assert!(!asked);
        assert!(!got.answer_may_follow, "no question, no answer to come");
        let got = choose(BackgroundSetting::Auto, Some("15;0"), |_| {
            asked = true;
            Answer::None
        });
        assert_eq!(got.background, Background::Dark);
        assert!(!asked);
    }

    #[test]
    fn auto_asks_the_terminal_when_colorfgbg_says_nothing() {
        let mut waited = None;
        let got = choose(BackgroundSetting::Auto, Some("garbage"), |wait| {
            waited = Some(wait);
            Answer::Colour(0xff, 0xff, 0xdd)
        });
        assert_eq!(got.background, Background::Light);
        assert!(!got.answer_may_follow);
        assert_eq!(waited, Some(ASK_AT_MOST));
        let got = choose(BackgroundSetting::Auto, None, |_| {
            Answer::Colour(0x1e, 0x1e, 0x1e)
        });
        assert_eq!(got.background, Background::Dark);
    }

    #[test]
    fn a_terminal_that_never_answers_leaves_it_unknown_within_the_bound() {
        // The stand-in behaves as the real query does when nothing answers:
        // it gives up after the wait it was allowed and reports nothing.
        let mut allowed = Duration::MAX;
        let got = choose(BackgroundSetting::Auto, None, |wait| {
            allowed = wait;
            Answer::Late
        });
        assert_eq!(got.background, Background::Unknown);
        assert!(
            got.answer_may_follow,
            "the key reader is told to look for it"
        );
        let got = choose(BackgroundSetting::Auto, None, |_| Answer::None);
        assert_eq!(got.background, Background::Unknown);
        assert!(!got.answer_may_follow, "a terminal that said it cannot");
        assert!(
            allowed <= Duration::from_millis(100),
            "the first frame waits at most 100 ms, not {allowed:?}"
        );
    }
}
