//! What the loop reads once the first frame is drawn, one after the other:
//! the rest of a resumed meeting's record, then the earlier meetings. Each
//! is read on a thread of its own and taken into the meeting when done;
//! keys wait in the terminal, in order, until both are in, so nothing is
//! captured before its id is known or typed into half a meeting.

use std::sync::Arc;

use tokio::sync::oneshot::Receiver;
use tokio::sync::oneshot::error::RecvError;

use crate::left_open::earlier::EarlierMeetings;
use crate::meeting::{Action, CarriedOver, Meeting};
use crate::record::format::Record;
use crate::record::open::OpenError;
use crate::record::resume::{BroughtBack, ComingBack};
use crate::record::store::{Message, Store};
use crate::session::Later;

/// Whether an action waits until the earlier meetings are read: what it
/// captures needs their ids, and the rows it acts on their follow-ups.
/// Moving between sections, help, presenting and leaving need nothing from
/// them (the agenda gaining its follow-ups section keeps the screen where
/// it is), nor does the answer to a question on screen.
pub fn waits_for_reads(meeting: &Meeting, action: &Action) -> bool {
    use crate::meeting::{Overlay, Pending};
    match action {
        Action::NextSection
        | Action::PreviousSection
        | Action::JumpTo(_)
        | Action::Agenda
        | Action::Help
        | Action::Close
        | Action::Presenting
        | Action::BlankProjector
        | Action::Quit
        | Action::Up
        | Action::Down
        | Action::ScrollUp
        | Action::ScrollDown => meeting.draft.is_some(),
        Action::Select => meeting.overlay == Overlay::None,
        Action::Type(_) => !matches!(
            meeting.pending,
            Some(Pending::Leave | Pending::LeavePresenting)
        ),
        _ => true,
    }
}

/// The reads still to come, and the one running.
pub struct Reads {
    coming_back: Option<ComingBack>,
    earlier: Option<EarlierMeetings>,
    running: Option<Running>,
}

/// A read on its thread; what it reads is kept, to read it here should the
/// thread fail.
enum Running {
    Back(Arc<ComingBack>, Receiver<BroughtBack>),
    Earlier(EarlierMeetings, Receiver<CarriedOver>),
}

/// A read that finished, or whose thread stopped without an answer.
pub enum Done {
    Back(Result<BroughtBack, RecvError>),
    Earlier(Result<CarriedOver, RecvError>),
}

impl Reads {
    pub fn new(later: Option<Later>) -> Reads {
        let (coming_back, earlier) = later.map_or((None, None), |l| (l.coming_back, l.earlier));
        Reads {
            coming_back,
            earlier,
            running: None,
        }
    }

    /// Whether keys wait: something is still to be read.
    pub fn holding(&self) -> bool {
        self.running.is_some() || self.coming_back.is_some() || self.earlier.is_some()
    }

    /// Whether the meeting is whole: the store may write it.
    pub fn meeting_whole(&self) -> bool {
        self.coming_back.is_none() && !matches!(self.running, Some(Running::Back(..)))
    }

    /// Start the next read unless one is running: after a frame is drawn,
    /// so the first frame never waits for it.
    pub fn start_next(&mut self, meeting: &Meeting) {
        if self.running.is_some() {
            return;
        }
        if let Some(back) = self.coming_back.take() {
            let back = Arc::new(back);
            let answer = Arc::clone(&back).bring_back_aside(meeting.plan.clone());
            self.running = Some(Running::Back(back, answer));
        } else if let Some(earlier) = self.earlier.take() {
            let answer = earlier.clone().read_aside(meeting.plan.clone());
            self.running = Some(Running::Earlier(earlier, answer));
        }
    }

    /// The running read, once done; never, when none runs.
    pub async fn done(&mut self) -> Done {
        match &mut self.running {
            Some(Running::Back(_, answer)) => Done::Back(answer.await),
            Some(Running::Earlier(_, answer)) => Done::Earlier(answer.await),
            None => std::future::pending().await,
        }
    }

    /// Take a finished read into the meeting, and have the record say so.
    /// An error when a resumed meeting's record cannot be read after all:
    /// the meeting must stop before anything overwrites that record.
    pub fn take_in(
        &mut self,
        done: Done,
        meeting: &mut Meeting,
        store: Option<&Store>,
    ) -> Result<(), OpenError> {
        match (self.running.take(), done) {
            (Some(Running::Back(back, _)), Done::Back(answer)) => {
                // A thread that stopped short: read it here instead.
                let answer = answer.unwrap_or_else(|_| back.bring_back(meeting.plan.clone()));
                let (whole, told) = answer?;
                came_back(meeting, whole, told);
                if let Some(store) = store {
                    // The meeting is on disk as it came back.
                    store.send(Message::Snapshot(Box::new(Record::of(meeting))));
                }
            }
            (Some(Running::Earlier(earlier, _)), Done::Earlier(answer)) => {
                let carried = answer.unwrap_or_else(|_| earlier.read(&meeting.plan));
                let sections = meeting.sections.len();
                meeting.take_carried_over(carried, earlier.new_meeting);
                if let Some(store) = store {
                    store.send(Message::Save(Box::new(Record::frame_of(meeting))));
                    // A follow-ups section put into the agenda is on disk
                    // before any key is read: the journal's later entries
                    // count sections as the record does.
                    if meeting.sections.len() != sections {
                        store.settled(std::time::Duration::from_secs(2));
                    }
                }
            }
            // Nothing else runs: a `done` always answers the running read.
            _ => {}
        }
        Ok(())
    }
}

/// Put the meeting as it came back in place of its frame, keeping what
/// only the loop knows (followers, the saving banner) and what the command
/// gave the frame (a rehearsal's deck).
fn came_back(meeting: &mut Meeting, mut whole: Box<Meeting>, told: Vec<String>) {
    whole.followers = meeting.followers;
    whole.projector_blank = meeting.projector_blank;
    whole.banner = meeting.banner.take();
    whole.deck = meeting.deck.take();
    whole.reading_earlier = meeting.reading_earlier;
    whole.notice = meeting.notice.take();
    whole.tell(&told);
    *meeting = *whole;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::{Clock, Overlay, Pending};
    use crate::plan::model::AgendaName;
    use crossterm::event::{KeyCode, KeyEvent};

    fn meeting() -> Meeting {
        let plan = crate::plan::load_bytes("demo.toml", include_bytes!("../../assets/demo.toml"))
            .plan
            .unwrap();
        Meeting::new(plan, AgendaName::ResetPoint, Clock::system(), false)
    }

    #[test]
    fn moving_and_leaving_act_at_once_capturing_waits_for_the_earlier_meetings() {
        let mut m = meeting();
        for action in [
            Action::NextSection,
            Action::PreviousSection,
            Action::Help,
            Action::Presenting,
            Action::Quit,
        ] {
            assert!(!waits_for_reads(&m, &action), "{action:?}");
        }
        let y = Action::Type(KeyEvent::from(KeyCode::Char('y')));
        for action in [Action::NewAction, Action::Note, Action::Select, y.clone()] {
            assert!(waits_for_reads(&m, &action), "{action:?}");
        }
        // The answer to "Leave now?" needs nothing; nor does Enter on the agenda.
        m.pending = Some(Pending::Leave);
        assert!(!waits_for_reads(&m, &y));
        m.overlay = Overlay::Agenda { selected: 2 };
        assert!(!waits_for_reads(&m, &Action::Select));
    }
}
