//! How a captured item reads in words, written once: its kind, an action's
//! status, a risk's score, a sign-off's decision, a verdict, and the whole
//! item in one line. Each reader takes the form it needs: the capture pane
//! and the review list the one line (`Captured::in_one_line`), the minutes
//! the words and the score in full, the edit field the score as typed.

use jiff::civil::Date;

use super::capture::{ActionStatus, Capture, Captured, SignoffDecision, Verdict};
use crate::plan::derive::Band;
use crate::plan::model::Plan;

impl SignoffDecision {
    pub fn word(self) -> &'static str {
        match self {
            SignoffDecision::Approved => "approved",
            SignoffDecision::Deferred => "deferred",
            SignoffDecision::Rejected => "rejected",
        }
    }
}

impl Verdict {
    pub fn words(self) -> &'static str {
        match self {
            Verdict::Agreed => "agreed",
            Verdict::AgreedWithChanges => "agreed with changes",
            Verdict::NotAgreed => "not agreed",
        }
    }
}

impl ActionStatus {
    /// "still open", "done" or "dropped": what became of an action.
    pub fn word(self) -> &'static str {
        match self {
            ActionStatus::Open => "still open",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }
}

/// A risk's probability and impact (1–5 each), as it was scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RiskScore {
    pub probability: u8,
    pub impact: u8,
}

impl RiskScore {
    /// Probability × impact.
    pub fn value(self) -> i64 {
        i64::from(self.probability) * i64::from(self.impact)
    }

    /// "low", "medium" or "high", in the plan's own bands.
    pub fn band(self) -> &'static str {
        Band::of(self.value()).as_str()
    }

    /// "score 12 high": the pane's form.
    pub fn short(self) -> String {
        format!("score {} {}", self.value(), self.band())
    }

    /// "score 12 (high: probability 4, impact 3)": the minutes' form.
    pub fn in_full(self) -> String {
        format!(
            "score {} ({}: probability {}, impact {})",
            self.value(),
            self.band(),
            self.probability,
            self.impact
        )
    }

    /// "p:4 i:3": the edit field's form, as a risk's line reads it back.
    pub fn as_typed(self) -> String {
        format!("p:{} i:{}", self.probability, self.impact)
    }
}

/// A new risk or issue in the words each form picks from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RiskOrIssue<'a> {
    /// "risk" or "issue".
    pub kind: &'static str,
    pub title: &'a str,
    /// The owner's id (or a guest's name), as captured.
    pub owner: Option<&'a str>,
    /// Kept off the shared screen and out of the customer's minutes.
    pub internal: bool,
    /// Only a risk is scored.
    pub score: Option<RiskScore>,
}

impl Capture {
    /// What kind of item it is, in words.
    pub fn kind_words(&self) -> &'static str {
        match self {
            Capture::Answer { .. } => "answer",
            Capture::Note { unsent: true, .. } => "unsent draft",
            Capture::Note { private: true, .. } => "private note",
            Capture::Note { .. } => "note",
            Capture::Action { .. } => "action",
            Capture::Decision { .. } => "decision",
            Capture::Risk { .. } => "new risk",
            Capture::Issue { .. } => "new issue",
            Capture::Signoff { .. } => "sign-off",
            Capture::BuyIn { .. } => "buy-in",
            Capture::Attendance { .. } => "attendance",
            Capture::Playback { .. } => "playback",
            Capture::Pulse { .. } => "pulse",
            Capture::Recommend { .. } => "recommend score",
            Capture::Followup { .. } => "follow-up",
            Capture::Parked { .. } => "parked point",
            Capture::Skipped { .. } => "skipped section",
        }
    }

    /// The kind in a word, for the label column of the capture pane.
    pub fn label(&self) -> &'static str {
        match self {
            Capture::Answer { .. } => "answer",
            // A private note's line says "private: " itself.
            Capture::Note { .. } => "note",
            Capture::Action { .. } => "action",
            Capture::Decision { .. } => "decision",
            Capture::Risk { .. } => "risk",
            Capture::Issue { .. } => "issue",
            Capture::Signoff { .. } => "sign-off",
            Capture::BuyIn { .. } => "buy-in",
            Capture::Attendance { .. } => "present",
            Capture::Playback { .. } => "playback",
            Capture::Pulse { .. } | Capture::Recommend { .. } => "pulse",
            Capture::Followup { .. } => "follow-up",
            Capture::Parked { .. } => "later",
            Capture::Skipped { .. } => "skipped",
        }
    }

    /// The main text, for lists and for editing.
    pub fn text(&self) -> String {
        match self {
            Capture::Answer { text, .. }
            | Capture::Note { text, .. }
            | Capture::Decision { text } => text.clone(),
            Capture::Action { title, .. }
            | Capture::Risk { title, .. }
            | Capture::Issue { title, .. } => title.clone(),
            Capture::Signoff { what, .. } => what.clone(),
            Capture::BuyIn { proposal, .. } => proposal.clone(),
            Capture::Attendance { person, .. } | Capture::Pulse { person, .. } => person.clone(),
            Capture::Playback { correction, .. } => correction.clone(),
            Capture::Recommend { score } => score.to_string(),
            Capture::Followup { item, .. } => item.clone(),
            Capture::Parked { text, .. } => text.clone(),
            Capture::Skipped { reason } => reason.clone(),
        }
    }

    /// A new risk or issue, in its words; `None` for any other item.
    pub fn risk_or_issue(&self) -> Option<RiskOrIssue<'_>> {
        match self {
            Capture::Risk {
                title,
                owner,
                visible,
                ..
            }
            | Capture::Issue {
                title,
                owner,
                visible,
            } => Some(RiskOrIssue {
                kind: self.label(),
                title,
                owner: owner.as_deref(),
                internal: !visible,
                score: self.scored(),
            }),
            _ => None,
        }
    }

    /// A risk's score, when it was scored.
    pub fn scored(&self) -> Option<RiskScore> {
        self.risk_score().map(|(probability, impact)| RiskScore {
            probability,
            impact,
        })
    }
}

