//! Agendas: the built-in kickoff, reset-point and status agendas, the
//! plan's own, the one-section `notes` agenda of `resetpoint notes`, and
//! the sections a meeting runs.
//! The section kinds themselves live in `plan/section_kind.rs`.

use serde::{Deserialize, Serialize};

use crate::plan::model::{AgendaName, Plan};
pub use crate::plan::section_kind::SectionKind;

/// One step of an agenda, ready to run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub kind: SectionKind,
    pub title: String,
    pub minutes: u32,
    pub questions: Vec<String>,
    /// Which of `questions` (by place) are sensitive: their answers are
    /// typed masked while presenting and go to our management only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sensitive: Vec<usize>,
}

impl Section {
    /// Whether question `n` of this section is sensitive.
    pub fn is_sensitive(&self, n: usize) -> bool {
        self.sensitive.contains(&n)
    }
}

/// The built-in agendas: section kinds in order, with their default
/// timeboxes in minutes. A plan's own `[[agenda]]` uses the same kinds.
const KICKOFF: [(SectionKind, u32); 8] = [
    (SectionKind::Welcome, 5),
    (SectionKind::Scope, 10),
    (SectionKind::Status, 5),
    (SectionKind::Financials, 5),
    (SectionKind::Raid, 10),
    (SectionKind::Rules, 10),
    (SectionKind::CustomerTasks, 5),
    (SectionKind::Review, 5),
];

const RESET_POINT: [(SectionKind, u32); 11] = [
    (SectionKind::Welcome, 3),
    (SectionKind::Listen, 20),
    (SectionKind::Playback, 5),
    (SectionKind::Status, 8),
    (SectionKind::Financials, 8),
    (SectionKind::Raid, 10),
    (SectionKind::Rules, 8),
    (SectionKind::Proposals, 10),
    (SectionKind::CustomerTasks, 5),
    (SectionKind::Review, 5),
    (SectionKind::Pulse, 3),
];

const STATUS: [(SectionKind, u32); 8] = [
    (SectionKind::Welcome, 2),
    (SectionKind::Followups, 5),
    (SectionKind::Status, 5),
    (SectionKind::Financials, 5),
    (SectionKind::Raid, 8),
    (SectionKind::CustomerTasks, 3),
    (SectionKind::Review, 3),
    (SectionKind::Pulse, 2),
];

/// The questions asked in `listen` when the plan's agenda does not give its own.
pub const DEFAULT_QUESTIONS: [&str; 4] = [
    "What is your view of the project's status?",
    "What has worked for you, and what has not?",
    "What worries you most about the weeks ahead?",
    "What would make this project a success for you?",
];

/// The built-in reset-point asks, fourth, about the people on our team:
/// the answer names someone, so it goes to our management only.
pub const RESET_POINT_QUESTIONS: [&str; 4] = [
    "What is your view of the project's status?",
    "What has worked for you, and what has not?",
    "What worries you most about the weeks ahead?",
    "Are there members of the project team who are specifically causing you concern, and why?",
];

/// The place of the reset-point's sensitive question: the fourth.
const RESET_POINT_SENSITIVE: usize = 3;

/// The agenda a meeting runs when none is named: the plan's own if it has
/// one, else `meeting.agenda`, else `status`.
pub fn default_agenda(plan: &Plan) -> AgendaName {
    plan.default_agenda()
}

/// The sections of the named agenda. `Plan` with no `[[agenda]]` falls back
/// to the default built-in agenda.
pub fn sections(plan: &Plan, name: AgendaName) -> Vec<Section> {
    let steps = match name {
        AgendaName::Kickoff => &KICKOFF[..],
        AgendaName::ResetPoint => &RESET_POINT[..],
        AgendaName::Status => &STATUS[..],
        AgendaName::Notes => return notes(SectionKind::Notes.default_title()),
        AgendaName::Plan if !plan.agenda.is_empty() => {
            return plan
                .agenda
                .iter()
                .map(|item| Section {
                    kind: item.kind,
                    title: item
                        .title
                        .clone()
                        .unwrap_or_else(|| item.kind.default_title().to_owned()),
                    minutes: item
                        .minutes
                        .as_ref()
                        .map_or(5, |m| (*m.get_ref()).clamp(0, 600) as u32),
                    questions: questions_for(item.kind, &item.questions, name),
                    sensitive: item
                        .questions
                        .iter()
                        .enumerate()
                        .filter(|(_, q)| q.sensitive())
                        .map(|(n, _)| n)
                        .collect(),
                })
                .collect();
        }
        AgendaName::Plan => {
            let fallback = plan.meeting.agenda.as_ref().map(|a| *a.get_ref());
            let name = fallback
                .filter(|n| *n != AgendaName::Plan)
                .unwrap_or(AgendaName::Status);
            return sections(plan, name);
        }
    };
    steps
        .iter()
        .map(|&(kind, minutes)| Section {
            kind,
            title: kind.default_title().to_owned(),
            minutes,
            questions: questions_for(kind, &[], name),
            sensitive: if kind == SectionKind::Listen && name == AgendaName::ResetPoint {
                vec![RESET_POINT_SENSITIVE]
            } else {
                Vec::new()
            },
        })
        .collect()
}

