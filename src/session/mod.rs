//! Setting a meeting up from the records folder: find a meeting of the plan
//! left unfinished, take its lock, resume it or start afresh, and leave for
//! after the first frame ([`Later`]) what would keep it waiting: the rest
//! of a resumed record, and the earlier meetings that carry over (open
//! actions, raised risks and issues, ids, the pulse trend, a follow-ups
//! section). Every command that runs a meeting (`run`, `demo`, `rehearse`,
//! `notes`) sets it up here with its own options; what the PM must be told
//! or asked goes through a [`Prompt`], so this code does no terminal I/O
//! of its own.

use std::path::PathBuf;

use jiff::Timestamp;

use crate::left_open::earlier::{EarlierMeetings, carried_over};
use crate::meeting::{Clock, Meeting, Origin};
use crate::plan::model::{AgendaName, Plan};
use crate::record::folder::{Folder, Found};
use crate::record::format::{Mode, Record};
use crate::record::open::{Lock, OpenError, Reopened, create, reopen, reopen_frame};
use crate::record::resume::{ComingBack, recovered, resumed};
use crate::record::store::{Paths, write_atomically};
use crate::text::visible;

/// What to do about a meeting of this plan that never ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unfinished {
    /// Ask the PM through the [`Prompt`].
    Ask,
    Resume,
    /// Close it (everything its journal holds folded into its record) and
    /// start a new meeting.
    Fresh,
    /// Start a new meeting and leave any unfinished one as it is (the demo).
    LeaveAlone,
}

/// How a command wants its meeting set up.
#[derive(Debug, Clone)]
pub struct SessionOptions {
    /// Where the plan came from, and whether this is a rehearsal.
    pub origin: Origin,
    /// The agenda of a new meeting (a resumed one keeps its own).
    pub agenda: AgendaName,
    /// Whether the screen starts presenting when the record does not say.
    pub presenting: bool,
    pub records_dir: PathBuf,
    pub unfinished: Unfinished,
}

/// An unfinished meeting the PM is asked about.
pub struct Question<'a> {
    pub paths: &'a Paths,
    pub record: &'a Record,
    /// The meeting as it would be resumed.
    pub found: &'a Meeting,
}

/// The command's voice while the meeting is set up: before the screen is
/// taken, so whatever it says stays readable.
pub trait Prompt {
    /// A line the PM should read: a `note:` or a `warning:`.
    fn tell(&mut self, line: &str);
    /// Whether to resume this meeting; none when no answer could be read.
    fn resume(&mut self, question: &Question) -> Option<bool>;
}

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The unfinished meeting could not be reopened (another resetpoint
    /// has it, or its files cannot be read).
    #[error(transparent)]
    Reopen(OpenError),
    /// The new meeting's files could not be created.
    #[error(transparent)]
    Create(OpenError),
    #[error("could not read the answer; use --resume or --fresh")]
    Unanswered,
}

/// A meeting ready to run: its state, its files and their lock.
pub struct Session {
    pub meeting: Meeting,
    pub paths: Paths,
    pub lock: Lock,
    pub later: Later,
}

/// What is read once the meeting is on screen, in this order; until then
/// the meeting says so ([`Meeting::bringing_back`],
/// [`Meeting::reading_earlier`]) and keys wait.
pub struct Later {
    /// The rest of a resumed meeting's record, when only its frame is in.
    pub coming_back: Option<ComingBack>,
    /// None when there were none to read: the first screen is whole.
    pub earlier: Option<EarlierMeetings>,
}

impl Session {
    /// Read now what the loop reads once the first frame is drawn, and
    /// take it in: for checks that need the meeting whole at once.
    pub fn whole(mut self) -> Session {
        if let Some(back) = self.later.coming_back.take() {
            let (meeting, _) = back
                .bring_back(self.meeting.plan.clone())
                .unwrap_or_else(|e| panic!("{e}"));
            self.meeting = *meeting;
        }
        if let Some(earlier) = self.later.earlier.take() {
            let carried = earlier.read(&self.meeting.plan);
            self.meeting.take_carried_over(carried, earlier.new_meeting);
        }
        self
    }
}

