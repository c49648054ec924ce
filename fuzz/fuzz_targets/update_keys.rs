//! Any key sequence in a meeting: `update` never panics, whatever is typed,
//! pasted or jumped to, and the screen it ends on can be drawn. Each byte
//! picks an action; a byte with the top bit set types the next character.

#![no_main]

#[path = "common.rs"]
mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::SignedDuration;
use libfuzzer_sys::fuzz_target;
use resetpoint::meeting::{Action, update};

const COMMANDS: [Action; 25] = [
    Action::NextSection,
    Action::PreviousSection,
    Action::Agenda,
    Action::Help,
    Action::Presenting,
    Action::Up,
    Action::Down,
    Action::Select,
    Action::Close,
    Action::Note,
    Action::PrivateNote,
    Action::NewAction,
    Action::Decision,
    Action::Risk,
    Action::Issue,
    Action::Signoff,
    Action::Edit,
    Action::Delete,
    Action::Minutes,
    Action::Quit,
    Action::SaveRecovered,
    Action::SaveFailed(String::new()),
    Action::DealCard,
    Action::CardHandled,
    Action::CardNeedsWork,
];

const SPECIAL: [KeyCode; 10] = [
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Backspace,
    KeyCode::Delete,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Home,
    KeyCode::End,
];

fn action(bytes: &mut std::slice::Iter<'_, u8>, byte: u8, now: &mut jiff::Timestamp) -> Action {
    let key = |code| Action::Type(KeyEvent::new(code, KeyModifiers::NONE));
    match byte {
        b if b >= 0x80 => {
            // Top bit set: type a character from the next byte (any char,
            // control characters and bidi overrides included).
            let next = u32::from(*bytes.next().unwrap_or(&b'x'));
            let c = char::from_u32(next | (u32::from(b & 0x3f) << 8)).unwrap_or('x');
            key(KeyCode::Char(c))
        }
        b if b >= 0x60 || b == b' ' => key(KeyCode::Char(char::from(b))),
        b if b >= 0x50 => key(SPECIAL[usize::from(b - 0x50) % SPECIAL.len()]),
        0x40 => Action::Type(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT)),
        0x41 => {
            *now += SignedDuration::from_secs(i64::from(*bytes.next().unwrap_or(&1)) * 60);
            Action::Tick(*now)
        }
        0x42 => Action::JumpTo(usize::from(*bytes.next().unwrap_or(&0))),
        0x43 => Action::Paste(String::from_utf8_lossy(bytes.as_slice()).into_owned()),
        0x44 => Action::Wrote("/tmp/minutes.md".into()),
        b => COMMANDS[usize::from(b) % COMMANDS.len()].clone(),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut meeting = common::meeting();
    // Half the inputs rehearse, with the demo plan's pushback cards to deal.
    if data.len() % 2 == 1 {
        meeting.origin.rehearsal = true;
        let cards = meeting
            .plan
            .pushback
            .iter()
            .map(|p| resetpoint::rehearsal::Card {
                says: p.says.clone(),
                answer: p.answer.clone(),
            })
            .collect();
        meeting.deck = Some(resetpoint::rehearsal::deck::Deck::shuffled(cards, 1));
    }
    let mut now = common::start();
    let mut bytes = data.iter();
    while let Some(&byte) = bytes.next() {
        let action = action(&mut bytes, byte, &mut now);
        let pasted = matches!(action, Action::Paste(_));
        let _ = update(&mut meeting, action);
        if pasted {
            break;
        }
    }
    common::draw(&meeting);
});
