//! The meeting's vocabulary: everything a key, or the loop, can ask of it.

use crossterm::event::KeyEvent;
use jiff::Timestamp;

/// What a key (or the loop) asks for. The keys a PM can bind come first,
/// in the order the help lists them; each carries its one set of words:
/// its name in the `[keys]` table of the config file, its help line
/// (`help`; actions that share a line are drawn on one), and its footer
/// word in full and short (`footer`, `short`; `listen` on the listen
/// screen). `tui::keymap` reads them. The loop's own actions are
/// `disabled`: no key and no name.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    strum::EnumIter,
    strum::EnumString,
    strum::EnumMessage,
    strum::EnumProperty,
)]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    #[strum(props(help = "next section", footer = "next"))]
    NextSection,
    #[strum(props(help = "previous section", footer = "back"))]
    PreviousSection,
    /// Open the agenda to jump to a section.
    #[strum(props(help = "agenda: jump to a section", footer = "agenda"))]
    Agenda,
    #[strum(props(
        help = "previous or next question or row",
        footer = "row",
        listen = "question"
    ))]
    Up,
    #[strum(props(help = "previous or next question or row"))]
    Down,
    /// Enter: answer, confirm or choose the highlighted row.
    #[strum(props(
        help = "answer, confirm or choose the highlighted row",
        footer = "choose",
        short = "pick",
        listen = "answer"
    ))]
    Select,
    /// Show the rows below (or above) in a panel that has more than fits.
    #[strum(props(help = "more of a panel that says \"+3 more\", and back"))]
    ScrollDown,
    #[strum(props(help = "more of a panel that says \"+3 more\", and back"))]
    ScrollUp,
    /// Esc: close whatever is open.
    #[strum(props(help = "close this window"))]
    Close,
    #[strum(props(help = "note", footer = "note"))]
    Note,
    #[strum(props(help = "private note (never on the shared screen)"))]
    PrivateNote,
    #[strum(
        serialize = "action",
        props(help = "action: what @who due:date (+3d, +2w, fri)", footer = "action")
    )]
    NewAction,
    #[strum(props(help = "decision", footer = "decision", short = "decide"))]
    Decision,
    #[strum(props(help = "new risk or issue: what @owner", footer = "risk"))]
    Risk,
    #[strum(props(help = "new risk or issue: what @owner", footer = "issue"))]
    Issue,
    /// A risk or issue kept off the shared screen from the first key.
    #[strum(props(
        help = "internal risk or issue: masked, never on a shared screen",
        footer = "internal"
    ))]
    InternalRisk,
    #[strum(props(help = "internal risk or issue: masked, never on a shared screen"))]
    InternalIssue,
    #[strum(props(
        help = "sign-off of the communication plan (rules screen)",
        footer = "sign-off",
        short = "sign"
    ))]
    Signoff,
    /// A new task on the customer's side (on the customer tasks screen).
    #[strum(props(
        help = "tasks screen: a new task; our help with the one chosen",
        footer = "new task",
        short = "task"
    ))]
    CustomerTask,
    /// The help we agree to give with the highlighted customer task: an
    /// action of ours, followed up like any other.
    #[strum(props(
        help = "tasks screen: a new task; our help with the one chosen",
        footer = "our help",
        short = "help"
    ))]
    TaskHelp,
    /// A point off the topic, parked for later with an optional owner.
    #[strum(
        serialize = "park",
        props(
            help = "park a point for later (@who); skip this section",
            footer = "later"
        )
    )]
    Park,
    /// Skip the section on screen on purpose (asks, with an optional reason).
    #[strum(props(help = "park a point for later (@who); skip this section"))]
    SkipSection,
    /// Edit the highlighted item of the capture pane.
    #[strum(props(help = "edit or delete the highlighted capture (delete asks)"))]
    Edit,
    /// Delete the highlighted item (asks first).
    #[strum(props(help = "edit or delete the highlighted capture (delete asks)"))]
    Delete,
    /// Write the minutes beside the record (on the review screen).
    #[strum(props(
        help = "write the minutes beside the record (review screen)",
        footer = "minutes"
    ))]
    Minutes,
    /// Deal the next pushback card (a rehearsal's listen and proposals).
    #[strum(props(
        help = "rehearsal: deal a pushback card; handled / needs work",
        footer = "card"
    ))]
    DealCard,
    /// The answer to the card on the table was good enough.
    #[strum(props(help = "rehearsal: deal a pushback card; handled / needs work"))]
    CardHandled,
    /// The answer to the card on the table needs more practice.
    #[strum(props(help = "rehearsal: deal a pushback card; handled / needs work"))]
    CardNeedsWork,
    /// Toggle presenting mode (internal items hidden).
    #[strum(props(
        help = "presenting mode (no internal items); blank the projector",
        footer = "presenting",
        short = "present"
    ))]
    Presenting,
    /// Blank the `follow` screen, or bring it back (PowerPoint's B). It
    /// shares the presenting line of the help, which fits 80×24.
    #[strum(props(help = "presenting mode (no internal items); blank the projector"))]
    BlankProjector,
    #[strum(props(help = "this help", footer = "help"))]
    Help,
    #[strum(props(help = "quit (everything is already saved)", footer = "quit"))]
    Quit,
    /// A key typed into an open text field.
    #[strum(disabled)]
    Type(KeyEvent),
    /// Text pasted from the clipboard.
    #[strum(disabled)]
    Paste(String),
    /// The clock moved on (once a second).
    #[strum(disabled)]
    Tick(Timestamp),
    /// Go straight to a section.
    #[strum(disabled)]
    JumpTo(usize),
    /// Saving failed; the message says why. Everything stays in memory.
    #[strum(disabled)]
    SaveFailed(String),
    /// Saving works again.
    #[strum(disabled)]
    SaveRecovered,
    /// A document was written, at this path.
    #[strum(disabled)]
    Wrote(String),
    /// This many `follow` screens show the customer-safe view now.
    #[strum(disabled)]
    Followers(usize),
}
