//! What typed text becomes, and back: the line in a field turned into a
//! captured item (reading `@who`, `due:`, `#internal`, scores and words),
//! and an item turned back into the line that would make it, for editing.
//! The readers of each kind of line are beside this dispatcher.

mod people;
pub(super) mod quick;
#[cfg(test)]
mod reading_tests;
mod signoff;

pub use people::People;
pub use quick::{QuickCapture, due_date, quick_capture};
pub use signoff::{SignoffLine, signoff_line};

use super::Meeting;
use super::capture::{ActionStatus, Capture, Captured, Verdict, acceptance};
use super::draft::DraftKind;
use crate::agenda::SectionKind;
use crate::plan::model::{AgendaName, Side};

/// Why a field's text cannot be taken yet, and whether Enter again takes
/// it as it is (a guest, a risk left unscored).
pub(super) struct Ask {
    pub(super) notice: String,
    pub(super) again: bool,
    /// An `@name` that Tab keeps as a guest, when it matched nobody.
    pub(super) guest: Option<String>,
}

/// What Tab on an unknown `@name` leaves in the field's `asked`: keep it
/// as a guest, as typed.
pub(super) fn guest_kept(name: &str) -> String {
    format!("guest:{name}")
}

/// How much of a typed word a notice quotes back: enough to recognise it,
/// never so much that the key to go on is pushed off the footer.
const QUOTED: usize = 24;

/// A typed word as a notice quotes it.
pub(crate) fn quoted(typed: &str) -> String {
    crate::text::cut(typed, QUOTED)
}

/// An item has one owner and one due date: a second `@name` or `due:` is
/// asked about, never dropped.
fn one_of_each(quick: &QuickCapture) -> Result<(), Ask> {
    let ask = |notice| {
        Err(Ask {
            notice,
            again: false,
            guest: None,
        })
    };
    if let (Some((first, _)), Some(second)) = (&quick.owner, &quick.second_owner) {
        return ask(format!(
            "@{} and @{}: one owner only. Keep one, or write the other without @.",
            quoted(first),
            quoted(second)
        ));
    }
    if let Some(second) = &quick.second_due {
        return ask(format!(
            "due:{} is a second due date: keep one due:, or write the other without due:.",
            quoted(second)
        ));
    }
    Ok(())
}

/// `#internal` keeps a risk or issue off the shared screen; an action or
/// a follow-up has no such mark, so it is asked about rather than dropped.
fn no_internal_mark(quick: &QuickCapture) -> Result<(), Ask> {
    if !quick.internal {
        return Ok(());
    }
    Err(Ask {
        notice:
            "#internal is for a new risk or issue (R, I). Leave it out, or keep it private with N."
                .into(),
        again: false,
        guest: None,
    })
}

/// What a follow-up's line says of an action or task: its status, a new
/// due date, and a new owner as typed (`open @sam due:+1w`, `done`,
/// `dropped`), in the room and between meetings (`resetpoint update`).
pub struct FollowupWords {
    pub status: ActionStatus,
    /// Only a new date: the earlier one is in its own record.
    pub due: Option<jiff::civil::Date>,
    /// The `@name` as typed, and the person it matched (if any).
    pub owner: Option<(String, Option<String>)>,
}

/// Read a follow-up's line; why not, in words that say how to write it.
pub fn read_followup(
    text: &str,
    plan: &crate::plan::model::Plan,
    guests: &[String],
    today: jiff::civil::Date,
) -> Result<FollowupWords, String> {
    followup_words(text, People { plan, guests }, today).map_err(|ask| ask.notice)
}

