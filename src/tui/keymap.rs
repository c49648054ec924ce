//! The keys: which key asks for which action, the words each action is
//! shown with (read from the `Action` enum, where they are written once),
//! and how a key press becomes an action while a text field has focus.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use strum::{EnumMessage, EnumProperty, IntoEnumIterator};
use toml::Spanned;

use crate::meeting::{Action, Meeting, Pending};
use crate::plan::diagnostics::Diagnostic;
use crate::plan::keys::closest;

/// A key as the config file names it, matched against terminal key events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    /// Whether a key pressed in the terminal is this one. Shift is part of
    /// a character already ('N'), so it is not compared for characters.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let wanted = self.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let got = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match (event.code, self.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) if wanted.contains(KeyModifiers::CONTROL) => {
                a.eq_ignore_ascii_case(&b)
            }
            (a, b) => a == b,
        };
        code && wanted == got
    }

    /// The name shown in the footer and the help.
    pub fn label(&self) -> String {
        let mut label = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            label.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            label.push_str("Alt-");
        }
        label.push_str(&match self.code {
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Right => "→".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        });
        label
    }
}

/// Read a key name such as `g`, `Enter`, `Ctrl-c` or `Shift-Tab`.
pub fn parse_key(name: &str) -> Option<Key> {
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = name;
    loop {
        if let Some(r) = rest
            .strip_prefix("Ctrl-")
            .or_else(|| rest.strip_prefix("ctrl-"))
        {
            modifiers |= KeyModifiers::CONTROL;
            rest = r;
        } else if let Some(r) = rest
            .strip_prefix("Alt-")
            .or_else(|| rest.strip_prefix("alt-"))
        {
            modifiers |= KeyModifiers::ALT;
            rest = r;
        } else {
            break;
        }
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        // A control character would reach the footer and the help as it is.
        (Some(c), None) if !crate::text::is_unsafe(c) => KeyCode::Char(c),
        _ => match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" | "shift-tab" => KeyCode::BackTab,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "space" => KeyCode::Char(' '),
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            f if f.starts_with('f') => {
                KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?)
            }
            _ => return None,
        },
    };
    Some(Key { code, modifiers })
}

/// Every action a key can ask for, in the order the help lists them.
pub fn bindable() -> impl Iterator<Item = Action> {
    Action::iter()
}

/// The action's name in the `[keys]` table of the config file.
pub fn config_name(action: &Action) -> &'static str {
    action.get_serializations().first().copied().unwrap_or("")
}

/// The action a `[keys]` name stands for.
pub fn action_named(name: &str) -> Option<Action> {
    name.parse().ok()
}

/// What the help says the action does; actions that share a line (↑ and ↓)
/// say the same words and are drawn on one line.
pub fn help_line(action: &Action) -> Option<&'static str> {
    action.get_str("help")
}

/// The action's word in the footer, in full and shortened for a narrow
/// line; on the listen screen some keys say what they do to a question.
pub fn footer_words(action: &Action, listen: bool) -> Option<(&'static str, &'static str)> {
    if listen && let Some(word) = action.get_str("listen") {
        return Some((word, word));
    }
    let word = action.get_str("footer")?;
    Some((word, action.get_str("short").unwrap_or(word)))
}

/// The action a key asks for, given what has focus: an open text field
/// (and the "show internal items?" and "leave now?" questions) takes every
/// key first, so `q` types a q; only Ctrl-C still reaches the keymap.
pub fn key_action(meeting: &Meeting, keymap: &Keymap, key: KeyEvent) -> Option<Action> {
    let quit_key = key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
    // The "show internal items?" and "leave now?" questions take any key
    // as their answer.
    let asked = matches!(
        meeting.pending,
        Some(Pending::LeavePresenting | Pending::Leave)
    );
    if (meeting.draft.is_some() || asked) && !quit_key {
        return Some(Action::Type(key));
    }
    keymap.action_for(&key)
}

