//! Meeting minutes from a record: header, attendees and apologies, what we
//! heard, follow-up outcomes, where the project stands, decisions, actions,
//! customer tasks, sign-offs and buy-in, risks and issues raised, notes,
//! pulse, plain words, next meeting. The customer's minutes leave out
//! private notes and internal items completely, in the project's colour
//! too; the internal ones mark them. Built once as plain text, then written
//! as Markdown or HTML, each escaping every typed word.

use std::fmt::Write as _;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::markdown::{escape, escape_inline};
use super::minutes_sections::{Writer, date, sentence};
use crate::meeting::capture::Earlier;
use crate::meeting::public_only;
use crate::plan::derive::{derive, milestone_state, short_date, slip_days};
use crate::plan::model::{Milestone, Plan, Rag};
use crate::plan::warnings::find_term;
use crate::record::format::Record;

pub use super::audience::Audience;
pub use super::minutes_model::{Group, Item, MilestoneRow, Minutes, Section};

/// What the minutes say, for this audience. `earlier` holds the actions
/// still open from earlier meetings, for the titles of their follow-ups.
pub fn minutes(
    record: &Record,
    plan: Option<&Plan>,
    earlier: &[Earlier],
    audience: Audience,
) -> Minutes {
    let w = Writer {
        record,
        plan,
        earlier,
        audience,
    };
    let mut sections = vec![w.attendees()];
    sections.extend(w.skipped());
    sections.extend(w.apologies());
    sections.extend(w.heard());
    sections.extend(w.outcomes());
    if let Some(plan) = plan {
        sections.push(standing(plan, audience));
    }
    sections.extend([w.decisions(), w.actions(), w.tasks()]);
    sections.extend(w.agreed());
    sections.push(w.raised());
    sections.extend(w.parked());
    sections.extend(w.notes());
    sections.extend(w.pulse());
    if let Some(plan) = plan
        && let Some(words) = plain_words(plan, &sections)
    {
        sections.push(words);
    }
    sections.push(w.next());
    let m = &record.meeting;
    Minutes {
        project: m.project.clone(),
        customer: m.customer.clone(),
        agenda: m.agenda.clone(),
        started: m.started,
        ended: m.ended,
        sections,
    }
}

/// Where the project stands: the overall colour with the reasons the
/// audience may read, and every milestone with its baseline, forecast and
/// promised dates (after a reset the new promised date is the key fact).
fn standing(plan: &Plan, audience: Audience) -> Section {
    let public = public_only(plan);
    let shown = match audience {
        Audience::Customer => &public,
        Audience::Internal | Audience::Management => plan,
    };
    let derived = derive(shown);
    let public_reasons = derive(&public).overall_reasons;
    let reasons = derived
        .overall_reasons
        .iter()
        .map(|why| Item {
            lead: None,
            text: sentence(why),
            mark: (!public_reasons.contains(why)).then(|| "internal".to_owned()),
        })
        .collect();
    let as_of = shown.status.as_of;
    let milestones = shown
        .milestones
        .iter()
        .map(|m| milestone_row(m, as_of))
        .collect();
    let as_of_words = as_of.map_or_else(String::new, |d| format!("as of {}", date(d)));
    Section {
        title: "Where the project stands".into(),
        overall: Some((derived.overall, as_of_words)),
        groups: vec![Group {
            heading: None,
            items: reasons,
        }],
        milestones,
        empty: "Nothing holds the project back.",
        after: None,
    }
}

pub fn milestone_row(m: &Milestone, as_of: Option<Date>) -> MilestoneRow {
    let (rag, _) = milestone_state(m, as_of);
    let status = match (rag, m.done) {
        (_, Some(done)) => format!("done on {}", date(done)),
        (Rag::Green | Rag::Grey, None) => "on track".to_owned(),
        (Rag::Amber, None) => {
            let days = slip_days(m);
            format!(
                "{days} {} behind the baseline",
                if days == 1 { "day" } else { "days" }
            )
        }
        (Rag::Red, None) => match m.promised_date() {
            Some(p) if as_of.is_some_and(|today| today > p) => {
                format!("promise broken on {}", short_date(p))
            }
            _ => "forecast after the promised date".to_owned(),
        },
    };
    MilestoneRow {
        name: m.name.get_ref().clone(),
        baseline: date(m.baseline),
        forecast: m.done.is_none().then_some(m.forecast).flatten().map(date),
        promised: m.promised_date().map(date),
        rag,
        status,
        internal: !m.visible,
    }
}

/// The glossary terms the minutes use, with their plain meaning, so a
/// reader outside the project can follow them.
fn plain_words(plan: &Plan, sections: &[Section]) -> Option<Section> {
    let used: Vec<Item> = plan
        .project
        .glossary
        .iter()
        .filter(|(term, _)| {
            sections
                .iter()
                .flat_map(Section::texts)
                .any(|text| find_term(text, term).is_some())
        })
        .map(|(term, meaning)| Item::text(format!("{term}: {meaning}")))
        .collect();
    (!used.is_empty()).then(|| Section::list("Plain words", used, ""))
}

/// The minutes as Markdown, with times in `zone`. `earlier` holds the
/// actions still open from earlier meetings, for the follow-ups' titles.
pub fn markdown(
    record: &Record,
    plan: Option<&Plan>,
    earlier: &[Earlier],
    audience: Audience,
    zone: &TimeZone,
) -> String {
    let minutes = minutes(record, plan, earlier, audience);
    let mut out = String::new();
    let _ = writeln!(out, "# Minutes: {}", escape(&minutes.project));
    let _ = write!(
        out,
        "\n**Customer:** {}  \n**Meeting:** {}  \n**Agenda:** {}\n",
        escape_inline(&minutes.customer),
        escape_inline(&minutes.when(zone)),
        escape_inline(&minutes.agenda)
    );
    if let Some(warning) = audience.warning() {
        let _ = writeln!(out, "\n> {warning}");
    }
    for section in &minutes.sections {
        markdown_section(&mut out, section);
    }
    out
}

/// One section of a document in Markdown (the status report's too).
pub fn markdown_section(out: &mut String, section: &Section) {
    super::section_text::write_section(out, section, &super::section_text::Markdown);
}

/// The minutes as one HTML page, with times in `zone`.
pub fn html(
    record: &Record,
    plan: Option<&Plan>,
    earlier: &[Earlier],
    audience: Audience,
    zone: &TimeZone,
) -> String {
    let minutes = minutes(record, plan, earlier, audience);
    let raised = plan.map_or_else(Vec::new, |plan| {
        super::html::raised_risks(record, plan, audience)
    });
    super::html::page(&minutes, plan, audience, zone, &raised)
}

/// The file the end of a meeting writes its minutes for `audience` to,
/// beside the record named `stem`: `STEM-minutes.md`,
/// `STEM-minutes-internal.html`. The loop writes them; the leaving lines
/// name them.
pub fn file_name(stem: &str, audience: Audience, extension: &str) -> String {
    let suffix = match audience {
        Audience::Customer => "",
        Audience::Internal => "-internal",
        Audience::Management => "-management",
    };
    format!("{stem}-minutes{suffix}.{extension}")
}
