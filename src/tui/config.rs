//! Settings: loading the config file (records folder, presenting, the
//! background, the `[keys]` table and the `[theme]` colours). The defaults
//! ship in `config/config.toml` (built into the binary); a user's file
//! overrides only what it names. A bad file gets the same diagnostics as a
//! bad plan. What the keys mean is `tui::keymap`'s job.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use serde::Deserialize;
use toml::Spanned;

use crate::plan::diagnostics::{Diagnostic, Source};
use crate::plan::keys::closest;
use crate::tui::background::{Background, BackgroundSetting};
use crate::tui::keymap::{Keymap, KeysTable};

pub const DEFAULT_CONFIG: &str = include_str!("../../config/config.toml");

/// Semantic colours: the `[theme]` overrides (`None`: the theme's own
/// colour for the background), the background they are drawn on, and
/// whether there is colour at all (not under NO_COLOR).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub green: Option<Color>,
    pub amber: Option<Color>,
    pub red: Option<Color>,
    pub grey: Option<Color>,
    pub accent: Option<Color>,
    pub muted: Option<Color>,
    /// Set once the terminal has been asked, before the screen is taken.
    pub background: Background,
    pub colour: bool,
}

impl Palette {
    /// The theme's own colours, nothing overridden.
    pub const BUILT_IN: Palette = Palette {
        green: None,
        amber: None,
        red: None,
        grey: None,
        accent: None,
        muted: None,
        background: Background::Unknown,
        colour: true,
    };

    /// No colour at all: the terminal's own foreground everywhere.
    pub const NONE: Palette = Palette {
        colour: false,
        ..Palette::BUILT_IN
    };
}

#[derive(Debug, Clone)]
pub struct Config {
    pub keymap: Keymap,
    pub palette: Palette,
    /// Where meeting records go when no `--records` is given.
    pub records_dir: Option<PathBuf>,
    /// Whether a meeting starts in presenting mode (the safe default);
    /// false for a PM who always keeps a second screen to themselves.
    pub start_presenting: bool,
    /// Light, dark, or `auto` (ask the terminal).
    pub background: BackgroundSetting,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    records_dir: Option<PathBuf>,
    #[serde(default)]
    start_presenting: Option<bool>,
    background: Option<BackgroundSetting>,
    #[serde(default)]
    keys: KeysTable,
    #[serde(default)]
    theme: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// A config file that could not be used, with everything wrong in it.
#[derive(Debug)]
pub struct BadConfig {
    pub source: Source,
    pub diagnostics: Vec<Diagnostic>,
}

impl BadConfig {
    pub fn render(&self) -> String {
        self.source.render_all(&self.diagnostics)
    }
}

const COLOUR_NAMES: [&str; 6] = ["green", "amber", "red", "grey", "accent", "muted"];

/// Where a user's config lives when `--config` is not given.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "resetpoint").map(|d| d.config_dir().join("config.toml"))
}

/// The defaults, overridden by the file at `path` when there is one.
/// `explicit` says the user named the file, so a missing file is an error.
pub fn load(path: Option<&Path>, explicit: bool, no_color: bool) -> Result<Config, BadConfig> {
    let mut config = parse(
        Source::new("config/config.toml", DEFAULT_CONFIG),
        None,
        no_color,
    )
    .expect("the built-in config is checked by a unit test");
    let Some(path) = path else { return Ok(config) };
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => return Ok(config),
        Err(e) => {
            return Err(BadConfig {
                source: Source::new(path.display().to_string(), ""),
                diagnostics: vec![
                    Diagnostic::error("config", format!("cannot read the config file: {e}"))
                        .hint("check the path given with --config"),
                ],
            });
        }
    };
    config = parse(
        Source::new(path.display().to_string(), text),
        Some(config),
        no_color,
    )?;
    Ok(config)
}

