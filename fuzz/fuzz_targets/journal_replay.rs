//! Any bytes as a journal, replayed into a meeting: reading and replay never
//! panic, and the meeting can still be drawn and saved. The input is tried
//! as it is (CRCs mostly wrong, as a damaged disk gives) and with each
//! line's CRC made right, so the fuzzer reaches the entries themselves.

#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use resetpoint::record::format::Record;
use resetpoint::record::journal::read;
use resetpoint::record::resume::resumed;

/// Read and replay the way a resume does, bounds and all.
fn replay_all(bytes: &[u8]) {
    let read = read(bytes);
    assert!(read.torn <= bytes.len());
    if read.entries.is_empty() {
        return;
    }
    let start = common::meeting();
    let record = Record::of(&start);
    let (meeting, _) = resumed(
        start.plan.clone(),
        &record,
        start.origin.clone(),
        &read.entries,
        true,
    );
    common::draw(&meeting);
    let _ = Record::of(&meeting).to_toml();
}

/// Each line given a correct CRC-32 in front of it.
fn with_crcs(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + 16);
    for line in data.split(|b| *b == b'\n') {
        out.extend_from_slice(format!("{:08x} ", crc32fast::hash(line)).as_bytes());
        out.extend_from_slice(line);
        out.push(b'\n');
    }
    out
}

fuzz_target!(|data: &[u8]| {
    replay_all(data);
    replay_all(&with_crcs(data));
});
