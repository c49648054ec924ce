//! Everything that can happen in a meeting, and what it changes: a pure
//! function from (meeting, action) to the new meeting and the effects the
//! loop must carry out. No drawing, no I/O. The actions are in
//! `meeting/action.rs`, the journal's changes and their replay in
//! `meeting/change.rs`.

use crossterm::event::{KeyCode, KeyModifiers};

use super::capture::{Capture, Captured, SignoffDecision, acceptance};
use super::draft::{Draft, DraftKind};
use super::typed;
use super::{Meeting, Overlay, Pending};
use crate::agenda::SectionKind;

mod cards;

pub use super::action::Action;
pub use super::change::{Change, replay};

/// Work for the loop, which owns the terminal and hands writes to the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Append to the journal, numbered.
    Journal {
        seq: u64,
        change: Change,
    },
    /// Replace the record with the meeting as it stands.
    Save,
    /// Write the customer's and the internal minutes beside the record.
    WriteMinutes,
    Quit,
}

pub fn update(meeting: &mut Meeting, action: Action) -> Vec<Effect> {
    let mut out = Effects { list: Vec::new() };
    match action {
        Action::Tick(now) => {
            meeting.clock.tick(now);
            cards::deal_by_itself(meeting, &mut out);
        }
        Action::SaveFailed(why) => meeting.banner = Some(why),
        Action::SaveRecovered => meeting.banner = None,
        // A question waiting for its answer (leave now? when is the next
        // meeting?) keeps the line: a document's path, told a moment late,
        // would hide it. The documents written are listed when it ends.
        Action::Wrote(_) if meeting.pending.is_some() || meeting.draft.is_some() => {}
        Action::Wrote(path) => meeting.notice = Some(format!("Written: {path}")),
        Action::Followers(n) => meeting.followers = n,
        action if meeting.pending == Some(Pending::Leave) => {
            meeting.pending = None;
            meeting.notice = None;
            answer_leave(meeting, &action, &mut out);
        }
        action if meeting.draft.is_some() => {
            // A notice raised while a private field is open may quote it.
            let private = meeting
                .draft
                .as_ref()
                .is_some_and(|d| d.private_words().is_some());
            let before = meeting.notice.clone();
            let offered = meeting
                .draft
                .as_ref()
                .is_some_and(|d| d.guest_offer.is_some());
            typing(meeting, action, &mut out);
            // A key that changed the line withdraws the question about its
            // @name: its Enter and Tab no longer mean what it said.
            let withdrawn = meeting
                .draft
                .as_ref()
                .is_some_and(|d| d.guest_offer.is_none());
            if offered && withdrawn && meeting.notice == before {
                meeting.notice = None;
            }
            if meeting.notice != before {
                meeting.notice_private = private && meeting.notice.is_some();
            }
        }
        action => match meeting.overlay {
            Overlay::Help => help_overlay(meeting, action, &mut out),
            Overlay::Agenda { selected } => agenda_overlay(meeting, action, selected, &mut out),
            Overlay::Pacing => cards::pacing_overlay(meeting, action, &mut out),
            Overlay::None => {
                let pending = meeting.pending.take();
                meeting.notice = None;
                meeting.notice_private = false;
                main_screen(meeting, action, pending, &mut out);
            }
        },
    }
    out.list
}

struct Effects {
    list: Vec<Effect>,
}

impl Effects {
    fn journal(&mut self, meeting: &mut Meeting, change: Change) {
        meeting.seq += 1;
        self.list.push(Effect::Journal {
            seq: meeting.seq,
            change,
        });
    }

    fn save(&mut self) {
        if !self.list.contains(&Effect::Save) {
            self.list.push(Effect::Save);
        }
    }
}