impl Session {
    pub fn open(
        plan: Plan,
        options: SessionOptions,
        prompt: &mut dyn Prompt,
    ) -> Result<Session, SessionError> {
        let found = last_unfinished(&plan, &options, prompt);
        // The lock is taken before anything is asked: a meeting open in
        // another resetpoint is refused at once, naming that process.
        let resume = match (found, options.unfinished) {
            (None, _) | (Some(_), Unfinished::LeaveAlone) => None,
            (Some(found), Unfinished::Fresh) => {
                // The earlier meetings, read later, hold it as it was closed.
                close_unfinished(&found.paths, &plan, prompt);
                None
            }
            // Asked for at the command line: only what the first screen
            // needs is read before it, the rest once it is drawn.
            (Some(found), Unfinished::Resume) => {
                let reopened = reopen_frame(&found.paths).map_err(SessionError::Reopen)?;
                Some(Resuming {
                    paths: found.paths,
                    reopened,
                    meeting: None,
                })
            }
            (Some(found), _) => ask_to_resume(found, &plan, &options, prompt)?,
        };
        let earlier = earlier_meetings(&plan, &options, resume.as_ref());
        // With no record in the folder yet (a project's first meeting),
        // there is nothing to wait for: what carries over (the plan's own
        // promises) is taken in now, and the first screen is the whole one.
        let nothing_earlier = resume.is_none() && !holds_a_record(&earlier.folder);
        let (mut meeting, paths, lock, coming_back) = match resume {
            Some(mut resuming) => {
                let (meeting, coming_back) = resuming.come_back(plan, options, prompt);
                (meeting, resuming.paths, resuming.reopened.lock, coming_back)
            }
            None => {
                let mut meeting =
                    Meeting::new(plan, options.agenda, Clock::system(), options.presenting);
                meeting.origin = options.origin;
                let stem = Record::file_stem(&meeting.clock.wall(), options.agenda.as_str());
                let (paths, lock) =
                    create(&options.records_dir, &stem).map_err(SessionError::Create)?;
                (meeting, paths, lock, None)
            }
        };
        let earlier = if nothing_earlier {
            // Only the plan's own promises carry over: the folder is not
            // read again, now that it holds this meeting's files.
            let carried = carried_over(&[], &meeting.plan);
            meeting.take_carried_over(carried, earlier.new_meeting);
            None
        } else {
            meeting.reading_earlier = true;
            Some(earlier)
        };
        Ok(Session {
            meeting,
            paths,
            lock,
            later: Later {
                coming_back,
                earlier,
            },
        })
    }
}

/// The latest meeting of this plan left unfinished, of the same kind (live
/// or rehearsal); the records that cannot be read are named.
fn last_unfinished(
    plan: &Plan,
    options: &SessionOptions,
    prompt: &mut dyn Prompt,
) -> Option<Found> {
    let mode = if options.origin.rehearsal {
        Mode::Rehearsal
    } else {
        Mode::Live
    };
    let mut folder = Folder::read_unfinished(&options.records_dir, &plan.project.slug());
    // Asked to resume and none left its journal or lock: every header.
    if options.unfinished == Unfinished::Resume && folder.unfinished(mode).next().is_none() {
        folder = Folder::read_every_unfinished(&options.records_dir, &plan.project.slug());
    }
    for unreadable in folder.unreadable.iter().filter(|u| !u.journal_holds_it) {
        prompt.tell(&format!(
            "warning: {}; it is left as it is",
            unreadable.error
        ));
    }
    // Notes resume notes only: a planned meeting left unfinished is
    // for `run` to resume, not a conversation noted alongside it.
    let notes = options.agenda == AgendaName::Notes;
    folder
        .unfinished(mode)
        .filter(|m| !notes || m.record.meeting.agenda == AgendaName::Notes.as_str())
        .last()
        .cloned()
}

/// An unfinished meeting being taken up again: its files, what was read of
/// them, and the meeting itself when it was already put together to ask.
struct Resuming {
    paths: Paths,
    reopened: Reopened,
    meeting: Option<(Meeting, usize)>,
}

/// Ask the PM whether to resume `found`, showing what it holds.
fn ask_to_resume(
    found: Found,
    plan: &Plan,
    options: &SessionOptions,
    prompt: &mut dyn Prompt,
) -> Result<Option<Resuming>, SessionError> {
    let reopened = reopen(&found.paths).map_err(SessionError::Reopen)?;
    let found_meeting = resumed(
        plan.clone(),
        &reopened.record,
        options.origin.clone(),
        &reopened.entries,
        options.presenting,
    );
    let question = Question {
        paths: &found.paths,
        record: &reopened.record,
        found: &found_meeting.0,
    };
    let yes = prompt.resume(&question).ok_or(SessionError::Unanswered)?;
    Ok(yes.then_some(Resuming {
        paths: found.paths,
        reopened,
        meeting: Some(found_meeting),
    }))
}

