//! The cost of one capture commit in a meeting that already holds 500
//! items: the update, the record built from the meeting, and its TOML (what
//! the store writes atomically). Target: under 5 ms. The disk's own fsync
//! time is measured by benches/durability.py.

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use resetpoint::meeting::{Action, Effect, Meeting, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::Record;

fn key(c: char) -> Action {
    Action::Type(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn enter() -> Action {
    Action::Type(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
}

fn meeting_with(items: usize) -> Meeting {
    let mut m = common::agenda_meeting(AgendaName::Status);
    update(&mut m, Action::JumpTo(2));
    for n in 0..items {
        let open = if n % 2 == 0 {
            Action::Note
        } else {
            Action::NewAction
        };
        update(&mut m, open);
        let text = if n % 2 == 0 {
            format!("Customer said item {n} matters — ünï 日本")
        } else {
            format!("Follow up on point {n} @sam due:+{}d", n % 30)
        };
        for c in text.chars() {
            update(&mut m, key(c));
        }
        update(&mut m, enter());
    }
    m
}

fn bench(c: &mut Criterion) {
    let base = meeting_with(500);
    assert_eq!(base.captures.len(), 500);
    let mut group = c.benchmark_group("capture");
    group.bench_function("commit_note_in_a_500_item_meeting", |b| {
        b.iter_batched(
            || {
                let mut m = base.clone();
                update(&mut m, Action::Note);
                for ch in "One more thing they said".chars() {
                    update(&mut m, key(ch));
                }
                m
            },
            |mut m| {
                let effects = update(&mut m, enter());
                assert!(effects.contains(&Effect::Save));
                Record::of(&m).to_toml()
            },
            BatchSize::SmallInput,
        )
    });
    group.bench_function("keystroke_in_a_500_item_meeting", |b| {
        let mut m = base.clone();
        update(&mut m, Action::Note);
        b.iter(|| update(&mut m, key('x')))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