fn main_screen(meeting: &mut Meeting, action: Action, pending: Option<Pending>, out: &mut Effects) {
    if pending == Some(Pending::LeavePresenting) && action != Action::Quit {
        // Only a deliberate `y` shows internal items; any other key,
        // including the one that asked, keeps presenting and does nothing
        // else. Ctrl-C still quits.
        if matches!(&action, Action::Type(key) if matches!(key.code, KeyCode::Char('y' | 'Y'))) {
            set_presenting(meeting, false, out);
        } else {
            meeting.notice = Some("Still presenting.".into());
        }
        return;
    }
    if cards::waiting_for_mark(meeting, &action) {
        return;
    }
    match action {
        Action::NextSection => go_to(meeting, meeting.current + 1, out),
        Action::PreviousSection => go_to(meeting, meeting.current.saturating_sub(1), out),
        Action::JumpTo(n) => go_to(meeting, n, out),
        Action::Agenda => {
            meeting.overlay = Overlay::Agenda {
                selected: meeting.current,
            }
        }
        Action::Help => meeting.overlay = Overlay::Help,
        // With a `follow` screen on the projector, this screen is the PM's own.
        Action::Presenting if meeting.presenting && meeting.followers > 0 => {
            set_presenting(meeting, false, out)
        }
        Action::Presenting if meeting.presenting => {
            meeting.notice = Some("Show internal items on this screen? y/N".into());
            meeting.pending = Some(Pending::LeavePresenting);
        }
        Action::Presenting => set_presenting(meeting, true, out),
        // A moment for the room only: not journaled, so a resumed meeting
        // comes back with the projector showing.
        Action::BlankProjector => {
            meeting.projector_blank = !meeting.projector_blank;
            meeting.notice = Some(if meeting.projector_blank {
                "The projector is blank; b brings it back.".into()
            } else {
                "The projector shows the meeting again.".into()
            });
        }
        Action::Up | Action::Down => move_cursor(meeting, action == Action::Up),
        Action::ScrollDown => {
            meeting.scroll = (meeting.scroll + 1).min(meeting.scroll_limit());
        }
        Action::ScrollUp => meeting.scroll = meeting.scroll.saturating_sub(1),
        Action::Select => select(meeting, out),
        Action::Note => open(meeting, DraftKind::Note { private: false }, out),
        Action::PrivateNote => open(meeting, DraftKind::Note { private: true }, out),
        Action::NewAction | Action::Decision => {
            let listening = meeting.section().kind == SectionKind::Listen;
            if listening && pending != Some(Pending::HeldBack(action.clone())) {
                let key = if action == Action::NewAction {
                    "a"
                } else {
                    "d"
                };
                meeting.notice = Some(format!(
                    "Listening first — note it; actions open after the playback. Press {key} again to capture it now."
                ));
                meeting.pending = Some(Pending::HeldBack(action));
            } else if action == Action::NewAction {
                open(meeting, DraftKind::Action, out);
            } else {
                open(meeting, DraftKind::Decision, out);
            }
        }
        Action::Risk => open(meeting, DraftKind::Risk, out),
        Action::Issue => open(meeting, DraftKind::Issue, out),
        Action::InternalRisk => open_internal(meeting, DraftKind::Risk, out),
        Action::InternalIssue => open_internal(meeting, DraftKind::Issue, out),
        Action::Signoff => {
            if meeting.section().kind == SectionKind::Rules {
                open(meeting, DraftKind::Signoff, out);
            } else {
                meeting.notice =
                    Some("Sign-off of the communication plan is taken on the rules screen.".into());
            }
        }
        Action::CustomerTask => {
            if meeting.section().kind == SectionKind::CustomerTasks {
                open(meeting, DraftKind::CustomerTask, out);
            } else {
                meeting.notice =
                    Some("New customer tasks are added on the customer tasks screen.".into());
            }
        }
        Action::TaskHelp => {
            let row = meeting.selected;
            if meeting.section().kind == SectionKind::CustomerTasks
                && row < meeting.plan.customer_tasks.len()
            {
                open(meeting, DraftKind::TaskHelp { row }, out);
            } else {
                meeting.notice = Some(
                    "Our help is agreed with a task of the plan, on the customer tasks screen."
                        .into(),
                );
            }
        }
        Action::Park => open(meeting, DraftKind::Parked, out),
        Action::SkipSection => open(meeting, DraftKind::Skip, out),
        Action::Edit => edit(meeting, out),
        Action::Delete => delete(meeting, pending, out),
        Action::Minutes => {
            if meeting.section().kind == SectionKind::Review {
                out.save();
                out.list.push(Effect::WriteMinutes);
                meeting.minutes_written = true;
                meeting.notice = Some("Writing the minutes…".into());
            } else {
                meeting.notice = Some("The minutes are written from the review screen.".into());
            }
        }
        Action::DealCard => cards::deal(meeting, out, false),
        Action::CardHandled => cards::mark(meeting, crate::rehearsal::Mark::Handled, out),
        Action::CardNeedsWork => cards::mark(meeting, crate::rehearsal::Mark::NeedsWork, out),
        Action::Paste(text) => {
            open(meeting, DraftKind::Note { private: false }, out);
            typing(meeting, Action::Paste(text), out);
        }
        Action::Quit => quit(meeting, out),
        Action::Close
        | Action::Type(_)
        | Action::Tick(_)
        | Action::SaveFailed(_)
        | Action::SaveRecovered
        | Action::Wrote(_)
        | Action::Followers(_) => {}
    }
}

