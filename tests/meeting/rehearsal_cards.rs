//! A rehearsal's pushback cards through `update`, with a scripted clock:
//! `c` deals during listen and proposals, the clock deals by itself at
//! half the timebox, the prepared answer stays hidden until the PM has
//! answered (and off the customer-safe projection always), and the mark
//! is recorded with what the PM typed, in the journal and the record.

use crate::common;

use common::{demo_plan, go_to};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::{SignedDuration, Timestamp, tz::TimeZone};
use resetpoint::agenda::SectionKind;
use resetpoint::meeting::update::{Change, replay};
use resetpoint::meeting::{Action, Clock, Effect, Meeting, Overlay, Shared, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::Record;
use resetpoint::rehearsal::deck::Deck;
use resetpoint::rehearsal::{Mark, cards};

fn start() -> Timestamp {
    common::meeting_start()
}

/// A reset-point rehearsal of the demo plan, its cards shuffled by `seed`.
fn rehearsal(seed: u64) -> Meeting {
    let plan = demo_plan();
    let mut m = Meeting::new(
        plan,
        AgendaName::ResetPoint,
        Clock::at(start(), TimeZone::UTC),
        false,
    );
    m.origin.rehearsal = true;
    let made = cards::for_plan(&m.public_plan, &m.public_derived, m.clock.today());
    m.deck = Some(Deck::shuffled(made, seed));
    m
}

fn key(code: KeyCode) -> Action {
    Action::Type(KeyEvent::new(code, KeyModifiers::NONE))
}

fn type_text(m: &mut Meeting, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        effects.extend(update(m, key(KeyCode::Char(c))));
    }
    effects
}

/// Minutes into the current section, by the clock.
fn at_minute(m: &mut Meeting, minutes: i64) -> Vec<Effect> {
    let now = m.clock.entered + SignedDuration::from_secs(minutes * 60);
    update(m, Action::Tick(now))
}

fn dealt_says(m: &Meeting) -> String {
    m.dealt
        .as_ref()
        .expect("a card is on the table")
        .card
        .says
        .clone()
}

fn changes(effects: &[Effect]) -> Vec<Change> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Journal { change, .. } => Some(change.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn c_deals_a_card_in_listen_and_opens_the_answer_field() {
    let mut m = rehearsal(1);
    go_to(&mut m, SectionKind::Listen);
    let effects = update(&mut m, Action::DealCard);
    let dealt = m.dealt.clone().expect("dealt");
    assert!(!dealt.by_itself);
    assert_eq!(dealt.answered, None);
    assert_eq!(
        m.draft.as_ref().map(|d| d.kind),
        Some(resetpoint::meeting::DraftKind::CardAnswer)
    );
    assert!(
        changes(&effects)
            .iter()
            .any(|c| matches!(c, Change::Dealt { dealt: Some(_) })),
        "the deal is journaled"
    );
    let shown = Shared::private_view(&m).card.expect("the card is shown");
    assert_eq!(shown.says, dealt.card.says);
    assert_eq!(
        shown.prepared, None,
        "the prepared answer waits for the PM's"
    );
}

#[test]
fn cards_are_dealt_only_in_listen_and_proposals_and_only_in_a_rehearsal() {
    let mut m = rehearsal(1);
    go_to(&mut m, SectionKind::Status);
    update(&mut m, Action::DealCard);
    assert!(m.dealt.is_none());
    assert_eq!(
        m.notice.as_deref(),
        Some("Pushback cards are dealt during listen and proposals.")
    );
    go_to(&mut m, SectionKind::Proposals);
    update(&mut m, Action::DealCard);
    assert!(m.dealt.is_some(), "proposals deals");

    let mut live = rehearsal(1);
    live.deck = None;
    live.origin.rehearsal = false;
    go_to(&mut live, SectionKind::Listen);
    update(&mut live, Action::DealCard);
    assert!(live.dealt.is_none());
    assert!(live.notice.unwrap().contains("resetpoint rehearse PLAN"));
}

/// Deal, answer aloud and mark every card; the order they came in.
fn deal_them_all(m: &mut Meeting) -> Vec<String> {
    let mut order = Vec::new();
    // Bounded: a card that never leaves the table must fail, not hang.
    for _ in 0..20 {
        update(m, Action::DealCard);
        let Some(dealt) = m.dealt.clone() else {
            break;
        };
        order.push(dealt.card.says);
        update(m, key(KeyCode::Enter));
        update(m, Action::CardHandled);
    }
    order
}

#[test]
fn each_card_is_dealt_once_in_an_order_the_seed_repeats() {
    let mut m = rehearsal(1);
    go_to(&mut m, SectionKind::Listen);
    let first = deal_them_all(&mut m);
    // One deck: the plan's own pushback and the cards its facts make.
    let deck = m.deck.as_ref().unwrap().len();
    assert!(
        deck > m.plan.pushback.len(),
        "fact cards join the plan's own"
    );
    assert_eq!(first.len(), deck, "every card, once");
    for card in &m.plan.pushback {
        assert!(first.contains(&card.says), "{} was dealt", card.says);
    }
    let mut sorted = first.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), first.len(), "no card twice");
    assert!(
        m.notice
            .as_deref()
            .unwrap()
            .contains("Every pushback card has been dealt")
    );

    let mut again = rehearsal(1);
    go_to(&mut again, SectionKind::Listen);
    assert_eq!(
        deal_them_all(&mut again),
        first,
        "the same seed, the same order"
    );
    let orders: Vec<Vec<String>> = (2..8)
        .map(|seed| {
            let mut other = rehearsal(seed);
            go_to(&mut other, SectionKind::Listen);
            deal_them_all(&mut other)
        })
        .collect();
    assert!(
        orders.iter().any(|o| *o != first),
        "other seeds give other orders"
    );
}

