//! Any text as a meeting record: reading never panics, and a record that
//! reads can be restored into a meeting, drawn and written again.

#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use resetpoint::record::format::{Record, restore};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(record) = toml::from_str::<Record>(text) else {
        return;
    };
    let _ = record.items();
    let mut meeting = common::meeting();
    restore(&mut meeting, &record);
    common::draw(&meeting);
    let again = Record::of(&meeting).to_toml();
    assert!(
        toml::from_str::<Record>(&again).is_ok(),
        "a record written by resetpoint reads back:\n{again}"
    );
});
