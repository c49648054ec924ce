//! The journal: every change, one line each, appended and synced as the
//! meeting goes (or held by the record written with it), so a crash loses
//! nothing. Each line carries a CRC-32 of its
//! text; a damaged line is skipped on recovery, never taking the good lines
//! after it with it. A field being typed is journaled as edits (what changed
//! since the line before), so the journal grows with what is typed, not with
//! the square of the field's length. The first line of a journal names its
//! meeting, so the words can be offered back even when the record is gone.

use serde::{Deserialize, Serialize};

use super::format::Header;
use crate::meeting::DraftState;
use crate::meeting::update::Change;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub seq: u64,
    #[serde(flatten)]
    pub change: Change,
}

/// The whole field is written again once the edits since it was last
/// written add up to twice its length and this much more: the journal
/// stays linear in what is typed (each full line is paid for by twice as
/// many bytes of edits), and a damaged line costs only the edits up to the
/// next full one.
const EDIT_BYTES_BEFORE_A_FULL_FIELD: usize = 4096;

/// An edit of the open field: keep `keep` bytes, drop `cut`, insert `put`,
/// applied to the field whose text has CRC `base`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Edit {
    seq: u64,
    change: EditTag,
    base: u32,
    keep: usize,
    cut: usize,
    put: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum EditTag {
    DraftEdit,
}

/// The first line of a journal: which meeting it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Opening {
    seq: u64,
    change: OpeningTag,
    meeting: Header,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum OpeningTag {
    Meeting,
}

fn framed(json: &str) -> String {
    format!("{:08x} {json}\n", crc32fast::hash(json.as_bytes()))
}

/// One journal line holding the whole change: `crc32-hex json\n`.
pub fn line(entry: &Entry) -> String {
    framed(&serde_json::to_string(entry).expect("a journal entry always serializes"))
}

/// Where the last whole line of a journal `length` bytes long ends: a power
/// cut can leave the last line torn, and a line appended to it would be
/// damaged with it.
pub fn whole_lines_end(file: &std::fs::File, length: u64) -> std::io::Result<u64> {
    use std::os::unix::fs::FileExt as _;
    let mut end = length;
    let mut chunk = [0u8; 4096];
    while end > 0 {
        let start = end.saturating_sub(chunk.len() as u64);
        let piece = &mut chunk[..(end - start) as usize];
        file.read_exact_at(piece, start)?;
        if let Some(at) = piece.iter().rposition(|b| *b == b'\n') {
            return Ok(start + at as u64 + 1);
        }
        end = start;
    }
    Ok(0)
}

/// The line that opens a journal.
pub fn opening_line(meeting: &Header) -> String {
    let opening = Opening {
        seq: 0,
        change: OpeningTag::Meeting,
        meeting: meeting.clone(),
    };
    framed(&serde_json::to_string(&opening).expect("a header always serializes"))
}

/// What the writer of one journal file knows of the field so far, to write
/// the next keystroke as an edit. A new journal file starts from `default`.
#[derive(Debug, Clone, Default)]
pub struct Writing {
    field: Option<DraftState>,
    /// Bytes of edit lines since the field was last written whole.
    edit_bytes: usize,
}

impl Writing {
    /// The line for `entry`: an edit when it only changes the open field's
    /// text, else the whole change.
    pub fn line(&mut self, entry: &Entry) -> String {
        let Change::Draft { draft } = &entry.change else {
            return line(entry);
        };
        let edit = match (&self.field, draft) {
            (Some(before), Some(now))
                if self.edit_bytes < 2 * now.text.len() + EDIT_BYTES_BEFORE_A_FULL_FIELD
                    && before.kind == now.kind
                    && before.editing == now.editing
                    && before.section == now.section =>
            {
                Some(edit(entry.seq, &before.text, &now.text))
            }
            _ => None,
        };
        self.field = draft.clone();
        match edit {
            Some(edit) => {
                let text =
                    framed(&serde_json::to_string(&edit).expect("an edit always serializes"));
                self.edit_bytes += text.len();
                text
            }
            None => {
                self.edit_bytes = 0;
                line(entry)
            }
        }
    }
}