#[test]
fn a_card_is_dealt_by_itself_at_half_the_timebox() {
    let mut m = rehearsal(1);
    go_to(&mut m, SectionKind::Listen);
    assert_eq!(m.section().minutes, 20);
    assert!(changes(&at_minute(&mut m, 9)).is_empty());
    assert!(m.dealt.is_none(), "not before half the timebox");
    let effects = at_minute(&mut m, 10);
    let dealt = m.dealt.clone().expect("dealt at 10 of 20 minutes");
    assert!(dealt.by_itself);
    assert!(
        changes(&effects)
            .iter()
            .any(|c| matches!(c, Change::Dealt { dealt: Some(_) })),
        "the tick's deal is journaled"
    );
    let shown = Shared::private_view(&m);
    assert!(shown.notice.unwrap().contains("Half the section's time"));
}

#[test]
fn no_card_by_itself_when_one_was_dealt_or_while_the_pm_types() {
    let mut m = rehearsal(1);
    go_to(&mut m, SectionKind::Listen);
    update(&mut m, Action::DealCard);
    update(&mut m, key(KeyCode::Enter));
    update(&mut m, Action::CardNeedsWork);
    at_minute(&mut m, 15);
    assert!(m.dealt.is_none(), "one was dealt in this section already");

    let mut typing = rehearsal(1);
    go_to(&mut typing, SectionKind::Listen);
    update(&mut typing, Action::Select);
    type_text(&mut typing, "We are worried");
    at_minute(&mut typing, 12);
    assert!(typing.dealt.is_none(), "it waits for the field to close");
    update(&mut typing, key(KeyCode::Enter));
    at_minute(&mut typing, 12);
    assert!(typing.dealt.is_some(), "then it is dealt");

    let mut elsewhere = rehearsal(1);
    go_to(&mut elsewhere, SectionKind::Status);
    at_minute(&mut elsewhere, 30);
    assert!(
        elsewhere.dealt.is_none(),
        "never outside listen and proposals"
    );
}