/// The sections of the named agenda for a meeting after others: when
/// earlier meetings left something open (`carry_over`), a built-in agenda
/// without a follow-ups section (kickoff, reset-point) gets `followups 5`
/// after the welcome, so what was promised is reviewed before anything
/// new. A plan's own `[[agenda]]` is used as written; `check` warns there.
pub fn sections_carrying_over(plan: &Plan, name: AgendaName, carry_over: bool) -> Vec<Section> {
    let mut steps = sections(plan, name);
    if carry_over {
        add_followups(&mut steps, plan, name);
    }
    steps
}

/// Put `followups 5` after the welcome of a built-in agenda that has no
/// follow-ups section; where it went, when it went in.
pub fn add_followups(steps: &mut Vec<Section>, plan: &Plan, name: AgendaName) -> Option<usize> {
    let own = name == AgendaName::Plan && !plan.agenda.is_empty();
    // Notes have no agenda to follow up in: what is open stays in `actions`.
    let own = own || name == AgendaName::Notes;
    if own || steps.iter().any(|s| s.kind == SectionKind::Followups) {
        return None;
    }
    let after_welcome = steps
        .iter()
        .position(|s| s.kind == SectionKind::Welcome)
        .map_or(0, |n| n + 1);
    steps.insert(
        after_welcome,
        Section {
            kind: SectionKind::Followups,
            title: SectionKind::Followups.default_title().to_owned(),
            minutes: FOLLOWUPS_MINUTES,
            questions: Vec::new(),
            sensitive: Vec::new(),
        },
    );
    Some(after_welcome)
}

/// What the PM means to say in section `n` (of kind `kind`) of the agenda
/// `name`: the plan's own agenda's `notes`, else the plan's
/// `[speaker_notes]` for the kind. Read from the whole plan on the PM's
/// own screen; a customer's copy of the plan has none.
pub fn speaker_notes(plan: &Plan, name: AgendaName, n: usize, kind: SectionKind) -> Option<&str> {
    let own = (name == AgendaName::Plan)
        .then(|| plan.agenda.get(n))
        .flatten()
        .filter(|item| item.kind == kind)
        .and_then(|item| item.notes.as_deref());
    own.or_else(|| plan.speaker_notes.get(&kind).map(String::as_str))
        .map(str::trim)
        .filter(|notes| !notes.is_empty())
}

/// The timebox of a follow-ups section added to a built-in agenda.
const FOLLOWUPS_MINUTES: u32 = 5;

/// The timebox of notes taken with nothing prepared: a call's half hour,
/// so the header still says when a conversation runs long.
pub const NOTES_MINUTES: u32 = 30;

/// The `notes` agenda: one capture section, titled for the conversation
/// ("Call with Søren"). Who was there is captured in it too.
pub fn notes(title: &str) -> Vec<Section> {
    let title = title.trim();
    vec![Section {
        kind: SectionKind::Notes,
        title: if title.is_empty() {
            SectionKind::Notes.default_title().to_owned()
        } else {
            title.to_owned()
        },
        minutes: NOTES_MINUTES,
        questions: Vec::new(),
        sensitive: Vec::new(),
    }]
}