/// The `[keys]` table as read from a config file, with where each name is.
pub type KeysTable = BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>;

/// Actions and the keys that trigger them, in the order the help lists them.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    pub bindings: Vec<(Action, Vec<Key>)>,
}

impl Keymap {
    pub fn action_for(&self, event: &KeyEvent) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(_, keys)| keys.iter().any(|k| k.matches(event)))
            .map(|(action, _)| action.clone())
    }

    pub fn keys_for(&self, action: Action) -> &[Key] {
        self.bindings
            .iter()
            .find(|(a, _)| *a == action)
            .map_or(&[], |(_, keys)| keys.as_slice())
    }

    /// The first key of an action, for the footer.
    pub fn first_label(&self, action: Action) -> String {
        self.keys_for(action)
            .first()
            .map_or_else(String::new, Key::label)
    }

    /// "→/Tab/PgDn": every key for an action, for the help.
    pub fn label(&self, action: Action) -> String {
        self.keys_for(action)
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Bind what a config file's `[keys]` table names, leaving every other
    /// action as it was; each mistake becomes a diagnostic at its place.
    pub fn apply(&mut self, table: &KeysTable, diagnostics: &mut Vec<Diagnostic>) {
        for (name, keys) in table {
            let Some(action) = action_named(name.get_ref()) else {
                diagnostics.push(unknown_action(name));
                continue;
            };
            let mut parsed = Vec::new();
            for key in keys.get_ref() {
                match parse_key(key.get_ref()) {
                    Some(k) => parsed.push(k),
                    None => diagnostics.push(
                        Diagnostic::error("config", format!("`{}` is not a key resetpoint knows", key.get_ref()))
                            .at(key.span())
                            .hint("use a character like \"g\", or Enter, Esc, Tab, Left, Right, PageDown, F1, with Ctrl- or Alt- in front"),
                    ),
                }
            }
            self.bindings.retain(|(a, _)| *a != action);
            // A key the user gives to this action is taken from any other.
            for (_, keys) in &mut self.bindings {
                keys.retain(|k| !parsed.contains(k));
            }
            self.bindings.push((action, parsed));
        }
        self.bindings
            .sort_by_cached_key(|(a, _)| bindable().position(|b| b == *a));
    }
}

fn unknown_action(name: &Spanned<String>) -> Diagnostic {
    let names: Vec<&str> = bindable().map(|a| config_name(&a)).collect();
    let hint = closest(name.get_ref(), &names).map_or_else(
        || format!("the actions are {}", names.join(", ")),
        |near| format!("did you mean `{near}`?"),
    );
    Diagnostic::error("config", format!("unknown action `{}`", name.get_ref()))
        .at(name.span())
        .hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_config_name_that_reads_back_and_a_help_line() {
        let mut names = Vec::new();
        for action in bindable() {
            let name = config_name(&action);
            assert!(!name.is_empty(), "{action:?} has no config name");
            assert_eq!(action_named(name), Some(action.clone()), "{name}");
            assert!(
                help_line(&action).is_some_and(|h| !h.is_empty()),
                "{action:?} has no help line"
            );
            names.push(name);
        }
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "two actions share a name");
    }

    #[test]
    fn the_loops_own_actions_have_no_config_name() {
        for name in ["type", "paste", "tick", "jump_to", "save_failed", "wrote"] {
            assert_eq!(action_named(name), None, "{name}");
        }
        assert_eq!(action_named("new_action"), None, "it is called `action`");
        assert_eq!(action_named("action"), Some(Action::NewAction));
    }

    #[test]
    fn every_action_in_the_built_in_config_has_keys() {
        let config = crate::tui::config::load(None, false, false).unwrap();
        for action in bindable() {
            assert!(
                !config.keymap.keys_for(action.clone()).is_empty(),
                "{action:?} has no key in config/config.toml"
            );
        }
    }
}