/// The edit that turns `before` into `now`: the common start and end kept.
fn edit(seq: u64, before: &str, now: &str) -> Edit {
    let mut keep = before
        .bytes()
        .zip(now.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !before.is_char_boundary(keep) || !now.is_char_boundary(keep) {
        keep -= 1;
    }
    let room = before.len().min(now.len()) - keep;
    let mut tail = before
        .bytes()
        .rev()
        .zip(now.bytes().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    while !before.is_char_boundary(before.len() - tail) || !now.is_char_boundary(now.len() - tail) {
        tail -= 1;
    }
    Edit {
        seq,
        change: EditTag::DraftEdit,
        base: crc32fast::hash(before.as_bytes()),
        keep,
        cut: before.len() - tail - keep,
        put: now[keep..now.len() - tail].to_owned(),
    }
}

/// `base` with `edit` applied, when it applies to exactly this text.
fn apply(base: &str, edit: &Edit) -> Option<String> {
    if crc32fast::hash(base.as_bytes()) != edit.base {
        return None;
    }
    let end = edit.keep.checked_add(edit.cut)?;
    if end > base.len() || !base.is_char_boundary(edit.keep) || !base.is_char_boundary(end) {
        return None;
    }
    Some(format!(
        "{}{}{}",
        &base[..edit.keep],
        edit.put,
        &base[end..]
    ))
}

/// What a journal holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Read {
    /// The meeting named by the journal's first line, if it has one.
    pub meeting: Option<Header>,
    /// Every change whose line is whole and whose CRC holds, in order; runs
    /// of field states are shortened to the last of each run.
    pub entries: Vec<Entry>,
    /// Whole lines that were damaged (or edits that no longer applied) and
    /// were skipped.
    pub skipped: usize,
    /// Bytes of a torn last line (a write cut short by a crash).
    pub torn: usize,
}

/// Read a journal, keeping every line whose CRC holds.
pub fn read(bytes: &[u8]) -> Read {
    let mut read = Read::default();
    let mut field: Option<DraftState> = None;
    let mut at = 0;
    while at < bytes.len() {
        let Some(end) = bytes[at..].iter().position(|b| *b == b'\n') else {
            read.torn = bytes.len() - at;
            break;
        };
        let text = &bytes[at..at + end];
        at += end + 1;
        match parse_line(text) {
            Some(Line::Entry(entry)) => {
                if let Change::Draft { draft } = &entry.change {
                    field = draft.clone();
                }
                read.push(entry);
            }
            Some(Line::Edit(edit)) => {
                let applied = field
                    .as_ref()
                    .and_then(|f| apply(&f.text, &edit).map(|text| (f, text)));
                match applied {
                    Some((f, text)) => {
                        let now = DraftState { text, ..f.clone() };
                        field = Some(now.clone());
                        read.push(Entry {
                            seq: edit.seq,
                            change: Change::Draft { draft: Some(now) },
                        });
                    }
                    None => {
                        // The field it edits is unknown: its base was damaged.
                        field = None;
                        read.skipped += 1;
                    }
                }
            }
            Some(Line::Opening(opening)) => {
                read.meeting.get_or_insert(opening.meeting);
            }
            None if text.is_empty() => {}
            None => read.skipped += 1,
        }
    }
    read
}

impl Read {
    fn push(&mut self, entry: Entry) {
        // Only the latest state of a field typed into matters to replay.
        let is_field = matches!(entry.change, Change::Draft { .. });
        if is_field
            && self
                .entries
                .last()
                .is_some_and(|last| matches!(last.change, Change::Draft { .. }))
        {
            self.entries.pop();
        }
        self.entries.push(entry);
    }
}

enum Line {
    Entry(Entry),
    Edit(Edit),
    Opening(Box<Opening>),
}

fn parse_line(line: &[u8]) -> Option<Line> {
    let text = std::str::from_utf8(line).ok()?;
    let (crc, json) = text.split_once(' ')?;
    if crc.len() != 8 || u32::from_str_radix(crc, 16).ok()? != crc32fast::hash(json.as_bytes()) {
        return None;
    }
    if let Ok(entry) = serde_json::from_str(json) {
        return Some(Line::Entry(entry));
    }
    if let Ok(edit) = serde_json::from_str(json) {
        return Some(Line::Edit(edit));
    }
    serde_json::from_str(json)
        .ok()
        .map(|o| Line::Opening(Box::new(o)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::DraftKind;

    fn entry(seq: u64) -> Entry {
        Entry {
            seq,
            change: Change::Remove {
                id: format!("N-{seq}"),
            },
        }
    }

    fn field(seq: u64, text: &str) -> Entry {
        Entry {
            seq,
            change: Change::Draft {
                draft: Some(DraftState {
                    kind: DraftKind::Note { private: false },
                    editing: None,
                    section: 1,
                    text: text.into(),
                    internal: false,
                }),
            },
        }
    }

    #[test]
    fn lines_round_trip() {
        let text: String = (1..=3).map(|s| line(&entry(s))).collect();
        let read = read(text.as_bytes());
        assert_eq!(read.entries, vec![entry(1), entry(2), entry(3)]);
        assert_eq!((read.skipped, read.torn), (0, 0));
    }

    #[test]
    fn a_torn_tail_is_dropped() {
        let mut text: String = (1..=2).map(|s| line(&entry(s))).collect();
        let third = line(&entry(3));
        text.push_str(&third[..third.len() / 2]);
        let read = read(text.as_bytes());
        assert_eq!(read.entries.len(), 2);
        assert_eq!(read.torn, third.len() / 2);
    }

    #[test]
    fn a_damaged_line_is_skipped_and_the_later_ones_kept() {
        let text: String = (1..=3).map(|s| line(&entry(s))).collect();
        let mut bytes = text.into_bytes();
        let second = line(&entry(1)).len() + 12;
        bytes[second] ^= 0x20;
        let read = read(&bytes);
        assert_eq!(read.entries, vec![entry(1), entry(3)]);
        assert_eq!(read.skipped, 1);
    }

    #[test]
    fn typing_is_journaled_as_edits_that_replay_to_the_field() {
        let mut writing = Writing::default();
        let mut text = String::new();
        let mut typed = String::new();
        for (n, c) in "Grüße, 日本 — ok".chars().enumerate() {
            typed.push(c);
            text.push_str(&writing.line(&field(n as u64 + 1, &typed)));
        }
        // A deletion in the middle, then the field closes.
        typed = typed.replacen("日本", "", 1);
        text.push_str(&writing.line(&field(100, &typed)));
        let read = read(text.as_bytes());
        assert_eq!(read.entries, vec![field(100, &typed)]);
        assert!(
            text.len() < 40 * 100,
            "each key costs one short line, not the whole field"
        );
        text.push_str(&writing.line(&Entry {
            seq: 101,
            change: Change::Draft { draft: None },
        }));
        let closed = super::read(text.as_bytes());
        assert_eq!(
            closed.entries.last().unwrap().change,
            Change::Draft { draft: None }
        );
    }

    #[test]
    fn the_journal_grows_linearly_with_what_is_typed() {
        let bytes_for = |keys: usize| {
            let mut writing = Writing::default();
            let mut typed = String::new();
            (0..keys)
                .map(|n| {
                    typed.push(char::from(b'a' + (n % 26) as u8));
                    writing.line(&field(n as u64 + 1, &typed)).len()
                })
                .sum::<usize>()
        };
        let (small, large) = (bytes_for(500), bytes_for(5_000));
        // Ten times the typing, about ten times the bytes (not a hundred,
        // as when each key wrote the whole field).
        assert!(large < small * 15, "{small} bytes, then {large}");
    }

    #[test]
    fn an_edit_whose_field_was_damaged_is_skipped_not_misapplied() {
        let mut writing = Writing::default();
        let lines: Vec<String> = ["a", "ab", "abc"]
            .iter()
            .enumerate()
            .map(|(n, t)| writing.line(&field(n as u64 + 1, t)))
            .collect();
        let mut bytes = lines.concat().into_bytes();
        bytes[12] ^= 0x01;
        let read = read(&bytes);
        assert!(read.entries.is_empty(), "{:?}", read.entries);
        assert_eq!(read.skipped, 3);
    }
}
