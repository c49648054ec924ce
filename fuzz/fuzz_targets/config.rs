//! Any bytes as the user's config file: loading never panics, a bad file's
//! message never carries a raw control character, and no key label that
//! reaches the footer or the help does either.

#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The loader reads a path, as `--config FILE` does.
    let path = std::env::temp_dir().join(format!(
        "resetpoint-fuzz-config-{}.toml",
        std::process::id()
    ));
    if std::fs::write(&path, data).is_err() {
        return;
    }
    match resetpoint::tui::config::load(Some(&path), true, false) {
        Ok(config) => {
            for (action, keys) in &config.keymap.bindings {
                common::assert_terminal_safe(&config.keymap.label(action.clone()));
                for key in keys {
                    common::assert_terminal_safe(&key.label());
                }
            }
        }
        Err(bad) => common::assert_terminal_safe(&bad.render()),
    }
});
