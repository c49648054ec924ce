//! Everything that can happen in a meeting, and what it changes: a pure
//! function from (meeting, action) to the new meeting and the effects the
//! loop must carry out. No drawing, no I/O.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::capture::{Capture, Captured, Verdict};
use super::draft::{Draft, DraftKind, DraftState};
use super::typed;
use super::{Meeting, Overlay, Pending};
use crate::agenda::SectionKind;

/// What a key (or the loop) asks for. The names are the ones used in the
/// `[keys]` table of the config file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    NextSection,
    PreviousSection,
    /// Open the agenda to jump to a section.
    Agenda,
    Help,
    /// Toggle presenting mode (internal items hidden).
    Presenting,
    Up,
    Down,
    /// Show the rows below (or above) in a panel that has more than fits.
    ScrollDown,
    ScrollUp,
    /// Enter: answer, confirm or choose the highlighted row.
    Select,
    /// Esc: close whatever is open.
    Close,
    Note,
    PrivateNote,
    #[serde(rename = "action")]
    NewAction,
    Decision,
    Risk,
    Issue,
    Signoff,
    /// Edit the highlighted item of the capture pane.
    Edit,
    /// Delete the highlighted item (asks first).
    Delete,
    /// Write the minutes beside the record (on the review screen).
    Minutes,
    Quit,
    /// A key typed into an open text field.
    #[serde(skip)]
    Type(KeyEvent),
    /// Text pasted from the clipboard.
    #[serde(skip)]
    Paste(String),
    /// The clock moved on (once a second).
    #[serde(skip)]
    Tick(Timestamp),
    /// Go straight to a section.
    #[serde(skip)]
    JumpTo(usize),
    /// Saving failed; the message says why. Everything stays in memory.
    #[serde(skip)]
    SaveFailed(String),
    /// Saving works again.
    #[serde(skip)]
    SaveRecovered,
    /// A document was written, at this path.
    #[serde(skip)]
    Wrote(String),
}