/// "Tue 1 Dec": a date in the pane, where the year goes without saying.
/// "Pilot plan: agreed with changes by Søren Nielsen: drop week 3", with
/// `by` already a name: the read-back, the minutes and the report say a
/// buy-in alike.
pub fn buy_in_said(proposal: &str, verdict: Verdict, by: Option<&str>, changes: &str) -> String {
    let by = by.map_or_else(String::new, |who| format!(" by {who}"));
    let changes = match changes.trim() {
        "" => String::new(),
        said => format!(": {}", flat(said)),
    };
    format!("{proposal}: {}{by}{changes}", verdict.words())
}

fn pane_date(d: &Date) -> String {
    d.strftime("%a %-d %b").to_string()
}

/// Typed line breaks shown in a line that has room for one.
fn flat(text: &str) -> String {
    text.replace('\n', " ⏎ ")
}

impl Captured {
    /// The item in one line, as the capture pane and the review list show it.
    pub fn in_one_line(&self, plan: &Plan) -> String {
        let name = |id: &Option<String>| id.as_deref().map(|id| plan.name_of(id).to_owned());
        match &self.what {
            Capture::Answer { text, .. } => format!("“{}”", flat(text)),
            Capture::Note {
                text,
                private,
                unsent,
            } => {
                let mark = match (*unsent, *private) {
                    (true, _) => "unsent, private: ",
                    (false, true) => "private: ",
                    (false, false) => "",
                };
                format!("{mark}{}", flat(text))
            }
            Capture::Action {
                title, owner, due, ..
            } => {
                let mut line = format!("{} {title}", self.id);
                if let Some(owner) = name(owner) {
                    line.push_str(&format!(" — {owner}"));
                }
                if let Some(due) = due {
                    line.push_str(&format!(", due {}", pane_date(due)));
                }
                line
            }
            Capture::Decision { text } => format!("decided: {}", flat(text)),
            Capture::Risk { .. } | Capture::Issue { .. } => {
                let Some(raised) = self.what.risk_or_issue() else {
                    return String::new();
                };
                let owner = raised
                    .owner
                    .map_or_else(String::new, |o| format!(" — {}", plan.name_of(o)));
                let internal = if raised.internal { " (internal)" } else { "" };
                let score = (raised.score).map_or_else(String::new, |s| format!(", {}", s.short()));
                format!(
                    "new {}: {}{owner}{score}{internal}",
                    raised.kind, raised.title
                )
            }
            Capture::Signoff {
                what, by, decision, ..
            } => {
                let by = name(by).map_or_else(String::new, |b| format!(" by {b}"));
                match super::capture::acceptance::in_words(what, *decision) {
                    Some(said) => format!("{said}{by}"),
                    None => format!("{what} {}{by}", decision.word()),
                }
            }
            // The changes are what was agreed: they are read back with it.
            Capture::BuyIn {
                proposal,
                verdict,
                changes,
                by,
            } => buy_in_said(proposal, *verdict, name(by).as_deref(), changes),
            Capture::Attendance {
                person, present, ..
            } => {
                format!(
                    "{} {}",
                    plan.name_of(person),
                    if *present { "present" } else { "absent" }
                )
            }
            Capture::Playback {
                confirmed: true, ..
            } => "the customer confirmed what we heard".to_owned(),
            Capture::Playback { correction, .. } => format!("correction: {}", flat(correction)),
            Capture::Pulse {
                person,
                confidence,
                comment,
            } => {
                let comment = if comment.is_empty() {
                    String::new()
                } else {
                    format!(" — {comment}")
                };
                format!(
                    "{}: confidence {confidence}/5{comment}",
                    plan.name_of(person)
                )
            }
            Capture::Recommend { score } => format!("would recommend us: {score}/10"),
            Capture::Followup {
                item,
                status,
                due,
                owner,
                ..
            } => {
                let word = status.word();
                let due = due
                    .as_ref()
                    .map_or_else(String::new, |d| format!(", now due {}", pane_date(d)));
                let owner = name(owner).map_or_else(String::new, |o| format!(", now with {o}"));
                format!("{item} {word}{due}{owner}")
            }
            Capture::Parked { text, owner } => {
                let owner = name(owner).map_or_else(String::new, |o| format!(" — {o}"));
                format!("{} parked: {}{owner}", self.id, flat(text))
            }
            Capture::Skipped { reason } if reason.is_empty() => "section skipped".to_owned(),
            Capture::Skipped { reason } => format!("section skipped: {}", flat(reason)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_risk_score_has_one_value_and_band_in_every_form() {
        let score = RiskScore {
            probability: 4,
            impact: 3,
        };
        let band = Band::of(12).as_str();
        assert_eq!(score.short(), format!("score 12 {band}"));
        assert_eq!(
            score.in_full(),
            format!("score 12 ({band}: probability 4, impact 3)")
        );
        assert_eq!(score.as_typed(), "p:4 i:3");
    }

    #[test]
    fn only_a_scored_risk_has_a_score() {
        let risk = |probability, impact| Capture::Risk {
            title: "Vendor may fold".into(),
            owner: None,
            visible: true,
            probability,
            impact,
        };
        assert_eq!(
            risk(Some(2), Some(5)).scored(),
            Some(RiskScore {
                probability: 2,
                impact: 5
            })
        );
        assert_eq!(risk(Some(2), None).scored(), None);
        assert_eq!(risk(None, None).scored(), None);
    }
}
