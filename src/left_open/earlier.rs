//! The earlier meetings a meeting follows up, read once it is on screen.
//! Years of weekly records take far longer to parse than a first frame
//! takes to draw, and the first screen needs none of them but the pulse
//! trend, so they are read on a thread of their own, at a lower priority
//! than the screen, and handed to the loop as a [`CarriedOver`].

use std::path::PathBuf;

use jiff::Timestamp;

use super::tasks::{said_of_tasks, tasks_open};
use crate::meeting::capture::{ActionStatus, Raised};
use crate::meeting::ids::Ids;
use crate::meeting::{Captured, CarriedOver, Meeting};
use crate::plan::model::Plan;
use crate::record::folder::Folder;
use crate::record::format::Record;

/// Where a meeting's earlier meetings are, read when [`EarlierMeetings::read`]
/// or [`EarlierMeetings::read_aside`] is called, not before.
#[derive(Debug, Clone)]
pub struct EarlierMeetings {
    /// The live records folder (a rehearsal follows up the live meetings).
    pub folder: PathBuf,
    pub project_id: String,
    /// Meetings that started before this are earlier ones.
    pub before: Timestamp,
    /// A new meeting, whose agenda may still take a follow-ups section.
    pub new_meeting: bool,
}

impl EarlierMeetings {
    /// Read them now, on this thread.
    pub fn read(&self, plan: &Plan) -> CarriedOver {
        let folder = Folder::read(&self.folder, &self.project_id);
        let mut warnings = Vec::new();
        // Named by `actions` and `history`, file, line and column; the
        // meeting's screen may be on the projector, so it only counts them.
        match folder.unreadable.iter().filter(|u| !u.journal_holds_it).count() {
            0 => {}
            1 => warnings.push(
                "An earlier record could not be read and is left as it is; `resetpoint history` names it."
                    .to_owned(),
            ),
            n => warnings.push(format!(
                "{n} earlier records could not be read and are left as they are; `resetpoint history` names them."
            )),
        }
        // A meeting left unfinished is found by its journal or lock before
        // the screen is taken; one with neither is only seen here.
        let zone = crate::meeting::clock::local_zone();
        warnings.extend(
            folder
                .unfinished(crate::record::format::Mode::Live)
                .filter(|m| !m.paths.journal.exists() && !m.paths.lock.exists())
                .map(|m| {
                    let started = m.record.meeting.started.to_zoned(zone.clone());
                    format!(
                        "The meeting of {} never ended and has no journal beside it; it is left as it is.",
                        started.strftime("%a %-d %b %H:%M")
                    )
                }),
        );
        let (mut live, _) = folder.into_live();
        live.retain(|(_, r)| r.meeting.started < self.before);
        CarriedOver {
            warnings,
            ..carried_over(&live, plan)
        }
    }

    /// Read them on a thread of their own, at a lower priority than the
    /// screen; the answer comes on the returned channel.
    pub fn read_aside(self, plan: Plan) -> tokio::sync::oneshot::Receiver<CarriedOver> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let spawned = std::thread::Builder::new()
            .name("earlier meetings".into())
            .spawn(move || {
                lower_priority();
                let _ = tx.send(self.read(&plan));
            });
        // Without a thread the channel closes, and the loop says they
        // could not be read: the meeting goes on without them.
        drop(spawned);
        rx
    }
}

/// What these earlier meetings carry over, for a meeting of `plan`.
pub fn carried_over(earlier: &[(String, Record)], plan: &Plan) -> CarriedOver {
    let earlier_followups = said_of_tasks(earlier);
    let still_open = super::actions::still_open(earlier, plan);
    let something_open =
        !earlier.is_empty() && (!still_open.is_empty() || tasks_open(plan, &earlier_followups) > 0);
    let mut ids = Ids::default();
    for (_, record) in earlier {
        ids.merge(&record.meeting.ids);
        // Only the ids are wanted: no copy of the items, in any order.
        for item in record.captured() {
            ids.saw(&item.id);
        }
    }
    let zone = crate::meeting::clock::local_zone();
    CarriedOver {
        earlier: still_open,
        earlier_followups,
        raised_earlier: raised_earlier(earlier, plan),
        ids,
        pulse_trend: super::history::history(earlier, plan, &zone)
            .iter()
            .filter_map(|h| h.pulse)
            .collect(),
        something_open,
        warnings: Vec::new(),
    }
}

/// Take in what these earlier meetings carry over, at once, on this thread
/// (the agenda is left as it is).
pub fn carry_over(meeting: &mut Meeting, earlier: &[(String, Record)]) {
    let carried = carried_over(earlier, &meeting.plan);
    meeting.take_carried_over(carried, false);
}

/// The risks and issues raised in these earlier meetings that the plan does
/// not hold yet (by title) and that no later follow-up closed, oldest first.
/// Each meeting is its stem and its record, owned or borrowed.
pub fn raised_earlier<S, R>(earlier: &[(S, R)], plan: &Plan) -> Vec<Raised>
where
    S: AsRef<str>,
    R: std::borrow::Borrow<Record>,
{
    // The plan's titles and the follow-ups each read once, into sets and
    // maps, so that each raised item is a lookup, however long the history.
    let titles: std::collections::HashSet<String> = plan
        .risks
        .iter()
        .map(|r| &r.title)
        .chain(plan.issues.iter().map(|i| &i.title))
        .map(|t| t.trim().to_lowercase())
        .collect();
    let in_plan = |title: &str| titles.contains(&title.trim().to_lowercase());
    let said = crate::meeting::latest::SaidOf::new(
        earlier.iter().flat_map(|(_, r)| &r.borrow().followups),
    );
    let closed = |id: &str, from: &str| {
        matches!(
            said.last_status(id, from),
            Some(ActionStatus::Done | ActionStatus::Dropped)
        )
    };
    earlier
        .iter()
        .flat_map(|(stem, record)| {
            // In the order they were raised, risks and issues together.
            let record: &Record = record.borrow();
            let mut raised: Vec<&Captured> = record.risks.iter().chain(&record.issues).collect();
            raised.sort_by_key(|item| (item.order, item.at));
            raised.into_iter().map(move |item| Raised {
                meeting: stem.as_ref().to_owned(),
                item: item.clone(),
            })
        })
        .filter(|r| !in_plan(&r.item.what.text()) && !closed(&r.item.id, &r.meeting))
        .collect()
}

/// Make this thread (and the parsing threads it starts, which inherit it)
/// yield to the screen's when the cores are busy.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: gettid and setpriority have no preconditions; on Linux a
    // thread's nice value is its own, so only this thread is lowered.
    // Raising one's own nice value needs no privilege, and a refusal
    // leaves the thread as it was.
    unsafe {
        let thread = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, thread as libc::id_t, 10);
    }
}
