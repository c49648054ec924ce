//! A rehearsal's pushback cards as keys and the clock move them: `c` deals
//! the next card during `listen` and `proposals`, the clock deals one when
//! half the section's timebox has gone with none dealt, the PM answers in
//! a field (Enter on empty: said aloud), and only then is the prepared
//! answer shown and the card marked handled or needing work. Each step is
//! journaled, so a resumed rehearsal has its cards where they were.

use super::{Action, Change, DraftKind, Effects, Meeting, Overlay, close_draft, leave_unsent};
use super::{open, quit};
use crate::agenda::SectionKind;
use crate::rehearsal::{CardResult, Dealt, Mark};

/// Whether cards are dealt in the section on screen.
fn deals_here(meeting: &Meeting) -> bool {
    matches!(
        meeting.section().kind,
        SectionKind::Listen | SectionKind::Proposals
    )
}

/// `c` (or the clock, `by_itself`): the next card on the table, and a
/// field for the PM's answer. With a card still unanswered, `c` goes back
/// to its field.
pub(super) fn deal(meeting: &mut Meeting, out: &mut Effects, by_itself: bool) {
    let Some(deck) = &meeting.deck else {
        meeting.notice =
            Some("Pushback cards are dealt in a rehearsal: resetpoint rehearse PLAN.".into());
        return;
    };
    if let Some(dealt) = &meeting.dealt {
        if dealt.answered.is_none() {
            open(meeting, DraftKind::CardAnswer, out);
        } else {
            meeting.notice = Some(MARK_IT.into());
        }
        return;
    }
    if !deals_here(meeting) {
        meeting.notice = Some("Pushback cards are dealt during listen and proposals.".into());
        return;
    }
    let cards = &meeting.cards;
    let Some(card) = deck.next(|c| cards.iter().any(|r| r.says == c.says)) else {
        meeting.notice = Some(format!(
            "Every pushback card has been dealt ({} in all).",
            deck.len()
        ));
        return;
    };
    let dealt = Dealt {
        card: card.clone(),
        section: meeting.current,
        at: meeting.clock.now,
        by_itself,
        answered: None,
    };
    meeting.dealt = Some(dealt.clone());
    out.journal(meeting, Change::Dealt { dealt: Some(dealt) });
    out.save();
    open(meeting, DraftKind::CardAnswer, out);
    if by_itself {
        meeting.notice = Some("Half the section's time has gone: the customer pushes back.".into());
    }
}

/// On each tick: deal a card by itself when half the section's timebox
/// has gone and none was dealt in it, unless the PM is busy with a field,
/// a window or a question (it waits for the next tick).
pub(super) fn deal_by_itself(meeting: &mut Meeting, out: &mut Effects) {
    let Some(deck) = &meeting.deck else {
        return;
    };
    if meeting.dealt.is_some()
        || meeting.draft.is_some()
        || meeting.pending.is_some()
        || meeting.overlay != Overlay::None
        || meeting.ended.is_some()
        || !deals_here(meeting)
    {
        return;
    }
    let here = meeting.current;
    if meeting.cards.iter().any(|r| r.section == here) {
        return;
    }
    let half = i64::from(meeting.section().minutes) * 30;
    if meeting.clock.section_seconds(here, here) < half {
        return;
    }
    let cards = &meeting.cards;
    if deck
        .next(|c| cards.iter().any(|r| r.says == c.says))
        .is_some()
    {
        deal(meeting, out, true);
    }
}

const MARK_IT: &str = "Mark the card first: h handled, w needs work (p shows the prepared answer).";

/// Enter or Esc in the answer field. Enter takes the answer (empty: said
/// aloud) and shows the prepared one; Esc leaves the card on the table.
pub(super) fn answered(meeting: &mut Meeting, out: &mut Effects, closing: bool) {
    let Some(draft) = meeting.draft.as_ref() else {
        return;
    };
    if closing {
        if draft.text().trim().is_empty() {
            close_draft(meeting, out);
        } else {
            leave_unsent(meeting, out);
        }
        meeting.notice = Some("The card stays on the table: c goes back to it.".into());
        return;
    }
    let typed = draft.text().trim().to_owned();
    close_draft(meeting, out);
    let Some(dealt) = meeting.dealt.as_mut() else {
        return;
    };
    dealt.answered = Some(typed);
    let dealt = dealt.clone();
    out.journal(meeting, Change::Dealt { dealt: Some(dealt) });
    out.save();
    meeting.notice = Some("Compare with the prepared answer, then h handled, w needs work.".into());
}

/// `h` or `w`: the answered card is marked and leaves the table.
pub(super) fn mark(meeting: &mut Meeting, mark: Mark, out: &mut Effects) {
    let Some(dealt) = meeting.dealt.as_ref() else {
        meeting.notice = Some("No card on the table: c deals one.".into());
        return;
    };
    if dealt.answered.is_none() {
        meeting.notice = Some("Answer the card first: c opens its field.".into());
        return;
    }
    let result = CardResult::of(dealt, mark, meeting.clock.now);
    meeting.dealt = None;
    meeting.cards.push(result.clone());
    out.journal(meeting, Change::Card { result });
    out.journal(meeting, Change::Dealt { dealt: None });
    out.save();
    meeting.notice = Some(format!("Card marked {}.", mark.words()));
}

/// While an answered card waits for its mark, only marking, the prepared
/// answer's way into view (presenting, help) and quitting go on; true
/// when `action` was held back.
pub(super) fn waiting_for_mark(meeting: &mut Meeting, action: &Action) -> bool {
    let waiting = meeting.dealt.as_ref().is_some_and(|d| d.answered.is_some());
    let goes_on = matches!(
        action,
        Action::CardHandled
            | Action::CardNeedsWork
            | Action::Presenting
            | Action::Help
            | Action::Quit
            | Action::DealCard
    );
    if waiting && !goes_on {
        meeting.notice = Some(MARK_IT.into());
        return true;
    }
    false
}

/// `q` on a rehearsal's last section shows the pacing report first; true
/// when it did.
pub(super) fn pacing_first(meeting: &mut Meeting) -> bool {
    let ending = meeting.current + 1 == meeting.sections.len();
    if meeting.origin.rehearsal
        && ending
        && meeting.draft.is_none()
        && meeting.overlay == Overlay::None
    {
        meeting.overlay = Overlay::Pacing;
        meeting.scroll = 0;
        return true;
    }
    false
}

/// The pacing report on screen: `q` or Enter ends the rehearsal, Esc goes
/// back to it, `]` and `[` scroll what does not fit.
pub(super) fn pacing_overlay(meeting: &mut Meeting, action: Action, out: &mut Effects) {
    match action {
        Action::Quit | Action::Select => quit(meeting, out),
        Action::Close => {
            meeting.overlay = Overlay::None;
            meeting.scroll = 0;
        }
        // Bounded by the report's length on screen, which never nears this.
        Action::ScrollDown => meeting.scroll = (meeting.scroll + 1).min(PACING_ROWS),
        Action::ScrollUp => meeting.scroll = meeting.scroll.saturating_sub(1),
        _ => {}
    }
}

/// How far the pacing report scrolls at most.
const PACING_ROWS: usize = 500;