fn followup_words(
    text: &str,
    people: People,
    today: jiff::civil::Date,
) -> Result<FollowupWords, Ask> {
    let ask = |notice: String| Ask {
        notice,
        again: false,
        guest: None,
    };
    // `open @sam due:+1w`: the @name and due: read as in an action's line.
    let quick = quick_capture(text, people, today);
    if let Some(bad) = &quick.bad_due {
        return Err(ask(format!(
            "due:{} is not a date: use 2026-12-15, +1w or a weekday.",
            quoted(bad)
        )));
    }
    one_of_each(&quick)?;
    no_internal_mark(&quick)?;
    // A new date or owner keeps it open, unless a word says otherwise.
    let mut status = (quick.due.is_some() || quick.owner.is_some()).then_some(ActionStatus::Open);
    for word in quick.text.split_whitespace() {
        match word.to_lowercase().as_str() {
            "done" | "d" | "closed" => status = Some(ActionStatus::Done),
            "dropped" | "drop" | "x" => status = Some(ActionStatus::Dropped),
            "open" | "o" | "still" => status = Some(ActionStatus::Open),
            // `now with @søren`: words around a new owner or date.
            "now" | "with" => {}
            _ => {
                return Err(ask(format!(
                    "`{}`: say done, dropped, or open with due:2026-12-15 and @who.",
                    quoted(word)
                )));
            }
        }
    }
    let Some(status) = status else {
        return Err(ask("Say done, dropped, or open with due:2026-12-15.".into()));
    };
    Ok(FollowupWords {
        status,
        due: quick.due,
        owner: quick.owner,
    })
}

/// A `due:` in the line of something that has no due date (a new risk or
/// issue, a parked point, a buy-in) would be dropped without a word: say
/// so instead. `what` starts the sentence: "A parked point".
fn no_due_date(quick: &QuickCapture, what: &str) -> Result<(), Ask> {
    if quick.due.is_none() && quick.bad_due.is_none() {
        return Ok(());
    }
    Err(Ask {
        notice: format!(
            "{what} has no due date: leave out due:…, and add an action (a) for what is due."
        ),
        again: false,
        guest: None,
    })
}

/// Asked of a risk typed without its score.
const ASK_SCORE: &str = "Add p:1-5 i:1-5 for its probability and impact (p:4 i:3), or press Enter again to save it unscored.";