fn help_overlay(meeting: &mut Meeting, action: Action, out: &mut Effects) {
    match action {
        Action::Quit => quit(meeting, out),
        Action::Help | Action::Close | Action::Select => meeting.overlay = Overlay::None,
        _ => {}
    }
}

fn agenda_overlay(meeting: &mut Meeting, action: Action, selected: usize, out: &mut Effects) {
    let last = meeting.sections.len() - 1;
    match action {
        Action::Quit => quit(meeting, out),
        Action::Up | Action::PreviousSection => {
            meeting.overlay = Overlay::Agenda {
                selected: selected.saturating_sub(1),
            }
        }
        Action::Down | Action::NextSection => {
            meeting.overlay = Overlay::Agenda {
                selected: (selected + 1).min(last),
            }
        }
        Action::Select | Action::JumpTo(_) => {
            let n = if let Action::JumpTo(n) = action {
                n
            } else {
                selected
            };
            meeting.overlay = Overlay::None;
            go_to(meeting, n, out);
        }
        Action::Agenda | Action::Close => meeting.overlay = Overlay::None,
        _ => {}
    }
}

/// Move to section `n` (bounded to the agenda), booking the time spent.
fn go_to(meeting: &mut Meeting, n: usize, out: &mut Effects) {
    let n = n.min(meeting.sections.len() - 1);
    if n == meeting.current {
        return;
    }
    meeting.clock.leave(meeting.current);
    meeting.current = n;
    meeting.selected = 0;
    meeting.scroll = 0;
    meeting.capture_cursor = meeting.pane_items().len().saturating_sub(1);
    let change = Change::Position {
        current: n,
        spent: meeting.clock.spent.clone(),
    };
    out.journal(meeting, change);
    out.save();
}

fn move_cursor(meeting: &mut Meeting, up: bool) {
    let rows = meeting.rows_in_section();
    let (at, len) = if rows > 0 {
        (&mut meeting.selected, rows)
    } else {
        let len = meeting.pane_items().len();
        (&mut meeting.capture_cursor, len)
    };
    *at = if up {
        at.saturating_sub(1)
    } else {
        (*at + 1).min(len.saturating_sub(1))
    };
}

/// Open an empty field for a new item of this section.
fn open(meeting: &mut Meeting, kind: DraftKind, out: &mut Effects) {
    let draft = Draft::new(kind, None, meeting.current, "");
    show_draft(meeting, draft, out);
}

/// Open an empty internal risk or issue: masked on a shared screen from
/// the first key, and kept off it once saved.
fn open_internal(meeting: &mut Meeting, kind: DraftKind, out: &mut Effects) {
    let mut draft = Draft::new(kind, None, meeting.current, "");
    draft.internal = true;
    show_draft(meeting, draft, out);
}

/// Turn presenting on or off, journaled so a resume keeps the mode.
fn set_presenting(meeting: &mut Meeting, presenting: bool, out: &mut Effects) {
    meeting.presenting = presenting;
    meeting.capture_cursor = meeting.pane_items().len().saturating_sub(1);
    out.journal(meeting, Change::Mode { presenting });
    out.save();
}

/// Show a field, with the text left unsent in it earlier, if any.
fn show_draft(meeting: &mut Meeting, mut draft: Draft, out: &mut Effects) {
    if let Some(at) = meeting.unsent.iter().position(|u| draft.same_field(u)) {
        let unsent = meeting.unsent.remove(at);
        draft = Draft::from_state(&unsent);
        meeting.notice = Some("Your unsent text is back: Enter sends it.".into());
        let drafts = meeting.unsent.clone();
        out.journal(meeting, Change::Unsent { drafts });
    }
    let state = draft.state();
    meeting.draft = Some(draft);
    out.journal(meeting, Change::Draft { draft: Some(state) });
}