fn parse(source: Source, base: Option<Config>, no_color: bool) -> Result<Config, BadConfig> {
    let fail = |source: Source, diagnostics| {
        Err(BadConfig {
            source,
            diagnostics,
        })
    };
    let file: File = match toml::from_str(&source.text) {
        Ok(file) => file,
        Err(e) => {
            let message = e.message().trim().to_owned();
            let hint = match message.split('`').nth(1) {
                Some(key) if message.starts_with("unknown field") => {
                    match closest(key, &["keys", "theme", "records_dir", "start_presenting", "background"]) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => "a config file has records_dir, start_presenting, background, a [keys] table and a [theme] table"
                            .to_owned(),
                    }
                }
                _ => "fix the TOML here; keys are lists like next_section = [\"Right\", \"Tab\"]"
                    .to_owned(),
            };
            let diagnostic = Diagnostic::error("config", message)
                .at_opt(e.span())
                .hint(hint);
            return fail(source, vec![diagnostic]);
        }
    };
    let mut diagnostics = Vec::new();
    let mut keymap = base.as_ref().map(|b| b.keymap.clone()).unwrap_or_default();
    let base_records = base.as_ref().and_then(|b| b.records_dir.clone());
    let base_presenting = base.as_ref().is_none_or(|b| b.start_presenting);
    let base_background = base.as_ref().map(|b| b.background).unwrap_or_default();
    keymap.apply(&file.keys, &mut diagnostics);
    let mut palette = base.map_or(Palette::BUILT_IN, |b| b.palette);
    for (name, value) in &file.theme {
        let slot = match name.get_ref().as_str() {
            "green" => &mut palette.green,
            "amber" => &mut palette.amber,
            "red" => &mut palette.red,
            "grey" => &mut palette.grey,
            "accent" => &mut palette.accent,
            "muted" => &mut palette.muted,
            other => {
                let hint = closest(other, &COLOUR_NAMES).map_or_else(
                    || format!("the theme colours are {}", COLOUR_NAMES.join(", ")),
                    |near| format!("did you mean `{near}`?"),
                );
                diagnostics.push(
                    Diagnostic::error("config", format!("unknown theme colour `{other}`"))
                        .at(name.span())
                        .hint(hint),
                );
                continue;
            }
        };
        match value.get_ref().parse::<Color>() {
            Ok(colour) => *slot = Some(colour),
            Err(_) => diagnostics.push(
                Diagnostic::error("config", format!("`{}` is not a colour", value.get_ref()))
                    .at(value.span())
                    .hint("use a colour name like \"yellow\" or \"darkgray\", or \"#rrggbb\""),
            ),
        }
    }
    if !diagnostics.is_empty() {
        return fail(source, diagnostics);
    }
    if no_color {
        palette = Palette::NONE;
    }
    Ok(Config {
        keymap,
        palette,
        records_dir: file.records_dir.or(base_records),
        start_presenting: file.start_presenting.unwrap_or(base_presenting),
        background: file.background.unwrap_or(base_background),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::Action;
    use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: crossterm::event::KeyEventState::NONE,
        }
    }

    #[test]
    fn the_built_in_config_gives_the_design_keys() {
        let config = load(None, false, false).unwrap();
        let km = &config.keymap;
        for (code, action) in [
            (KeyCode::Right, Action::NextSection),
            (KeyCode::Tab, Action::NextSection),
            (KeyCode::PageDown, Action::NextSection),
            (KeyCode::Left, Action::PreviousSection),
            (KeyCode::BackTab, Action::PreviousSection),
            (KeyCode::PageUp, Action::PreviousSection),
            (KeyCode::Char('g'), Action::Agenda),
            (KeyCode::Char('?'), Action::Help),
            (KeyCode::Char('p'), Action::Presenting),
            (KeyCode::Char('q'), Action::Quit),
        ] {
            assert_eq!(
                km.action_for(&press(code, KeyModifiers::NONE)),
                Some(action),
                "{code:?}"
            );
        }
        assert_eq!(
            km.action_for(&press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            km.action_for(&press(KeyCode::Char('c'), KeyModifiers::NONE)),
            Some(Action::DealCard),
            "plain c deals a pushback card"
        );
        assert_eq!(config.palette.red, None, "the theme chooses by background");
        assert!(config.palette.colour);
        assert_eq!(config.background, BackgroundSetting::Auto);
    }

    #[test]
    fn the_background_can_be_set_light_or_dark() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        for (text, want) in [
            ("background = \"light\"\n", BackgroundSetting::Light),
            ("background = \"dark\"\n", BackgroundSetting::Dark),
            ("background = \"auto\"\n", BackgroundSetting::Auto),
            ("[theme]\nred = \"red\"\n", BackgroundSetting::Auto),
        ] {
            std::fs::write(&path, text).unwrap();
            assert_eq!(load(Some(&path), true, false).unwrap().background, want);
        }
        std::fs::write(&path, "background = \"grey\"\n").unwrap();
        let text = load(Some(&path), true, false).unwrap_err().render();
        assert!(text.contains("grey"), "{text}");
        assert!(text.contains("light"), "{text}");
    }

    #[test]
    fn a_user_file_overrides_only_what_it_names() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "[keys]\nquit = [\"x\"]\n[theme]\namber = \"#ffaa00\"\n",
        )
        .unwrap();
        let config = load(Some(&path), true, false).unwrap();
        let km = &config.keymap;
        assert_eq!(
            km.action_for(&press(KeyCode::Char('x'), KeyModifiers::NONE)),
            Some(Action::Quit)
        );
        assert_eq!(
            km.action_for(&press(KeyCode::Char('q'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            km.action_for(&press(KeyCode::Char('g'), KeyModifiers::NONE)),
            Some(Action::Agenda)
        );
        assert_eq!(config.palette.amber, Some(Color::Rgb(0xff, 0xaa, 0x00)));
        assert!(
            km.keys_for(Action::Delete).is_empty(),
            "x was taken from delete"
        );
        assert_eq!(config.palette.red, None);
    }

    #[test]
    fn a_bad_config_names_every_mistake_with_a_hint() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "[keys]\nqiut = [\"x\"]\nhelp = [\"Hyper-z\"]\n[theme]\nred = \"blood\"\n",
        )
        .unwrap();
        let bad = load(Some(&path), true, false).unwrap_err();
        let text = bad.render();
        assert!(text.contains("unknown action `qiut`"), "{text}");
        assert!(text.contains("did you mean `quit`?"), "{text}");
        assert!(text.contains("`Hyper-z` is not a key"), "{text}");
        assert!(text.contains("`blood` is not a colour"), "{text}");
        assert!(text.contains(":2:1"), "{text}");
    }

    #[test]
    fn no_color_drops_every_colour() {
        let config = load(None, false, true).unwrap();
        assert!(!config.palette.colour);
        assert_eq!(config.palette.red, None);
        assert_eq!(config.palette.accent, None);
    }

    #[test]
    fn a_missing_default_file_is_fine_but_a_named_one_is_not() {
        let missing = Path::new("/nonexistent/resetpoint/config.toml");
        assert!(load(Some(missing), false, false).is_ok());
        assert!(load(Some(missing), true, false).is_err());
    }
}
