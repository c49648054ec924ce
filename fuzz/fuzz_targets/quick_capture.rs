//! Any line typed into quick capture (`Send the plan @sam due:+3d`), and
//! the same line as a sign-off: reading it never panics, and what is read
//! out of it is taken from the line.

#![no_main]

#[path = "common.rs"]
mod common;

use jiff::civil::date;
use libfuzzer_sys::fuzz_target;
use resetpoint::meeting::typed::{due_date, quick_capture, signoff_line};

fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else {
        return;
    };
    let plan = common::demo_plan();
    let today = date(2026, 12, 1);
    let quick = quick_capture(line, resetpoint::meeting::typed::People::of(&plan), today);
    for word in quick.text.split_whitespace() {
        assert!(line.contains(word), "{word:?} was not typed in {line:?}");
    }
    if let Some((typed, _)) = &quick.owner {
        assert!(line.contains(typed.as_str()));
    }
    let _ = signoff_line(line, resetpoint::meeting::typed::People::of(&plan));
    for word in line.split_whitespace() {
        let _ = due_date(word, today);
    }
});