/// Enter on the main screen: act on the highlighted row.
fn select(meeting: &mut Meeting, out: &mut Effects) {
    let row = meeting.selected;
    match meeting.section().kind {
        // A sensitive question's answer is typed masked, like an internal
        // risk, and kept off every screen and document but management's.
        SectionKind::Listen if meeting.section().is_sensitive(row) => {
            open_internal(meeting, DraftKind::Answer { question: row }, out)
        }
        SectionKind::Listen if !meeting.section().questions.is_empty() => {
            open(meeting, DraftKind::Answer { question: row }, out)
        }
        SectionKind::Welcome => {
            let attendees = meeting.attendees();
            match attendees.get(row) {
                Some(a) => {
                    let present = a.present != Some(true);
                    let capture = Capture::Attendance {
                        person: a.person.clone(),
                        present,
                        guest: a.guest,
                    };
                    put_replacing(
                        meeting,
                        capture,
                        out,
                        |c| matches!(c, Capture::Attendance { person, .. } if *person == a.person),
                    );
                }
                None => open(meeting, DraftKind::Guest, out),
            }
        }
        SectionKind::Playback => open(meeting, DraftKind::Playback, out),
        // Notes have no rows: Enter adds who was there.
        SectionKind::Notes => open(meeting, DraftKind::Guest, out),
        SectionKind::Followups if row < meeting.followup_count() => {
            open(meeting, DraftKind::Followup { row }, out)
        }
        SectionKind::Proposals if row < meeting.plan.proposals.len() => {
            open(meeting, DraftKind::BuyIn { row }, out)
        }
        SectionKind::CustomerTasks => {
            let Some(task) = meeting.plan.customer_tasks.get(row) else {
                return;
            };
            let what = acceptance::of(task.id.get_ref(), &task.title);
            let capture = Capture::Signoff {
                what: what.clone(),
                by: task.owner.as_ref().map(|o| o.get_ref().clone()),
                decision: SignoffDecision::Approved,
                reason: String::new(),
            };
            meeting.notice = Some(format!(
                "Recorded: the customer accepts {}. o: the help we agreed with it.",
                task.id.get_ref()
            ));
            put_replacing(
                meeting,
                capture,
                out,
                |c| matches!(c, Capture::Signoff { what: w, .. } if *w == what),
            );
        }
        SectionKind::Pulse => {
            if row < meeting.customer_attendees().len() {
                open(meeting, DraftKind::Pulse { row }, out)
            } else {
                open(meeting, DraftKind::Recommend, out)
            }
        }
        _ => {}
    }
}

/// Add `capture`, replacing an earlier item it supersedes (one buy-in per
/// proposal, one attendance per person).
fn put_replacing(
    meeting: &mut Meeting,
    capture: Capture,
    out: &mut Effects,
    same: impl Fn(&Capture) -> bool,
) {
    let existing = meeting
        .captures
        .iter()
        .find(|c| same(&c.what))
        .map(|c| c.id.clone());
    commit(meeting, capture, existing, out);
}

/// Store `capture` as a new item, or in place of the item `editing`.
fn commit(meeting: &mut Meeting, capture: Capture, editing: Option<String>, out: &mut Effects) {
    let item = match editing.and_then(|id| meeting.captures.iter().position(|c| c.id == id)) {
        Some(at) => {
            let mut item = meeting.captures[at].clone();
            item.what = capture;
            meeting.captures[at] = item.clone();
            item
        }
        None => {
            let item = Captured {
                id: meeting.ids.take(capture.prefix()),
                // The journal entry about to put it.
                order: meeting.seq + 1,
                section: meeting.current,
                at: meeting.clock.now,
                what: capture,
            };
            meeting.captures.push(item.clone());
            meeting.capture_cursor = meeting.pane_items().len().saturating_sub(1);
            item
        }
    };
    out.journal(meeting, Change::Put { item });
    out.save();
}

