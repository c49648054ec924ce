//! The journal: every change, one line each, appended and synced as the
//! meeting goes, so a crash loses nothing. Each line carries a CRC-32 of its
//! text; a torn or damaged tail is found and dropped on recovery, never
//! taking the good lines before it with it.

use serde::{Deserialize, Serialize};

use crate::meeting::update::Change;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub seq: u64,
    #[serde(flatten)]
    pub change: Change,
}

/// One journal line: `crc32-hex json\n`.
pub fn line(entry: &Entry) -> String {
    let json = serde_json::to_string(entry).expect("a journal entry always serializes");
    format!("{:08x} {json}\n", crc32fast::hash(json.as_bytes()))
}

/// The entries of a journal, up to the first line that is torn or damaged,
/// and how many bytes after it were dropped.
pub fn read(bytes: &[u8]) -> (Vec<Entry>, usize) {
    let mut entries = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let Some(end) = bytes[at..].iter().position(|b| *b == b'\n') else {
            break;
        };
        match parse_line(&bytes[at..at + end]) {
            Some(entry) => entries.push(entry),
            None => break,
        }
        at += end + 1;
    }
    (entries, bytes.len() - at)
}

fn parse_line(line: &[u8]) -> Option<Entry> {
    let text = std::str::from_utf8(line).ok()?;
    let (crc, json) = text.split_once(' ')?;
    if u32::from_str_radix(crc, 16).ok()? != crc32fast::hash(json.as_bytes()) || crc.len() != 8 {
        return None;
    }
    serde_json::from_str(json).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(seq: u64) -> Entry {
        Entry {
            seq,
            change: Change::Remove {
                id: format!("N-{seq}"),
            },
        }
    }

    #[test]
    fn lines_round_trip() {
        let text: String = (1..=3).map(|s| line(&entry(s))).collect();
        let (entries, dropped) = read(text.as_bytes());
        assert_eq!(entries, vec![entry(1), entry(2), entry(3)]);
        assert_eq!(dropped, 0);
    }

    #[test]
    fn a_torn_tail_is_dropped() {
        let mut text: String = (1..=2).map(|s| line(&entry(s))).collect();
        let third = line(&entry(3));
        text.push_str(&third[..third.len() / 2]);
        let (entries, dropped) = read(text.as_bytes());
        assert_eq!(entries.len(), 2);
        assert_eq!(dropped, third.len() / 2);
    }

    #[test]
    fn a_damaged_line_stops_the_replay_there() {
        let text: String = (1..=3).map(|s| line(&entry(s))).collect();
        let mut bytes = text.into_bytes();
        let second = line(&entry(1)).len() + 12;
        bytes[second] ^= 0x20;
        let (entries, _) = read(&bytes);
        assert_eq!(entries, vec![entry(1)]);
    }
}
