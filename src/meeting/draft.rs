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
            DraftKind::Risk => "New risk: what @owner (#internal to keep it off screen)",
            DraftKind::Issue => "New issue: what @owner (#internal to keep it off screen)",
            DraftKind::Signoff => {
                "Sign-off of the communication plan: approved | deferred | rejected @who"
            }
            DraftKind::Guest => "Guest's name",
            DraftKind::Playback => "Empty: the customer confirms. Or type their correction",
            DraftKind::Pulse { .. } => "Confidence 1–5, then a comment",
            DraftKind::Recommend => "How likely to recommend us, 0–10",
            DraftKind::Followup { .. } => "done | dropped | open due:2026-12-15 (or +1w, fri)",
            DraftKind::BuyIn { .. } => "Buy-in: 1 agreed · 2 agreed with changes · 3 not agreed",
            DraftKind::Changes { .. } => "Agreed with changes: what are the changes?",
            DraftKind::CustomerTask => "Customer task: what @who due:date",
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
}

#[derive(Debug, Clone)]
pub struct Draft {
    pub kind: DraftKind,
    pub editing: Option<String>,
    pub section: usize,
    pub editor: TextArea<'static>,
    /// Enter was pressed once on an unknown `@name`; again adds a guest.
    pub guest_asked: bool,
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
        Draft {
            kind,
            editing,
            section,
            editor,
            guest_asked: false,
        }
    }

    pub fn from_state(state: &DraftState) -> Self {
        Draft::new(
            state.kind,
            state.editing.clone(),
            state.section,
            &state.text,
        )
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
        }
    }
}