/// A key while a text field is open: the field takes it first.
fn typing(meeting: &mut Meeting, action: Action, out: &mut Effects) {
    let Some(draft) = meeting.draft.as_mut() else {
        return;
    };
    let multiline = draft.kind.multiline();
    match action {
        Action::Type(key) => {
            let newline = (key.code == KeyCode::Enter && key.modifiers.contains(KeyModifiers::ALT))
                || (key.code == KeyCode::Char('j')
                    && key.modifiers.contains(KeyModifiers::CONTROL));
            if key.code == KeyCode::Tab
                && let Some(name) = draft.guest_offer.take()
            {
                // The deliberate answer to "not in the plan": a guest.
                draft.asked.push(typed::guest_kept(&name));
                return finish_draft(meeting, out, false);
            }
            // Any other key changes the line the question was about.
            draft.guest_offer = None;
            if key.code == KeyCode::Char('u') && key.modifiers.contains(KeyModifiers::CONTROL) {
                // As in a shell: Ctrl-U clears the line up to the cursor.
                draft.editor.delete_line_by_head();
                let state = draft.state();
                out.journal(meeting, Change::Draft { draft: Some(state) });
                return;
            }
            if newline && multiline {
                draft.editor.insert_newline();
            } else if key.code == KeyCode::Enter || newline {
                return finish_draft(meeting, out, false);
            } else if key.code == KeyCode::Esc {
                return finish_draft(meeting, out, true);
            } else if !draft.editor.input(key) {
                return;
            }
            draft.notice_internal();
        }
        Action::Paste(text) => {
            draft.guest_offer = None;
            let text = text.replace("\r\n", "\n").replace('\r', "\n");
            let text = if multiline {
                text
            } else {
                text.replace('\n', " ")
            };
            draft.editor.insert_str(text);
            draft.notice_internal();
        }
        Action::Quit => return quit(meeting, out),
        _ => return,
    }
    let state = draft.state();
    out.journal(meeting, Change::Draft { draft: Some(state) });
}

/// Enter or Esc in a field. Esc leaves it unsent, to carry on with later;
/// Enter sends it, or keeps it open to ask about a guest or a date it
/// cannot read.
fn finish_draft(meeting: &mut Meeting, out: &mut Effects, closing: bool) {
    let Some(draft) = meeting.draft.as_mut() else {
        return;
    };
    if draft.kind == DraftKind::CardAnswer {
        return cards::answered(meeting, out, closing);
    }
    if draft.kind == DraftKind::NextMeeting {
        return next_meeting_typed(meeting, out, closing);
    }
    let text = draft.text();
    let kind = draft.kind;
    let editing = draft.editing.clone();
    let section = draft.section;
    let asked = draft.asked.clone();
    let private = draft.private_words().is_some();
    let may_be_empty = matches!(
        kind,
        DraftKind::Playback | DraftKind::Changes { .. } | DraftKind::Skip
    );
    // Esc on the skip question keeps the section, whatever was typed.
    if (text.trim().is_empty() || kind == DraftKind::Skip) && (closing || !may_be_empty) {
        return close_draft(meeting, out);
    }
    if closing {
        return leave_unsent(meeting, out);
    }
    if let DraftKind::BuyIn { row } = kind
        && typed::wants_changes(&text)
    {
        // "Agreed with changes" asks what the changes are.
        close_draft(meeting, out);
        let draft = Draft::new(DraftKind::Changes { row }, editing, section, "");
        show_draft(meeting, draft, out);
        meeting.notice = Some("Agreed with changes: say what the changes are.".into());
        return;
    }
    match typed::to_capture(meeting, kind, section, &text, &asked) {
        Ok(mut capture) => {
            close_draft(meeting, out);
            if private {
                // A field that was masked is never saved as a public item.
                match &mut capture {
                    Capture::Risk { visible, .. } | Capture::Issue { visible, .. } => {
                        *visible = false;
                    }
                    Capture::Answer { sensitive, .. } => *sensitive = true,
                    _ => {}
                }
            }
            // One follow-up per item, one buy-in per proposal, one skip
            // per section: a second answer replaces the first.
            // A skip said now moves on; one edited later leaves the screen be.
            let skipping = matches!(capture, Capture::Skipped { .. }) && editing.is_none();
            let editing = editing.or_else(|| {
                meeting
                    .captures
                    .iter()
                    .find(|c| supersedes(&capture, section, c))
                    .map(|c| c.id.clone())
            });
            // A date worked out from `+1d` or `fri` may land on a weekend
            // without anyone noticing: say so, and keep it.
            let weekend = match &capture {
                Capture::Action { due: Some(due), .. }
                | Capture::Followup { due: Some(due), .. }
                    if matches!(
                        due.weekday(),
                        jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday
                    ) =>
                {
                    Some(*due)
                }
                _ => None,
            };
            commit(meeting, capture, editing, out);
            if skipping {
                // Skipped on purpose: on to the next section, said so.
                let title = meeting.section().title.clone();
                go_to(meeting, meeting.current + 1, out);
                meeting.notice = Some(format!("Skipped: {title}."));
            }
            if let Some(due) = weekend {
                meeting.notice = Some(format!(
                    "Saved, due {}: a weekend day.",
                    due.strftime("%a %-d %b")
                ));
            }
        }
        Err(typed::Ask {
            notice,
            again,
            guest,
        }) => {
            if let Some(draft) = meeting.draft.as_mut() {
                if again {
                    draft.asked.push(notice.clone());
                }
                draft.guest_offer = guest;
            }
            meeting.notice = Some(notice);
        }
    }
}