/// Whether `folder` holds any record (`.toml`) at all; a missing folder
/// holds none. (A journal whose record is missing carries nothing over.)
fn holds_a_record(folder: &std::path::Path) -> bool {
    std::fs::read_dir(folder).is_ok_and(|entries| {
        entries
            .filter_map(Result::ok)
            .any(|e| e.path().extension().is_some_and(|x| x == "toml"))
    })
}

/// The earlier meetings, read once the meeting is on screen (at once when
/// the folder holds no record yet): one read
/// serves the carry-over, the follow-ups, the ids and the pulse trend. A
/// rehearsal (recorded in `rehearsals/` inside the records folder) follows
/// up the live meetings, as the real meeting will.
fn earlier_meetings(
    plan: &Plan,
    options: &SessionOptions,
    resume: Option<&Resuming>,
) -> EarlierMeetings {
    EarlierMeetings {
        folder: match options.records_dir.parent() {
            Some(live) if options.origin.rehearsal => live.to_path_buf(),
            _ => options.records_dir.clone(),
        },
        project_id: plan.project.slug(),
        before: resume.map_or_else(Timestamp::now, |r| r.reopened.record.meeting.started),
        new_meeting: resume.is_none(),
    }
}

impl Resuming {
    /// The meeting as it was left, and what is still to come back once the
    /// screen is drawn when only its frame was read.
    fn come_back(
        &mut self,
        plan: Plan,
        options: SessionOptions,
        prompt: &mut dyn Prompt,
    ) -> (Meeting, Option<ComingBack>) {
        let rest = self.reopened.rest.take();
        let (mut meeting, refused) = match self.meeting.take() {
            Some(found) => found,
            None => resumed(
                plan,
                &self.reopened.record,
                options.origin.clone(),
                &self.reopened.entries,
                options.presenting,
            ),
        };
        let coming_back = match rest {
            // Only the frame is in: what was captured comes back once the
            // screen is drawn, with any refused lines.
            Some(rest) => {
                // Presenting, whatever the record says: the frame shows
                // nothing private, the journal may have turned presenting
                // on since the record was written.
                meeting.presenting = true;
                meeting.bringing_back = true;
                Some(ComingBack::new(rest, options.origin, options.presenting))
            }
            None => {
                tell_what_was_recovered(&self.paths, &self.reopened, refused, prompt);
                None
            }
        };
        if plan_changed(
            self.reopened.record.plan_at_start(),
            &meeting.origin.plan_sha256,
        ) {
            let notice = "The plan changed since this meeting started; the record keeps both versions' SHA-256.";
            prompt.tell(&format!("note: {notice}"));
            meeting.notice = Some(notice.into());
        }
        (meeting, coming_back)
    }
}

/// Whether a plan's SHA-256 differs from the one the meeting started with
/// (the bundled demo has none).
fn plan_changed(at_start: &str, now: &str) -> bool {
    !at_start.is_empty() && !now.is_empty() && at_start != now
}

/// Tell the PM what recovery had to do: nothing is dropped without a word.
fn tell_what_was_recovered(
    paths: &Paths,
    reopened: &Reopened,
    refused: usize,
    prompt: &mut dyn Prompt,
) {
    let told = recovered(
        Some(paths),
        reopened.rebuilt,
        reopened.skipped,
        reopened.torn,
        refused,
    );
    for line in told {
        prompt.tell(&format!("note: {line}"));
    }
}

/// When starting afresh, fold a meeting left unfinished into its record
/// (everything its journal holds) and mark it ended; a meeting open in
/// another resetpoint is left alone.
fn close_unfinished(paths: &Paths, plan: &Plan, prompt: &mut dyn Prompt) {
    let Ok(reopened) = reopen(paths) else {
        return;
    };
    let origin = Origin {
        plan_path: reopened.record.meeting.plan.clone(),
        plan_sha256: reopened.record.plan_at_start().to_owned(),
        rehearsal: reopened.record.meeting.mode == Mode::Rehearsal,
    };
    let (mut meeting, _) = resumed(
        plan.clone(),
        &reopened.record,
        origin,
        &reopened.entries,
        true,
    );
    meeting.ended = Some(Timestamp::now());
    let record = Record::of(&meeting);
    match write_atomically(&paths.record, record.to_toml().as_bytes()) {
        Ok(()) => {
            let _ = std::fs::remove_file(&paths.journal);
            let _ = std::fs::remove_file(&paths.lock);
        }
        Err(e) => {
            prompt.tell(&format!(
                "warning: the unfinished meeting {} could not be closed ({e}); it is kept as it was",
                visible(&paths.record.display().to_string())
            ));
        }
    }
}
