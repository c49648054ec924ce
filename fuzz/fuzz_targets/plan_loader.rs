//! Any bytes as a plan file: loading never panics, `check`'s report (human
//! and JSON) never carries a raw control character, and a plan that loads
//! can be drawn.

#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use resetpoint::commands::check::{human_report, json_report};

fuzz_target!(|data: &[u8]| {
    let checked = resetpoint::plan::load_bytes("fuzz.toml", data);
    let human = human_report(&checked, false, resetpoint::export::audience::Audience::Internal);
    common::assert_terminal_safe(&human);
    let json = json_report(
        &checked,
        checked.plan.is_some(),
        resetpoint::export::minutes::Audience::Customer,
    );
    common::assert_terminal_safe(&json);
    // The report stays proportional to the plan (each diagnostic shows a
    // window of its line, and only the first 50 are shown).
    assert!(
        human.len() <= 64 * 1024 + 64 * data.len(),
        "{} bytes of report for {} bytes of plan",
        human.len(),
        data.len()
    );
});