/// Whether `new`, said in `section`, takes the place of `old`: the same
/// follow-up, the same proposal's buy-in, the same section's skip.
fn supersedes(new: &Capture, section: usize, old: &Captured) -> bool {
    match (new, &old.what) {
        (
            Capture::Followup { item, meeting, .. },
            Capture::Followup {
                item: i,
                meeting: m,
                ..
            },
        ) => item == i && meeting == m,
        (Capture::BuyIn { proposal, .. }, Capture::BuyIn { proposal: p, .. }) => proposal == p,
        (Capture::Skipped { .. }, Capture::Skipped { .. }) => old.section == section,
        _ => false,
    }
}

/// Esc: the field closes and its text waits, unsent, for the same field to
/// be opened again (or the meeting's end, where it becomes a private note).
fn leave_unsent(meeting: &mut Meeting, out: &mut Effects) {
    let Some(draft) = meeting.draft.take() else {
        return;
    };
    let mut state = draft.state();
    if let DraftKind::Changes { row } = state.kind {
        // It comes back where it started: Enter on the proposal.
        state.kind = DraftKind::BuyIn { row };
        state.text = format!("2 {}", state.text);
    }
    meeting
        .unsent
        .retain(|u| !Draft::from_state(&state).same_field(u));
    meeting.unsent.push(state);
    out.journal(meeting, Change::Draft { draft: None });
    let drafts = meeting.unsent.clone();
    out.journal(meeting, Change::Unsent { drafts });
    out.save();
    meeting.notice = Some("Left unsent: open the same field again to carry on.".into());
}

/// At the end of the meeting, what was never sent is kept as private
/// notes marked unsent, never as anything the customer sees.
fn keep_unsent(meeting: &mut Meeting, out: &mut Effects) {
    let mut drafts = std::mem::take(&mut meeting.unsent);
    if let Some(open) = meeting.draft.take() {
        drafts.push(open.state());
        out.journal(meeting, Change::Draft { draft: None });
    }
    if drafts.is_empty() {
        return;
    }
    out.journal(meeting, Change::Unsent { drafts: Vec::new() });
    for draft in drafts.into_iter().filter(|d| !d.text.trim().is_empty()) {
        let note = Capture::Note {
            text: draft.text,
            private: true,
            unsent: true,
        };
        commit(meeting, note, None, out);
    }
}

fn close_draft(meeting: &mut Meeting, out: &mut Effects) {
    meeting.draft = None;
    out.journal(meeting, Change::Draft { draft: None });
}

/// `e`: reopen the highlighted item's text in a field.
fn edit(meeting: &mut Meeting, out: &mut Effects) {
    let Some(item) = meeting.selected_capture().cloned() else {
        meeting.notice = Some("Nothing here to edit yet.".into());
        return;
    };
    let Some((kind, text)) = typed::as_typed(meeting, &item) else {
        meeting.notice = Some("Change this one with Enter on its row.".into());
        return;
    };
    // The field belongs to the item's own section (an answer's questions).
    let draft = Draft::new(kind, Some(item.id.clone()), item.section, &text);
    show_draft(meeting, draft, out);
}

/// `x` asks; `x` again deletes.
fn delete(meeting: &mut Meeting, pending: Option<Pending>, out: &mut Effects) {
    let Some(item) = meeting.selected_capture().cloned() else {
        meeting.notice = Some("Nothing here to delete.".into());
        return;
    };
    if pending == Some(Pending::Delete(item.id.clone())) {
        meeting.captures.retain(|c| c.id != item.id);
        meeting.capture_cursor = meeting
            .capture_cursor
            .min(meeting.pane_items().len().saturating_sub(1));
        meeting.notice = Some(format!("Deleted the {}.", item.what.kind_words()));
        out.journal(meeting, Change::Remove { id: item.id });
        out.save();
    } else {
        meeting.notice = Some(format!(
            "Delete this {}? Press x again to delete it; any other key keeps it.",
            item.what.kind_words()
        ));
        meeting.pending = Some(Pending::Delete(item.id));
    }
}

