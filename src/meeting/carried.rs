//! What a meeting takes from the earlier meetings of its plan, once they
//! have been read: the actions still open, the latest word on the plan's
//! customer tasks, the risks and issues raised but not yet in the plan,
//! the ids they used and the pulse trend. They are read after the first
//! frame (`record::earlier`), so years of records never keep the screen
//! waiting; until they are in, the meeting says it is reading them.

use super::capture::{Earlier, Raised};
use super::ids::Ids;
use super::{Captured, Meeting};

/// The earlier meetings, as a meeting needs them.
#[derive(Debug, Clone, Default)]
pub struct CarriedOver {
    /// Actions still open, for the follow-ups section.
    pub earlier: Vec<Earlier>,
    /// What was said of the plan's own customer tasks, in the order said.
    pub earlier_followups: Vec<Captured>,
    pub raised_earlier: Vec<Raised>,
    /// Every id the earlier meetings took, per kind.
    pub ids: Ids,
    /// Mean customer confidence (1–5) meeting by meeting, oldest first.
    pub pulse_trend: Vec<f64>,
    /// Something was left open, so a new meeting on a built-in agenda
    /// reviews it first (`followups` after the welcome).
    pub something_open: bool,
    /// What the PM should know about the records read (one that could not
    /// be read, a meeting left unfinished without its journal), in words
    /// fit for a shared screen: no path, no content.
    pub warnings: Vec<String>,
}

impl Meeting {
    /// Take in the earlier meetings. A new meeting that has not moved on
    /// from its first screen gets a follow-ups section when something was
    /// left open, as it would have had had they been read before it began;
    /// a resumed meeting keeps the sections it was started with.
    pub fn take_carried_over(&mut self, carried: CarriedOver, new_meeting: bool) {
        let CarriedOver {
            earlier,
            earlier_followups,
            raised_earlier,
            ids,
            pulse_trend,
            something_open,
            warnings,
        } = carried;
        self.earlier = earlier;
        self.earlier_followups = earlier_followups;
        self.raised_earlier = raised_earlier;
        self.ids.merge(&ids);
        self.pulse_trend = pulse_trend;
        self.reading_earlier = false;
        if new_meeting
            && something_open
            && let Some(at) =
                crate::agenda::add_followups(&mut self.sections, &self.plan, self.agenda)
        {
            // The new section has had no time; the screen stays where it is.
            let place = at.min(self.clock.spent.len());
            self.clock.spent.insert(place, 0);
            if self.current >= at {
                self.current += 1;
            }
        }
        self.tell(&warnings);
    }

    /// Show the first of these lines as the notice, saying how many more
    /// there are. They name no file and quote nothing typed, so a shared
    /// screen shows them too.
    pub fn tell(&mut self, lines: &[String]) {
        if let Some(first) = lines.first() {
            self.notice = Some(match lines.len() {
                1 => first.clone(),
                n => format!("{first} (and {} more)", n - 1),
            });
            self.notice_private = false;
        }
    }
}
