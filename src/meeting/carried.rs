//! What a meeting takes from the earlier meetings of its plan, once they
//! have been read: the actions still open, the latest word on the plan's
//! customer tasks, the risks and issues raised but not yet in the plan,
//! the ids they used and the pulse trend. They are read after the first
//! frame (`left_open::earlier`), so years of records never keep the screen
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

    /// Add these lines to the notice: the one showing stays first, and the
    /// notice says how many more there are. They name no file and quote
    /// nothing typed, so a shared screen shows them too.
    pub fn tell(&mut self, lines: &[String]) {
        if lines.is_empty() {
            return;
        }
        let (first, more) = match self.notice.take() {
            Some(showing) if !self.notice_private => (showing, lines.len()),
            _ => (lines[0].clone(), lines.len() - 1),
        };
        // A count from an earlier call is folded into this one's.
        let (first, before) = match first.rsplit_once(" (and ") {
            Some((text, rest)) => match rest
                .strip_suffix(" more)")
                .and_then(|n| n.parse::<usize>().ok())
            {
                Some(n) => (text.to_owned(), n),
                None => (first, 0),
            },
            None => (first, 0),
        };
        self.notice = Some(match more + before {
            0 => first,
            n => format!("{first} (and {n} more)"),
        });
        self.notice_private = false;
    }
}

#[cfg(test)]
mod tests {
    use crate::meeting::{Clock, Meeting};
    use crate::plan::model::{AgendaName, Plan};

    #[test]
    fn a_notice_showing_stays_first_and_the_rest_are_counted() {
        let mut m = Meeting::new(Plan::default(), AgendaName::Status, Clock::system(), true);
        m.tell(&[]);
        assert_eq!(m.notice, None);
        m.tell(&["3 damaged line(s) of the journal were skipped".into()]);
        m.tell(&[
            "An earlier record could not be read".into(),
            "The meeting of Tue 24 Nov never ended".into(),
        ]);
        assert_eq!(
            m.notice.as_deref(),
            Some("3 damaged line(s) of the journal were skipped (and 2 more)")
        );
        m.tell(&["one more".into()]);
        assert_eq!(
            m.notice.as_deref(),
            Some("3 damaged line(s) of the journal were skipped (and 3 more)")
        );
        // A private notice (it may quote a private field) is not kept.
        m.notice = Some("@Zoë? did you mean Zoë Krüger".into());
        m.notice_private = true;
        m.tell(&["An earlier record could not be read".into()]);
        assert_eq!(
            m.notice.as_deref(),
            Some("An earlier record could not be read")
        );
        assert!(!m.notice_private);
    }
}
