//! The command line, as DESIGN.md gives it.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::export::minutes::Audience;
use crate::plan::model::AgendaName;

#[derive(Debug, Parser)]
#[command(
    name = "resetpoint",
    version,
    about = "Run a customer meeting from the project's plan, and never lose a word said in it."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Settings file (keys, colours) instead of the one in the config folder.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ActionsFormat {
    Md,
    Csv,
    Ics,
    /// An Excel workbook (needs -o FILE or a pipe).
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    Human,
    Json,
    /// An Excel workbook (needs -o FILE or a pipe).
    Xlsx,
}

/// A side of the table, for `actions --side`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SideArg {
    /// The customer's people, and customer tasks.
    Customer,
    /// Our own people.
    Us,
}

impl From<SideArg> for crate::plan::model::Side {
    fn from(side: SideArg) -> Self {
        match side {
            SideArg::Customer => Self::Customer,
            SideArg::Us => Self::Us,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MinutesFormat {
    Md,
    Html,
    /// A draft email to the attendees, plain text and HTML.
    Eml,
}

/// The agenda sent ahead: Markdown, a mail draft, or a calendar event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AgendaFormat {
    Md,
    /// A draft email to the people the meeting expects.
    Eml,
    /// A calendar event on the day agreed at the end of the last meeting.
    Ics,
}

/// A one-page document: Markdown that reads as a plain-text email, or a
/// printable HTML page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PageFormat {
    Md,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PortfolioFormat {
    Human,
    Json,
    Html,
}

/// Each command's own arguments are only put together when it is the one
/// run: a meeting starts without building every other command's.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Run the bundled demo plan's reset-point meeting, presenting mode on.
    /// Records go to a temporary folder unless --records is given.
    Demo {
        #[arg(long, value_name = "DIR")]
        records: Option<PathBuf>,
    },
    /// Run a meeting from a plan, full screen, recording as it goes.
    Run {
        /// The plan file (TOML).
        plan: PathBuf,
        /// Which agenda to follow; default: the plan's own, else its
        /// meeting.agenda, else status.
        #[arg(long, value_enum)]
        agenda: Option<AgendaName>,
        /// Where meeting records go; default: `meetings/` beside the plan.
        #[arg(long, value_name = "DIR")]
        records: Option<PathBuf>,
        /// Resume the unfinished meeting without asking.
        #[arg(long, conflicts_with = "fresh")]
        resume: bool,
        /// Start a new meeting even when one is unfinished.
        #[arg(long)]
        fresh: bool,
    },
    /// Rehearse a meeting before the real one: the same agenda, marked
    /// REHEARSAL, with pushback cards to answer and a pacing report at the
    /// end. Recorded under `rehearsals/` in the records folder, never
    /// counted in history, actions or follow-ups.
    Rehearse {
        /// The plan file (TOML).
        plan: PathBuf,
        /// Which agenda to follow; default: as for `run`.
        #[arg(long, value_enum)]
        agenda: Option<AgendaName>,
        /// The records folder; rehearsals go to its `rehearsals/` folder.
        #[arg(long, value_name = "DIR")]
        records: Option<PathBuf>,
        /// Deal the pushback cards in the order this number gives, to
        /// rehearse the same order again.
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
    },
    /// Show a running meeting's customer-safe screen, on the projector:
    /// the meeting of PLAN (or recorded in DIR), or the one running.
    Follow {
        /// The plan the meeting was started with; only used to find it.
        plan: Option<PathBuf>,
        /// The records folder the meeting writes to.
        #[arg(long, value_name = "DIR")]
        records: Option<PathBuf>,
        /// Exit (with code 1) when no such meeting is running, instead of waiting.
        #[arg(long)]
        no_wait: bool,
    },
    /// Capture notes at once with no plan prepared: notes, actions (@name as
    /// typed), decisions, risks, issues and who was there, saved as you type.
    Notes {
        /// What the conversation is, shown and kept in its record
        /// ("Call with Søren"); default: Notes.
        title: Option<String>,
        /// Who the conversation is with; files the notes under that customer.
        #[arg(long, value_name = "NAME", conflicts_with = "plan")]
        customer: Option<String>,
        /// File the notes with this plan's meetings, owners matched to its people.
        #[arg(long, value_name = "PLAN")]
        plan: Option<PathBuf>,
        /// Where the record goes; default: the config's records_dir, else
        /// `meetings/` beside --plan (as `run`), else `meetings/` here.
        #[arg(long, value_name = "DIR")]
        records: Option<PathBuf>,
        /// Resume the unfinished notes without asking.
        #[arg(long, conflicts_with = "fresh")]
        resume: bool,
        /// Start new notes even when some are unfinished.
        #[arg(long)]
        fresh: bool,
    },
    /// Check a plan: errors, warnings, and the figures worked out from it.
    Check {
        /// The plan file (TOML).
        plan: PathBuf,
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
        /// Fail on warnings too.
        #[arg(long)]
        strict: bool,
        /// Who the quick look is for: internal (the default) marks internal
        /// risks and issues `[internal]`; customer leaves them out.
        #[arg(long, value_enum, default_value_t = Audience::Internal)]
        audience: Audience,
    },
    /// The minutes of a meeting, as Markdown, HTML or a draft email (to
    /// standard output unless -o).
    Minutes {
        /// The meeting record (the .toml file in the meetings folder), or a
        /// plan or a records folder: its latest finished meeting.
        record: PathBuf,
        /// With a plan or a folder: another meeting, by its number as
        /// `history` counts them (1 is the first) or its day (2026-12-04).
        #[arg(long, value_name = "N|DATE")]
        meeting: Option<String>,
        /// customer (the default) leaves out private notes and internal items.
        #[arg(long, value_enum, default_value_t = Audience::Customer)]
        audience: Audience,
        /// Markdown, one self-contained printable HTML page, or an .eml
        /// draft addressed to the attendees, ready to check and send.
        #[arg(long, value_enum, default_value_t = MinutesFormat::Md)]
        format: MinutesFormat,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Open actions across all meetings of a plan, oldest first
    /// (rehearsals left out): Markdown, CSV, iCalendar to-dos or a workbook.
    Actions {
        plan: PathBuf,
        /// Where the plan's meeting records are; default: `meetings/` beside it.
        #[arg(long, value_name = "DIR")]
        records: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = ActionsFormat::Md)]
        format: ActionsFormat,
        /// Closed actions too.
        #[arg(long)]
        all: bool,
        /// Only the actions of this person: an id, a full or first name (as
        /// after @ in the meeting), or a family name.
        #[arg(long, value_name = "NAME")]
        owner: Option<String>,
        /// Only the actions on this side of the table.
        #[arg(long, value_enum)]
        side: Option<SideArg>,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The relationship's pulse, actions closed on time and promises kept,
    /// meeting by meeting (rehearsals left out).
    History {
        plan: PathBuf,
        #[arg(long, value_name = "DIR")]
        records: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = HistoryFormat::Human)]
        format: HistoryFormat,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// The rehearsals instead: each one's overrun, questions not asked,
        /// cards handled and needing work, jargon used.
        #[arg(long)]
        rehearsals: bool,
    },
    /// A one-page status report of a plan, for the customer unless told
    /// otherwise: colour and why, milestones, cost and schedule, risks,
    /// issues, your tasks due soon, the last meeting, the next one.
    Report {
        plan: PathBuf,
        /// Where the plan's meeting records are; default: `meetings/` beside it.
        #[arg(long, value_name = "DIR")]
        records: Option<PathBuf>,
        /// customer (the default) leaves out internal items, from the colour too.
        #[arg(long, value_enum, default_value_t = Audience::Customer)]
        audience: Audience,
        /// Markdown (reads as a plain-text email), or one printable HTML page.
        #[arg(long, value_enum, default_value_t = PageFormat::Md)]
        format: PageFormat,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The next meeting's agenda, to send ahead: its sections with their
    /// timeboxes and questions, what is open from last time, your tasks
    /// due, and its day when one is agreed. No internal word.
    Agenda {
        plan: PathBuf,
        /// Which agenda; default: as for `run`.
        #[arg(long, value_enum)]
        agenda: Option<AgendaName>,
        /// Where the plan's meeting records are; default: `meetings/` beside it.
        #[arg(long, value_name = "DIR")]
        records: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = AgendaFormat::Md)]
        format: AgendaFormat,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// What became of an action or customer task between meetings, in the
    /// follow-ups' words: `done`, `dropped`, `open due:+1w`, `now with @søren`.
    Update {
        plan: PathBuf,
        /// The id the follow-ups show: A-3, CT-1, L-2 (a parked point);
        /// help:CT-1 for the help we promised with a task.
        id: String,
        /// What became of it.
        #[arg(required = true, num_args = 1.., allow_hyphen_values = true)]
        words: Vec<String>,
        /// Where the plan's meeting records are; default: `meetings/` beside it.
        #[arg(long, value_name = "DIR")]
        records: Option<PathBuf>,
    },
    /// Every plan under the folders, one row per account, worst first, with
    /// the advice the practice calls for.
    Portfolio {
        /// Folders to search for plans (their `meetings/` folders are the records).
        #[arg(required = true, value_name = "DIR")]
        dirs: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = PortfolioFormat::Human)]
        format: PortfolioFormat,
        /// Write it to FILE (atomically) instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write a commented starter plan (to standard output when no PATH).
    New {
        /// The agenda the meeting will follow by default.
        #[arg(long, value_enum)]
        agenda: Option<AgendaName>,
        /// A meeting record (notes, or any meeting) whose people, customer and
        /// open actions fill the plan in.
        #[arg(long, value_name = "RECORD")]
        from: Option<PathBuf>,
        /// Where to write it; an existing file is never overwritten.
        path: Option<PathBuf>,
    },
    /// The JSON Schema of the plan file, for editors:
    /// `resetpoint schema > resetpoint.schema.json` beside the plan.
    Schema,
}