/// What `q` (and Ctrl-C) asks before a live meeting is left: one line
/// that fits at 80 columns.
pub const LEAVE_QUESTION: &str =
    "Leave now? The meeting stays unfinished, to resume. y: leave · other keys: stay";

/// `q`: never leaves at once. Before the last section it asks whether to
/// leave the meeting unfinished; at the last section it is the end of the
/// meeting, which asks for the next one first (a rehearsal's end step is
/// its pacing report).
fn quit(meeting: &mut Meeting, out: &mut Effects) {
    if cards::pacing_first(meeting) {
        return;
    }
    let ending = meeting.current + 1 == meeting.sections.len();
    if ending && meeting.origin.rehearsal {
        return leave(meeting, out);
    }
    if ending && meeting.draft.is_none() {
        open(meeting, DraftKind::NextMeeting, out);
        // Notes end a conversation: what comes next is a contact.
        let next = if meeting.agenda == crate::plan::model::AgendaName::Notes {
            "contact"
        } else {
            "meeting"
        };
        // A section that asks for their word, skipped, is named once more
        // before the meeting ends without it.
        let unasked: Vec<&str> = meeting
            .captures
            .iter()
            .filter(|c| matches!(c.what, Capture::Skipped { .. }))
            .filter_map(|c| meeting.sections.get(c.section))
            .filter(|s| s.kind.needs_buy_in())
            .map(|s| s.title.as_str())
            .collect();
        let unasked = if unasked.is_empty() {
            String::new()
        } else {
            format!("Skipped, still needs their word: {}. ", unasked.join(", "))
        };
        meeting.notice = Some(format!(
            "{unasked}Ending: when is the next {next}? Enter on empty: none agreed · Esc: keep going"
        ));
        return;
    }
    meeting.pending = Some(Pending::Leave);
    meeting.notice = Some(LEAVE_QUESTION.into());
}

/// The answer to [`LEAVE_QUESTION`]: `y`, or Ctrl-C again, leaves; any
/// other key stays, and does nothing else.
fn answer_leave(meeting: &mut Meeting, action: &Action, out: &mut Effects) {
    let yes = *action == Action::Quit
        || matches!(action, Action::Type(key) if matches!(key.code, KeyCode::Char('y' | 'Y')));
    if yes {
        leave(meeting, out);
    } else {
        meeting.notice = Some("Still in the meeting.".into());
    }
}

/// Enter in the next meeting's field ends the meeting with what it says
/// (nothing: none agreed); text it cannot read keeps the field open and
/// says how to write it. Esc: the meeting goes on.
fn next_meeting_typed(meeting: &mut Meeting, out: &mut Effects, closing: bool) {
    if closing {
        close_draft(meeting, out);
        meeting.notice = Some("Still in the meeting.".into());
        return;
    }
    let text = meeting.draft.as_ref().map(Draft::text).unwrap_or_default();
    let today = meeting
        .clock
        .now
        .to_zoned(meeting.clock.zone.clone())
        .date();
    match crate::meeting::next::read(&text, today) {
        Ok(next) => {
            close_draft(meeting, out);
            meeting.next_meeting = next;
            out.journal(meeting, Change::NextMeeting { next });
            leave(meeting, out);
        }
        Err(why) => meeting.notice = Some(why),
    }
}

/// Leave the meeting: at its last section it ends (what was never sent is
/// kept as private notes, and the minutes are written beside the record);
/// before it, it stays unfinished, to resume.
fn leave(meeting: &mut Meeting, out: &mut Effects) {
    let ending = meeting.current + 1 == meeting.sections.len();
    if ending {
        keep_unsent(meeting, out);
    }
    meeting.clock.leave(meeting.current);
    let change = Change::Position {
        current: meeting.current,
        spent: meeting.clock.spent.clone(),
    };
    out.journal(meeting, change);
    if ending {
        let at = meeting.clock.now;
        meeting.ended = Some(at);
        out.journal(meeting, Change::Ended { at });
    }
    out.save();
    // A live meeting's end writes its minutes; a rehearsal's only when asked.
    if meeting.ended.is_some() && (meeting.minutes_written || !meeting.origin.rehearsal) {
        out.list.push(Effect::WriteMinutes);
    }
    out.list.push(Effect::Quit);
}
