//! A text field being typed into: what it will become once committed, and
//! the editor itself (cursor, words, undo, paste, wide characters).

use ratatui_textarea::{TextArea, WrapMode};
use serde::{Deserialize, Serialize};

/// What the text in the field will become.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DraftKind {
    /// An answer to question `question` of the current `listen` section.
    Answer {
        question: usize,
    },
    Note {
        private: bool,
    },
    Action,
    Decision,
    Risk,
    Issue,
    Signoff,
    Guest,
    Playback,
    /// Confidence of attendee `row` on the pulse screen.
    Pulse {
        row: usize,
    },
    Recommend,
    /// What became of row `row` of the follow-ups screen.
    Followup {
        row: usize,
    },
    /// The customer's buy-in to proposal `row`: 1, 2 or 3.
    BuyIn {
        row: usize,
    },
    /// What the customer wants changed in proposal `row`, agreed with changes.
    Changes {
        row: usize,
    },
    /// A new task on the customer's side: what @who due:when.
    CustomerTask,
    /// Our help with customer task `row` of the plan: what @who due:when.
    TaskHelp {
        row: usize,
    },
    /// A point parked for later: what @who.
    Parked,
    /// Why the section on screen is skipped (may be empty).
    Skip,
    /// The rehearsing PM's answer to the pushback card on the table.
    CardAnswer,
    /// The last field of a meeting: when the next one is, as agreed.
    NextMeeting,
}

impl DraftKind {
    /// Multi-line fields take Alt-Enter for a new line; the rest are one line.
    pub fn multiline(self) -> bool {
        matches!(
            self,
            DraftKind::Answer { .. }
                | DraftKind::Note { .. }
                | DraftKind::Decision
                | DraftKind::Playback
                | DraftKind::Changes { .. }
        )
    }

    pub fn title(self) -> &'static str {
        match self {
            DraftKind::Answer { .. } => "Their answer, in their words",
            DraftKind::Note { private: false } => "Note",
            DraftKind::Note { private: true } => "Private note (never shown to the customer)",
            DraftKind::Action => "Action: what @who due:date",
            DraftKind::Decision => "Decision",
            DraftKind::Risk => "New risk: what @owner p:1-5 i:1-5 (R for an internal one)",
            DraftKind::Issue => "New issue: what @owner (I for an internal one)",
            DraftKind::Signoff => {
                "Sign-off of the communication plan: approved | deferred | rejected @who"
            }
            DraftKind::Guest => "Who came: a guest's name, or someone in the plan",
            DraftKind::Playback => "Empty: the customer confirms. Or type their correction",
            DraftKind::Pulse { .. } => "Confidence 1–5, then a comment",
            DraftKind::Recommend => "How likely to recommend us, 0–10",
            DraftKind::Followup { .. } => {
                "done | dropped | open due:2026-12-15 (or +1w, fri) @new-owner"
            }
            DraftKind::BuyIn { .. } => {
                "Buy-in: 1 agreed · 2 agreed with changes · 3 not agreed, then @who"
            }
            DraftKind::Changes { .. } => "Agreed with changes: what are the changes? @who",
            DraftKind::CustomerTask => "Customer task: what @who due:date",
            DraftKind::TaskHelp { .. } => "Our help with this task: what @who due:date",
            DraftKind::Parked => "Parked for later: what @who (followed up next meeting)",
            DraftKind::Skip => "Skip this section: why? (Enter skips · Esc keeps it)",
            DraftKind::CardAnswer => {
                "Your answer, in the customer's language (Enter on empty: you said it aloud)"
            }
            DraftKind::NextMeeting => {
                "Next meeting: fri 10:00 · 2026-12-14 10:00 · +2w 10:00 (Enter on empty: none)"
            }
        }
    }
}

/// What the journal keeps of a field being typed, so a crash loses nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftState {
    #[serde(flatten)]
    pub kind: DraftKind,
    /// The id of the item being edited, if it is an edit.
    pub editing: Option<String>,
    /// The section it was opened in.
    pub section: usize,
    pub text: String,
    /// A risk or issue opened with `R`/`I`, or once `#internal` was typed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub internal: bool,
}

#[derive(Debug, Clone)]
pub struct Draft {
    pub kind: DraftKind,
    pub editing: Option<String>,
    pub section: usize,
    pub editor: TextArea<'static>,
    /// The questions Enter has already asked of this text (an unknown
    /// `@name`, a risk without a score): Enter again takes it as it is.
    pub asked: Vec<String>,
    /// An internal risk or issue: `R`/`I`, or `#internal` typed. Once set it
    /// stays set, so a field masked on a shared screen never comes back into
    /// view and its item is always kept internal.
    pub internal: bool,
    /// An unknown `@name` Enter asked about: Tab keeps it as a guest.
    pub guest_offer: Option<String>,
}

impl Draft {
    pub fn new(kind: DraftKind, editing: Option<String>, section: usize, text: &str) -> Self {
        let lines = if text.is_empty() {
            vec![String::new()]
        } else {
            text.split('\n').map(str::to_owned).collect()
        };
        let mut editor = TextArea::new(lines);
        editor.set_wrap_mode(WrapMode::WordOrGlyph);
        editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
        editor.move_cursor(ratatui_textarea::CursorMove::End);
        let mut draft = Draft {
            kind,
            editing,
            section,
            editor,
            asked: Vec::new(),
            internal: false,
            guest_offer: None,
        };
        draft.notice_internal();
        draft
    }

    pub fn from_state(state: &DraftState) -> Self {
        let mut draft = Draft::new(
            state.kind,
            state.editing.clone(),
            state.section,
            &state.text,
        );
        draft.internal |= state.internal;
        draft
    }

    /// Mark a risk or issue internal once `#internal` is in its text.
    pub fn notice_internal(&mut self) {
        if matches!(self.kind, DraftKind::Risk | DraftKind::Issue)
            && self.text().to_lowercase().contains("#internal")
        {
            self.internal = true;
        }
    }

    /// What the field is in words when what is typed is private ("Private
    /// note", "Internal risk"); None when the customer may see it.
    pub fn private_words(&self) -> Option<&'static str> {
        match self.kind {
            DraftKind::Note { private: true } => Some("Private note"),
            DraftKind::Risk if self.internal => Some("Internal risk"),
            DraftKind::Issue if self.internal => Some("Internal issue"),
            DraftKind::Answer { .. } if self.internal => Some("Sensitive answer"),
            _ => None,
        }
    }

    /// The field's title on the PM's own screen.
    pub fn title(&self) -> &'static str {
        match self.kind {
            DraftKind::Risk if self.internal => {
                "Internal risk (never on the shared screen): what @owner"
            }
            DraftKind::Issue if self.internal => {
                "Internal issue (never on the shared screen): what @owner"
            }
            DraftKind::Answer { .. } if self.internal => {
                "Their answer, for our management only (never on the shared screen)"
            }
            kind => kind.title(),
        }
    }

    /// The same field: an unsent draft comes back when it is opened again.
    pub fn same_field(&self, state: &DraftState) -> bool {
        self.kind == state.kind && self.editing == state.editing && self.section == state.section
    }

    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    pub fn state(&self) -> DraftState {
        DraftState {
            kind: self.kind,
            editing: self.editing.clone(),
            section: self.section,
            text: self.text(),
            internal: self.internal,
        }
    }
}