/// One change to what the meeting holds, as the journal records it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// An item added, or replaced when its id is already there.
    Put {
        item: Captured,
    },
    Remove {
        id: String,
    },
    /// The text field as it stands, or none once it is closed.
    Draft {
        draft: Option<DraftState>,
    },
    /// The section on screen and the seconds spent in each.
    Position {
        current: usize,
        spent: Vec<i64>,
    },
    Ended {
        at: Timestamp,
    },
}

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
        Action::Tick(now) => meeting.clock.tick(now),
        Action::SaveFailed(why) => meeting.banner = Some(why),
        Action::SaveRecovered => meeting.banner = None,
        Action::Wrote(path) => meeting.notice = Some(format!("Written: {path}")),
        action if meeting.draft.is_some() => typing(meeting, action, &mut out),
        action => match meeting.overlay {
            Overlay::Help => help_overlay(meeting, action, &mut out),
            Overlay::Agenda { selected } => agenda_overlay(meeting, action, selected, &mut out),
            Overlay::None => {
                let pending = meeting.pending.take();
                meeting.notice = None;
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
        Action::Presenting => {
            meeting.presenting = !meeting.presenting;
            meeting.capture_cursor = meeting.pane_items().len().saturating_sub(1);
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
        Action::Signoff => {
            if meeting.section().kind == SectionKind::Rules {
                open(meeting, DraftKind::Signoff, out);
            } else {
                meeting.notice =
                    Some("Sign-off of the communication plan is taken on the rules screen.".into());
            }
        }
        Action::Edit => edit(meeting, out),
        Action::Delete => delete(meeting, pending, out),
        Action::Minutes => {
            if meeting.section().kind == SectionKind::Review {
                out.save();
                out.list.push(Effect::WriteMinutes);
                meeting.notice = Some("Writing the minutes…".into());
            } else {
                meeting.notice = Some("The minutes are written from the review screen.".into());
            }
        }
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
        | Action::Wrote(_) => {}
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

fn show_draft(meeting: &mut Meeting, draft: Draft, out: &mut Effects) {
    let state = draft.state();
    meeting.draft = Some(draft);
    out.journal(meeting, Change::Draft { draft: Some(state) });
}

/// Enter on the main screen: act on the highlighted row.
fn select(meeting: &mut Meeting, out: &mut Effects) {
    let row = meeting.selected;
    match meeting.section().kind {
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
        SectionKind::Followups if row < meeting.followup_rows().len() => {
            open(meeting, DraftKind::Followup { row }, out)
        }
        SectionKind::Proposals => {
            let Some(proposal) = meeting.plan.proposals.get(row).map(|p| p.title.clone()) else {
                return;
            };
            let current = meeting.latest(|c| match c {
                Capture::BuyIn {
                    proposal: p,
                    verdict,
                } if *p == proposal => Some(*verdict),
                _ => None,
            });
            let capture = Capture::BuyIn {
                proposal: proposal.clone(),
                verdict: Verdict::next(current),
            };
            put_replacing(
                meeting,
                capture,
                out,
                |c| matches!(c, Capture::BuyIn { proposal: p, .. } if *p == proposal),
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
                id: format!("{}-{}", capture.prefix(), meeting.next_id),
                section: meeting.current,
                at: meeting.clock.now,
                what: capture,
            };
            meeting.next_id += 1;
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
            if newline && multiline {
                draft.editor.insert_newline();
            } else if key.code == KeyCode::Enter || newline {
                return finish_draft(meeting, out, false);
            } else if key.code == KeyCode::Esc {
                return finish_draft(meeting, out, true);
            } else if !draft.editor.input(key) {
                return;
            }
        }
        Action::Paste(text) => {
            let text = text.replace("\r\n", "\n").replace('\r', "\n");
            let text = if multiline {
                text
            } else {
                text.replace('\n', " ")
            };
            draft.editor.insert_str(text);
        }
        Action::Quit => return quit(meeting, out),
        _ => return,
    }
    let state = draft.state();
    out.journal(meeting, Change::Draft { draft: Some(state) });
}

/// Enter or Esc in a field: keep what was typed. Esc always closes; Enter
/// may keep the field open to ask about a guest or a date it cannot read.
fn finish_draft(meeting: &mut Meeting, out: &mut Effects, closing: bool) {
    let Some(draft) = meeting.draft.as_mut() else {
        return;
    };
    let text = draft.text();
    let kind = draft.kind;
    let editing = draft.editing.clone();
    let section = draft.section;
    let guest_asked = draft.guest_asked;
    if text.trim().is_empty() && kind != DraftKind::Playback {
        return close_draft(meeting, out);
    }
    match typed::to_capture(meeting, kind, section, &text, guest_asked || closing) {
        Ok(capture) => {
            close_draft(meeting, out);
            // One follow-up per item: a second answer replaces the first.
            let editing = editing.or_else(|| match &capture {
                Capture::Followup { item, meeting: from, .. } => meeting
                    .captures
                    .iter()
                    .find(|c| matches!(&c.what, Capture::Followup { item: i, meeting: m, .. } if i == item && m == from))
                    .map(|c| c.id.clone()),
                _ => None,
            });
            commit(meeting, capture, editing, out);
        }
        Err(typed::Ask { notice, guest }) if !closing => {
            if let Some(draft) = meeting.draft.as_mut() {
                draft.guest_asked = guest;
            }
            meeting.notice = Some(notice);
        }
        Err(typed::Ask { notice, .. }) => {
            // Esc never throws text away: keep it as a note instead.
            close_draft(meeting, out);
            meeting.notice = Some(format!("{notice} Kept as a note."));
            commit(
                meeting,
                Capture::Note {
                    text,
                    private: false,
                },
                None,
                out,
            );
        }
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

/// `q`: keep any open field, and end the meeting when on its last section;
/// earlier, it stays open to resume.
fn quit(meeting: &mut Meeting, out: &mut Effects) {
    if meeting.draft.is_some() {
        finish_draft(meeting, out, true);
    }
    meeting.clock.leave(meeting.current);
    let change = Change::Position {
        current: meeting.current,
        spent: meeting.clock.spent.clone(),
    };
    out.journal(meeting, change);
    if meeting.current + 1 == meeting.sections.len() {
        let at = meeting.clock.now;
        meeting.ended = Some(at);
        out.journal(meeting, Change::Ended { at });
    }
    out.save();
    out.list.push(Effect::Quit);
}

/// Apply a journaled change, when a meeting is restored after a crash.
pub fn replay(meeting: &mut Meeting, change: Change) {
    match change {
        Change::Put { item } => {
            if let Some(number) = item.id.get(2..).and_then(|n| n.parse::<u64>().ok()) {
                meeting.next_id = meeting.next_id.max(number + 1);
            }
            match meeting.captures.iter().position(|c| c.id == item.id) {
                Some(at) => meeting.captures[at] = item,
                None => meeting.captures.push(item),
            }
        }
        Change::Remove { id } => meeting.captures.retain(|c| c.id != id),
        Change::Draft { draft } => meeting.draft = draft.as_ref().map(Draft::from_state),
        Change::Position { current, spent } => {
            meeting.current = current.min(meeting.sections.len().saturating_sub(1));
            for (slot, seconds) in meeting.clock.spent.iter_mut().zip(spent) {
                *slot = seconds;
            }
        }
        Change::Ended { at } => meeting.ended = Some(at),
    }
}