/// The questions of a section: the plan's, else (for `listen`) the
/// agenda's own: the reset-point's or the default ones.
fn questions_for(
    kind: SectionKind,
    given: &[crate::plan::model::Question],
    agenda: AgendaName,
) -> Vec<String> {
    if kind == SectionKind::Listen && given.is_empty() {
        let built_in = if agenda == AgendaName::ResetPoint {
            RESET_POINT_QUESTIONS
        } else {
            DEFAULT_QUESTIONS
        };
        built_in.iter().map(|q| (*q).to_owned()).collect()
    } else {
        given.iter().map(|q| q.text().to_owned()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes(name: AgendaName) -> Vec<(&'static str, u32)> {
        sections(&Plan::default(), name)
            .iter()
            .map(|s| (s.kind.key(), s.minutes))
            .collect()
    }

    #[test]
    fn built_in_agendas_match_the_design() {
        assert_eq!(
            minutes(AgendaName::ResetPoint),
            [
                ("welcome", 3),
                ("listen", 20),
                ("playback", 5),
                ("status", 8),
                ("financials", 8),
                ("raid", 10),
                ("rules", 8),
                ("proposals", 10),
                ("customer_tasks", 5),
                ("review", 5),
                ("pulse", 3)
            ]
        );
        assert_eq!(
            minutes(AgendaName::Kickoff),
            [
                ("welcome", 5),
                ("scope", 10),
                ("status", 5),
                ("financials", 5),
                ("raid", 10),
                ("rules", 10),
                ("customer_tasks", 5),
                ("review", 5)
            ]
        );
        assert_eq!(
            minutes(AgendaName::Status),
            [
                ("welcome", 2),
                ("followups", 5),
                ("status", 5),
                ("financials", 5),
                ("raid", 8),
                ("customer_tasks", 3),
                ("review", 3),
                ("pulse", 2)
            ]
        );
    }

    #[test]
    fn the_plans_own_agenda_keeps_its_titles_timeboxes_and_questions() {
        let text = "[project]\nname = \"P\"\ncustomer = \"C\"\n[[agenda]]\nkind = \"listen\"\ntitle = \"Your view\"\nminutes = 15\nquestions = [\"What worries you?\"]\n[[agenda]]\nkind = \"listen\"\n[[agenda]]\nkind = \"raid\"\n";
        let plan = crate::plan::load_bytes("p.toml", text.as_bytes())
            .plan
            .unwrap();
        assert_eq!(default_agenda(&plan), AgendaName::Plan);
        let s = sections(&plan, AgendaName::Plan);
        assert_eq!(s.len(), 3);
        assert_eq!((s[0].title.as_str(), s[0].minutes), ("Your view", 15));
        assert_eq!(s[0].questions, ["What worries you?"]);
        assert_eq!(
            s[1].questions.len(),
            DEFAULT_QUESTIONS.len(),
            "listen without questions asks the defaults"
        );
        assert_eq!((s[2].title.as_str(), s[2].minutes), ("Issues and risks", 5));
    }

    fn carried(name: AgendaName, plan: &Plan, open: bool) -> Vec<(&'static str, u32)> {
        sections_carrying_over(plan, name, open)
            .iter()
            .map(|s| (s.kind.key(), s.minutes))
            .collect()
    }

    #[test]
    fn something_open_puts_followups_after_the_welcome_of_every_built_in_agenda() {
        let plan = Plan::default();
        for name in [AgendaName::ResetPoint, AgendaName::Kickoff] {
            let with = carried(name, &plan, true);
            assert_eq!(with[0], minutes(name)[0], "the welcome stays first");
            assert_eq!(with[1], ("followups", 5), "{name:?}");
            assert_eq!(with.len(), minutes(name).len() + 1);
            assert_eq!(&with[2..], &minutes(name)[1..], "the rest as designed");
            assert_eq!(carried(name, &plan, false), minutes(name), "nothing open");
        }
        assert_eq!(
            carried(AgendaName::Status, &plan, true),
            minutes(AgendaName::Status),
            "status already follows up, once"
        );
    }

    #[test]
    fn the_plans_own_agenda_is_used_as_written_even_with_something_open() {
        let text = "[project]\nname = \"P\"\ncustomer = \"C\"\n[[agenda]]\nkind = \"welcome\"\n[[agenda]]\nkind = \"raid\"\n";
        let plan = crate::plan::load_bytes("p.toml", text.as_bytes())
            .plan
            .unwrap();
        assert_eq!(
            carried(AgendaName::Plan, &plan, true),
            [("welcome", 5), ("raid", 5)]
        );
    }

    #[test]
    fn notes_are_one_capture_section_titled_for_the_conversation() {
        assert_eq!(minutes(AgendaName::Notes), [("notes", NOTES_MINUTES)]);
        let s = notes("  Call with Søren ");
        assert_eq!(s[0].title, "Call with Søren");
        assert_eq!(notes("")[0].title, "Notes", "no title: the kind's own");
        assert_eq!(
            carried(AgendaName::Notes, &Plan::default(), true),
            [("notes", NOTES_MINUTES)],
            "nothing to follow up in notes"
        );
    }

    #[test]
    fn plan_agenda_without_items_falls_back_to_status() {
        assert_eq!(sections(&Plan::default(), AgendaName::Plan).len(), 8);
    }

    #[test]
    fn every_kind_has_a_distinct_key() {
        let mut keys: Vec<_> = SectionKind::ALL.iter().map(|k| k.key()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), SectionKind::ALL.len());
    }
}
