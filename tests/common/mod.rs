//! Helpers shared by the integration tests: run the real binary.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Run `resetpoint` with `args` in `dir`.
pub fn resetpoint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resetpoint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the resetpoint binary runs")
}

/// The fixtures folder, where paths in messages are short and stable.
pub fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
}

/// No byte that a terminal would act on, other than newlines.
pub fn assert_terminal_safe(bytes: &[u8]) {
    let text = String::from_utf8(bytes.to_vec()).expect("output is UTF-8");
    for c in text.chars() {
        assert!(
            c == '\n' || !resetpoint::text::is_unsafe(c),
            "raw {c:?} in output:\n{text}"
        );
    }
}