#[test]
fn the_prepared_answer_shows_once_answered_and_never_while_presenting() {
    let mut m = rehearsal(1);
    go_to(&mut m, SectionKind::Listen);
    update(&mut m, Action::DealCard);
    let prepared = m.dealt.as_ref().unwrap().card.answer.clone();
    assert!(!prepared.is_empty());
    update(&mut m, Action::CardHandled);
    assert!(
        m.dealt.as_ref().unwrap().answered.is_none(),
        "no mark before the answer"
    );
    type_text(&mut m, "We missed it; the new date has a buffer");
    assert_eq!(
        Shared::private_view(&m).card.unwrap().prepared,
        None,
        "hidden while the PM answers"
    );
    let mut answered = m.clone();
    update(&mut answered, key(KeyCode::Enter));
    let dealt = answered.dealt.clone().unwrap();
    assert_eq!(
        dealt.answered.as_deref(),
        Some("We missed it; the new date has a buffer")
    );
    let private = Shared::private_view(&answered).card.unwrap();
    assert_eq!(private.prepared.as_deref(), Some(prepared.as_str()));
    let presenting = Shared::presenting(&answered);
    assert_eq!(presenting.card.as_ref().unwrap().prepared, None);
    let sent = serde_json::to_string(&presenting).unwrap();
    assert!(
        !sent.contains(&prepared),
        "no prepared answer on a shared screen"
    );
    for card in &answered.plan.pushback {
        assert!(!sent.contains(&card.answer));
    }
}

#[test]
fn enter_on_an_empty_field_means_the_answer_was_spoken() {
    let mut m = rehearsal(3);
    go_to(&mut m, SectionKind::Proposals);
    update(&mut m, Action::DealCard);
    update(&mut m, key(KeyCode::Enter));
    assert_eq!(m.dealt.as_ref().unwrap().answered.as_deref(), Some(""));
    assert!(m.draft.is_none());
}

#[test]
fn marking_records_the_card_with_what_was_typed_and_replays_from_the_journal() {
    let mut m = rehearsal(1);
    go_to(&mut m, SectionKind::Listen);
    let before = m.clone();
    let mut effects = update(&mut m, Action::DealCard);
    let says = dealt_says(&m);
    effects.extend(type_text(&mut m, "The UAT slipped"));
    effects.extend(update(&mut m, key(KeyCode::Enter)));
    // Waiting for the mark, the meeting does not move on.
    update(&mut m, Action::NextSection);
    assert_eq!(m.section().kind, SectionKind::Listen);
    assert!(m.notice.as_deref().unwrap().contains("Mark the card first"));
    effects.extend(update(&mut m, Action::CardNeedsWork));
    assert!(m.dealt.is_none());
    assert_eq!(m.cards.len(), 1);
    let result = &m.cards[0];
    assert_eq!(result.says, says);
    assert_eq!(result.typed, "The UAT slipped");
    assert_eq!(result.mark, Mark::NeedsWork);
    assert_eq!(Record::of(&m).cards, m.cards, "the record keeps it");

    let record = Record::of(&m);
    let back: Record = toml::from_str(&record.to_toml()).unwrap();
    assert_eq!(back.cards, m.cards, "and reads it back");

    let mut replayed = before;
    for change in changes(&effects) {
        replay(&mut replayed, change);
    }
    assert_eq!(replayed.cards, m.cards, "the journal replays the card");
    assert!(replayed.dealt.is_none());
}

#[test]
fn a_card_dealt_and_answered_survives_in_the_record() {
    let mut m = rehearsal(1);
    go_to(&mut m, SectionKind::Listen);
    update(&mut m, Action::DealCard);
    type_text(&mut m, "Fair question");
    update(&mut m, key(KeyCode::Enter));
    let record: Record = toml::from_str(&Record::of(&m).to_toml()).unwrap();
    let mut resumed = rehearsal(1);
    resetpoint::record::format::restore(&mut resumed, &record);
    assert_eq!(resumed.dealt, m.dealt, "the card on the table comes back");
}

#[test]
fn quitting_a_rehearsal_at_its_end_shows_the_pacing_report_first() {
    let mut m = rehearsal(1);
    let last = m.sections.len() - 1;
    update(&mut m, Action::JumpTo(last));
    let effects = update(&mut m, Action::Quit);
    assert_eq!(m.overlay, Overlay::Pacing);
    assert!(!effects.contains(&Effect::Quit));
    update(&mut m, Action::Close);
    assert_eq!(m.overlay, Overlay::None, "Esc goes back to the meeting");
    update(&mut m, Action::Quit);
    let effects = update(&mut m, Action::Quit);
    assert!(effects.contains(&Effect::Quit), "q again ends it");
    assert!(m.ended.is_some());
}