pub(super) fn to_capture(
    meeting: &Meeting,
    kind: DraftKind,
    section: usize,
    text: &str,
    asked: &[String],
) -> Result<Capture, Ask> {
    let plan = &meeting.plan;
    let guests = meeting.guests();
    let people = People {
        plan,
        guests: &guests,
    };
    let today = meeting.clock.today();
    let ask = |notice: String| {
        Err(Ask {
            notice,
            again: false,
            guest: None,
        })
    };
    let asked_before = |notice: &str| asked.iter().any(|a| a == notice);
    // An @name that is nobody in the plan is asked about once.
    let owner = |typed: &Option<(String, Option<String>)>| -> Result<Option<String>, Ask> {
        let name = match typed {
            None => return Ok(None),
            Some((_, Some(id))) => return Ok(Some(id.clone())),
            Some((name, None)) => name,
        };
        // Notes without a plan have nobody to match: the name is the owner.
        if meeting.agenda == AgendaName::Notes && plan.people.is_empty() {
            return Ok(Some(name.clone()));
        }
        // Tab on the question: a guest, deliberately.
        if asked_before(&guest_kept(name)) {
            return Ok(Some(name.clone()));
        }
        // Enter takes the name offered; a guest is Tab, named in the line.
        let (notice, enter_takes) = match people.nearest(name) {
            Some(near) => (
                format!(
                    "@{typed} is not in the plan. Enter: {} · Tab: {typed} as a guest",
                    quoted(&near),
                    typed = quoted(name)
                ),
                people.find(&near).unwrap_or(near),
            ),
            None => (
                format!(
                    "@{typed} is not in the plan. Enter or Tab: {typed} as a guest, or correct it",
                    typed = quoted(name)
                ),
                name.clone(),
            ),
        };
        if asked_before(&notice) {
            return Ok(Some(enter_takes));
        }
        Err(Ask {
            notice,
            again: true,
            guest: Some(name.clone()),
        })
    };
    Ok(match kind {
        // The card's field is taken by the card itself, never as an item.
        DraftKind::CardAnswer => return ask("Answer the card with Enter.".into()),
        // The end of the meeting reads its own field (`meeting::next`,
        // which reads with this module's words, so this one names none of
        // its own): a line that reaches here is asked again.
        DraftKind::NextMeeting => return ask("Type the day and time of the next meeting.".into()),
        DraftKind::Answer { question } => Capture::Answer {
            question: meeting
                .sections
                .get(section)
                .and_then(|s| s.questions.get(question))
                .cloned()
                .unwrap_or_default(),
            text: text.to_owned(),
            sensitive: meeting
                .sections
                .get(section)
                .is_some_and(|s| s.is_sensitive(question)),
        },
        DraftKind::Note { private } => Capture::Note {
            text: text.to_owned(),
            private,
            unsent: false,
        },
        DraftKind::Decision => Capture::Decision {
            text: text.to_owned(),
        },
        DraftKind::Action | DraftKind::CustomerTask | DraftKind::TaskHelp { .. } => {
            let quick = quick_capture(text, people, today);
            if let Some(bad) = &quick.bad_due {
                return ask(format!(
                    "due:{} is not a date: use 2026-12-01, +3d, tomorrow or a weekday.",
                    quoted(bad)
                ));
            }
            if quick.text.is_empty() {
                return ask("Say what the action is, then @who and due:when.".into());
            }
            one_of_each(&quick)?;
            no_internal_mark(&quick)?;
            let owner = owner(&quick.owner)?;
            // Our help with a task is ours, said with the task it helps.
            let title = match kind {
                DraftKind::TaskHelp { row } => match plan.customer_tasks.get(row) {
                    Some(task) => format!("Our help with {}: {}", task.id.get_ref(), quick.text),
                    None => return ask("That task is no longer there.".into()),
                },
                _ => quick.text,
            };
            // A customer task is the customer's, whoever carries it out.
            let side = if kind == DraftKind::CustomerTask {
                Some(Side::Customer)
            } else if matches!(kind, DraftKind::TaskHelp { .. }) {
                Some(Side::Us)
            } else {
                owner
                    .as_deref()
                    .and_then(|id| plan.person(id))
                    .map(|p| p.side)
            };
            Capture::Action {
                title,
                owner,
                due: quick.due,
                side,
                status: ActionStatus::Open,
            }
        }
        DraftKind::Parked => {
            let quick = quick_capture(text, people, today);
            if quick.text.is_empty() {
                return ask("Say what the point is, then @who takes it up.".into());
            }
            no_due_date(&quick, "A parked point")?;
            one_of_each(&quick)?;
            no_internal_mark(&quick)?;
            Capture::Parked {
                text: quick.text,
                owner: owner(&quick.owner)?,
            }
        }
        DraftKind::Skip => Capture::Skipped {
            reason: text.trim().to_owned(),
        },
        DraftKind::Risk | DraftKind::Issue => {
            // Only a risk is scored; in an issue's line `p:` stays words.
            let (text, probability, impact) = if kind == DraftKind::Risk {
                match take_score(text) {
                    Ok(read) => read,
                    Err(notice) => return ask(notice),
                }
            } else {
                (text.to_owned(), None, None)
            };
            let quick = quick_capture(&text, people, today);
            if quick.text.is_empty() {
                return ask("Say what it is, then @owner.".into());
            }
            no_due_date(&quick, "A new risk or issue")?;
            one_of_each(&quick)?;
            let owner = owner(&quick.owner)?;
            let (title, visible) = (quick.text, !quick.internal);
            if kind == DraftKind::Risk {
                if (probability.is_none() || impact.is_none()) && !asked_before(ASK_SCORE) {
                    return Err(Ask {
                        notice: ASK_SCORE.to_owned(),
                        again: true,
                        guest: None,
                    });
                }
                // Half a score is no score: the heat map needs both.
                let scored = probability.is_some() && impact.is_some();
                Capture::Risk {
                    title,
                    owner,
                    visible,
                    probability: probability.filter(|_| scored),
                    impact: impact.filter(|_| scored),
                }
            } else {
                Capture::Issue {
                    title,
                    owner,
                    visible,
                }
            }
        }
        DraftKind::Signoff => match signoff_line(text, people) {
            Some(line) => Capture::Signoff {
                what: "the communication plan".into(),
                by: owner(&line.by)?,
                decision: line.decision,
                reason: line.reason,
            },
            None => return ask("Say approved, deferred or rejected, and @who.".into()),
        },
        DraftKind::Guest => {
            // Someone in the plan who was not expected comes as themselves.
            let typed = text.trim().trim_start_matches('@');
            match People::of(plan).find(typed) {
                Some(id) => Capture::Attendance {
                    person: id,
                    present: true,
                    guest: false,
                },
                None => Capture::Attendance {
                    person: text.trim().to_owned(),
                    present: true,
                    guest: true,
                },
            }
        }
        DraftKind::Playback => Capture::Playback {
            confirmed: text.trim().is_empty(),
            correction: text.trim().to_owned(),
        },
        DraftKind::Pulse { row } => {
            let mut words = text.split_whitespace();
            let score = words
                .next()
                .and_then(|w| w.parse::<u8>().ok())
                .filter(|s| (1..=5).contains(s));
            let Some(confidence) = score else {
                return ask("Start with a confidence from 1 to 5, then any comment.".into());
            };
            Capture::Pulse {
                person: meeting
                    .customer_attendees()
                    .get(row)
                    .cloned()
                    .unwrap_or_default(),
                confidence,
                comment: words.collect::<Vec<_>>().join(" "),
            }
        }
        DraftKind::Followup { row } => {
            let Some(followed) = meeting.followup_rows().into_iter().nth(row) else {
                return ask("That row is no longer there.".into());
            };
            let said = followup_words(text, people, today)?;
            let new_owner = owner(&said.owner)?;
            Capture::Followup {
                item: followed.item,
                meeting: followed.meeting,
                status: said.status,
                due: said.due,
                owner: new_owner,
            }
        }
        DraftKind::BuyIn { row } | DraftKind::Changes { row } => {
            let Some(proposal) = plan.proposals.get(row) else {
                return ask("That proposal is no longer there.".into());
            };
            let (verdict, changes) = if let DraftKind::Changes { .. } = kind {
                (Verdict::AgreedWithChanges, text.trim())
            } else {
                let text = text.trim();
                let (word, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
                match chosen_verdict(word) {
                    Some(Verdict::AgreedWithChanges) => (Verdict::AgreedWithChanges, rest.trim()),
                    Some(verdict) => (verdict, rest.trim()),
                    None => {
                        return ask(
                            "Press 1 agreed, 2 agreed with changes or 3 not agreed, then Enter."
                                .into(),
                        );
                    }
                }
            };
            // `@who` gave it; the other words are the changes.
            let quick = quick_capture(changes, people, today);
            no_due_date(&quick, "A buy-in")?;
            one_of_each(&quick)?;
            let by = owner(&quick.owner)?;
            let changes = match verdict {
                Verdict::AgreedWithChanges => quick.text,
                Verdict::Agreed | Verdict::NotAgreed => String::new(),
            };
            if verdict == Verdict::AgreedWithChanges && changes.is_empty() {
                return ask("Say what the changes are, then Enter (Esc leaves it unsent).".into());
            }
            Capture::BuyIn {
                proposal: proposal.title.clone(),
                verdict,
                changes,
                by,
            }
        }
        DraftKind::Recommend => match text.trim().parse::<u8>().ok().filter(|s| *s <= 10) {
            Some(score) => Capture::Recommend { score },
            None => return ask("Give a number from 0 to 10.".into()),
        },
    })
}

/// `p:4` and `i:3` read out of a risk's line: the rest of the line, the
/// probability and the impact (1–5), or what to say when one is not a
/// number from 1 to 5.
fn take_score(text: &str) -> Result<(String, Option<u8>, Option<u8>), String> {
    let (mut probability, mut impact) = (None, None);
    let mut kept = Vec::new();
    for word in text.split_whitespace() {
        let lower = word.to_lowercase();
        let (slot, value, what) = if let Some(v) = lower.strip_prefix("p:") {
            (&mut probability, v.to_owned(), "probability")
        } else if let Some(v) = lower.strip_prefix("i:") {
            (&mut impact, v.to_owned(), "impact")
        } else {
            kept.push(word);
            continue;
        };
        // A second score may not quietly replace the first.
        if slot.is_some() {
            return Err(format!(
                "{}: a second {what}. Keep one, as in p:4 i:3.",
                quoted(word)
            ));
        }
        match value.parse::<u8>().ok().filter(|n| (1..=5).contains(n)) {
            Some(n) => *slot = Some(n),
            None => {
                return Err(format!(
                    "{}: the {what} is a number from 1 to 5, as in p:4 i:3.",
                    quoted(word)
                ));
            }
        }
    }
    Ok((kept.join(" "), probability, impact))
}

/// The verdict the PM picks with 1, 2 or 3 (or its first word).
fn chosen_verdict(word: &str) -> Option<Verdict> {
    match word.to_lowercase().as_str() {
        "1" | "agreed" | "yes" => Some(Verdict::Agreed),
        "2" | "changes" | "with" => Some(Verdict::AgreedWithChanges),
        "3" | "not" | "no" => Some(Verdict::NotAgreed),
        _ => None,
    }
}

/// Whether a buy-in line chooses "agreed with changes" without saying
/// which: then the changes are asked for in a field of their own.
pub(super) fn wants_changes(text: &str) -> bool {
    let text = text.trim();
    !text.contains(char::is_whitespace) && chosen_verdict(text) == Some(Verdict::AgreedWithChanges)
}

/// The line that would make `item` again, and the field it is typed in;
/// `None` for items changed with Enter on their row (attendance, buy-in).
pub(super) fn as_typed(meeting: &Meeting, item: &Captured) -> Option<(DraftKind, String)> {
    Some(match &item.what {
        Capture::Answer { question, text, .. } => {
            let index = meeting
                .sections
                .get(item.section)
                .and_then(|s| s.questions.iter().position(|q| q == question))
                .unwrap_or(0);
            (DraftKind::Answer { question: index }, text.clone())
        }
        Capture::Note { text, private, .. } => {
            (DraftKind::Note { private: *private }, text.clone())
        }
        Capture::Decision { text } => (DraftKind::Decision, text.clone()),
        Capture::Action {
            title,
            owner,
            due,
            side,
            ..
        } => {
            let kind = if *side == Some(Side::Customer)
                && meeting.sections.get(item.section).map(|s| s.kind)
                    == Some(SectionKind::CustomerTasks)
            {
                DraftKind::CustomerTask
            } else {
                DraftKind::Action
            };
            let mut line = title.clone();
            if let Some(owner) = owner {
                line.push_str(&format!(" @{owner}"));
            }
            if let Some(due) = due {
                line.push_str(&format!(" due:{due}"));
            }
            (kind, line)
        }
        Capture::Risk { .. } | Capture::Issue { .. } => {
            let raised = item.what.risk_or_issue()?;
            let mut line = raised.title.to_owned();
            if let Some(owner) = raised.owner {
                line.push_str(&format!(" @{owner}"));
            }
            if let Some(score) = raised.score {
                line.push(' ');
                line.push_str(&score.as_typed());
            }
            if raised.internal {
                line.push_str(" #internal");
            }
            let kind = if matches!(item.what, Capture::Risk { .. }) {
                DraftKind::Risk
            } else {
                DraftKind::Issue
            };
            (kind, line)
        }
        Capture::Playback { correction, .. } => (DraftKind::Playback, correction.clone()),
        Capture::Parked { text, owner } => {
            let owner = owner
                .as_deref()
                .map_or_else(String::new, |who| format!(" @{who}"));
            (DraftKind::Parked, format!("{text}{owner}"))
        }
        Capture::Skipped { reason } => (DraftKind::Skip, reason.clone()),
        Capture::BuyIn {
            proposal,
            verdict,
            changes,
            by,
        } => {
            let row = meeting
                .plan
                .proposals
                .iter()
                .position(|p| p.title == *proposal)?;
            let by = by
                .as_deref()
                .map_or_else(String::new, |who| format!(" @{who}"));
            let line = match verdict {
                Verdict::Agreed => format!("1{by}"),
                Verdict::AgreedWithChanges => format!("2 {changes}{by}"),
                Verdict::NotAgreed => format!("3{by}"),
            };
            (DraftKind::BuyIn { row }, line)
        }
        Capture::Signoff { what, .. } if acceptance::task(what).is_some() => return None,
        Capture::Signoff {
            decision,
            by,
            reason,
            ..
        } => {
            let mut line = decision.word().to_owned();
            if let Some(by) = by {
                line.push_str(&format!(" @{by}"));
            }
            if !reason.is_empty() {
                line.push(' ');
                line.push_str(reason);
            }
            (DraftKind::Signoff, line)
        }
        _ => return None,
    })
}
