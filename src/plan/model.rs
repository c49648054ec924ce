//! The plan file as the PM writes it: one serde type per table of DESIGN.md.
//!
//! Fields that a later check must point at (ids, owners, ranges) are kept
//! `Spanned`, so a diagnostic can name the exact line and column.

use std::collections::BTreeMap;

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::dates::{date, optional_date};
use super::schema_parts::{PlanDate, SectionKey};

// A validated plan: everything the meeting screens and exports read. The
// loader reads it section by section, so it is not `Deserialize`; the
// `schemars(default)`s say which sections may be left out.
/// A resetpoint plan: the facts of one project, written by its PM.
/// resetpoint works out the colours, ratios and scores from them.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
#[schemars(title = "resetpoint plan")]
pub struct Plan {
    /// The project: its name, the customer, what is in and out of scope.
    pub project: Project,
    /// The meeting this plan prepares: its agenda and who is expected.
    #[schemars(default)]
    pub meeting: MeetingPlan,
    /// People on both sides; every owner, sponsor and attendee is one of their ids.
    #[schemars(default)]
    pub people: Vec<Person>,
    /// Where the project stands, as of a date.
    #[schemars(default)]
    pub status: Status,
    /// The dates that matter, with what was planned, expected and promised.
    #[schemars(default)]
    pub milestones: Vec<Milestone>,
    /// Budget and earned value, for CPI, SPI and the burn chart.
    #[schemars(default)]
    pub financials: Option<Financials>,
    /// Problems happening now.
    #[schemars(default)]
    pub issues: Vec<Issue>,
    /// Things that may go wrong, scored by probability and impact.
    #[schemars(default)]
    pub risks: Vec<Risk>,
    /// The meeting rules and the communication plan.
    #[schemars(default)]
    pub communication: Communication,
    /// Tasks the customer takes on: reviews, sign-offs, testing.
    #[schemars(default)]
    pub customer_tasks: Vec<CustomerTask>,
    /// The new course of action, proposed in a reset-point meeting.
    #[schemars(default)]
    pub proposals: Vec<Proposal>,
    /// Objections you expect, with your answer, for rehearsals.
    #[schemars(default)]
    pub pushback: Vec<Pushback>,
    /// The plan's own agenda, used with `--agenda plan`.
    #[schemars(default)]
    pub agenda: Vec<AgendaItem>,
    /// What you mean to say in each kind of section of a built-in agenda,
    /// keyed by kind (`listen = "Let Søren finish."`): shown on your laptop
    /// only, never on the projector or in a customer's document.
    #[serde(default)]
    #[schemars(default, with = "std::collections::BTreeMap<SectionKey, String>")]
    pub speaker_notes: std::collections::BTreeMap<super::section_kind::SectionKind, String>,
    /// Spreadsheets (.xlsx, .xls, .ods, .csv) whose rows are read as risks,
    /// issues, milestones or customer tasks on every load, never rewritten.
    // A plan written out (the screen a follower is sent) already holds the
    // rows its sources gave: naming them again would read them twice.
    #[serde(default, skip_serializing)]
    #[schemars(default)]
    pub sources: Vec<SheetSource>,
}

/// `[[sources]]`: a sheet of a workbook (or a CSV file) whose rows are
/// items of the plan, as if written in it.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct SheetSource {
    /// The file, relative to the plan: .xlsx, .xls, .ods or .csv.
    pub file: String,
    /// The sheet of a workbook (not for a .csv file).
    #[serde(default)]
    pub sheet: Option<String>,
    /// What each row is.
    pub kind: SheetKind,
    /// The plan's key for each column header, where the header is not the
    /// key itself: `{ id = "Ref", title = "Description" }`. Headers match
    /// whatever their case and spaces; `internal` takes yes, no or x.
    #[serde(default)]
    pub columns: std::collections::BTreeMap<String, String>,
}

/// What the rows of a sheet are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SheetKind {
    Risks,
    Issues,
    Milestones,
    CustomerTasks,
}

impl SheetKind {
    /// The plan's section its rows are entries of.
    pub fn section(self) -> &'static str {
        match self {
            SheetKind::Risks => "risks",
            SheetKind::Issues => "issues",
            SheetKind::Milestones => "milestones",
            SheetKind::CustomerTasks => "customer_tasks",
        }
    }
}

impl Plan {
    /// The person with this id, if the plan names one.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id.as_ref() == id)
    }

    /// A person's display name, falling back to the id for guests.
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.person(id).map_or(id, |p| p.name.as_str())
    }

    /// Plain meaning of a glossary term, if it is one.
    pub fn plain_meaning(&self, term: &str) -> Option<&str> {
        self.project.glossary.get(term).map(String::as_str)
    }
}

/// `[project]`: what the project is and who it is for.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Project {
    /// The project's name, as the customer knows it.
    pub name: String,
    /// The customer's organisation.
    pub customer: String,
    /// A short id for file names; default: made from the name.
    #[serde(default)]
    pub id: Option<String>,
    /// Our senior manager on the project: a person id.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub sponsor: Option<Spanned<String>>,
    /// One sentence the customer would agree describes the project.
    #[serde(default)]
    pub summary: String,
    /// What success looks like, in the customer's words.
    #[serde(default)]
    pub objectives: Vec<String>,
    /// What we deliver.
    #[serde(default)]
    pub in_scope: Vec<String>,
    /// What we do not deliver.
    #[serde(default)]
    pub out_of_scope: Vec<String>,
    /// Terms the customer may not know, each with its plain meaning.
    #[serde(default)]
    pub glossary: BTreeMap<String, String>,
}

impl Project {
    /// The project's id: the one given, or a slug of its name.
    pub fn slug(&self) -> String {
        match &self.id {
            Some(id) if !id.trim().is_empty() => id.clone(),
            _ => slugify(&self.name),
        }
    }
}

fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str("project");
    }
    slug
}

/// Which agenda a meeting follows, as named on the command line or in `[meeting]`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema, clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum AgendaName {
    /// The first meeting: scope, plan, how we work together.
    Kickoff,
    /// Re-run the kickoff when the relationship is strained: listen first.
    ResetPoint,
    /// A regular status meeting.
    Status,
    /// The plan's own `[[agenda]]`.
    Plan,
    /// Notes taken with nothing prepared (`resetpoint notes`): one capture
    /// section. Not offered to `run` or in the plan's schema: a meeting
    /// record and the follow screen name it, a plan does not need to.
    #[value(skip)]
    #[schemars(skip)]
    Notes,
}

impl AgendaName {
    pub fn as_str(self) -> &'static str {
        match self {
            AgendaName::Kickoff => "kickoff",
            AgendaName::ResetPoint => "reset-point",
            AgendaName::Status => "status",
            AgendaName::Plan => "plan",
            AgendaName::Notes => "notes",
        }
    }
}

/// `[meeting]`: the meeting this plan prepares.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct MeetingPlan {
    /// The agenda `run` follows when none is named.
    #[serde(default)]
    #[schemars(with = "Option<AgendaName>")]
    pub agenda: Option<Spanned<AgendaName>>,
    /// Who you expect in the room: person ids, confirmed on the welcome screen.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub attendees: Vec<Spanned<String>>,
    /// Show the customer's "would recommend us" score (0–10) in the
    /// minutes they receive. It is our own pulse, so by default only the
    /// team's minutes carry it.
    #[serde(default)]
    pub share_recommend: bool,
}

/// Which side of the table a person sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// Our team.
    Us,
    /// The customer's team.
    Customer,
}

/// `[[people]]`: someone on either side.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct Person {
    /// A short id that owners, the sponsor and attendees refer to.
    #[schemars(with = "String", regex(pattern = r"\S"))]
    pub id: Spanned<String>,
    /// Their name, as written in the minutes.
    pub name: String,
    /// `us` or `customer`.
    pub side: Side,
    /// Their role, like "Project owner".
    #[serde(default)]
    pub role: String,
    /// Their email address, for the minutes' draft email (`minutes --format eml`).
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        regex(
            pattern = r#"^$|^[^\s@()<>\[\]:;,"\\]+@[^\s@()<>\[\]:;,"\\.]+(\.[^\s@()<>\[\]:;,"\\.]+)+$"#
        )
    )]
    pub email: Option<Spanned<String>>,
}

/// A red/amber/green colour, or grey for "nothing to judge" (done, unknown).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rag {
    #[default]
    Grey,
    Green,
    Amber,
    Red,
}

impl Rag {
    pub fn as_str(self) -> &'static str {
        match self {
            Rag::Grey => "grey",
            Rag::Green => "green",
            Rag::Amber => "amber",
            Rag::Red => "red",
        }
    }
}

/// `overall` in `[status]`: derived, or set by hand with evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum OverallSetting {
    /// Worked out from milestones, cost, issues and risks.
    #[default]
    Auto,
    Green,
    Amber,
    Red,
}

/// `[status]`: where the project stands.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Status {
    /// The day this status is true of.
    #[serde(default, deserialize_with = "optional_date")]
    #[schemars(with = "Option<PlanDate>")]
    pub as_of: Option<Date>,
    /// One line: where the project stands and what happens next.
    #[serde(default)]
    pub headline: String,
    /// What was finished since the last meeting.
    #[serde(default)]
    pub accomplishments: Vec<String>,
    /// `auto`, or a colour set by hand (which needs `evidence`).
    #[serde(default)]
    #[schemars(with = "Option<OverallSetting>")]
    pub overall: Option<Spanned<OverallSetting>>,
    /// Why, when you set the overall colour by hand.
    #[serde(default)]
    pub evidence: String,
}

/// `[[milestones]]`: a date that matters.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct Milestone {
    /// The milestone's name; unique in the plan.
    #[schemars(with = "String", regex(pattern = r"\S"))]
    pub name: Spanned<String>,
    /// The original date; never changes.
    #[serde(deserialize_with = "date")]
    #[schemars(with = "PlanDate")]
    pub baseline: Date,
    /// Today's best estimate.
    #[serde(default, deserialize_with = "optional_date")]
    #[schemars(with = "Option<PlanDate>")]
    pub forecast: Option<Date>,
    /// What the customer was told; promise with a buffer after the forecast.
    #[serde(default)]
    #[schemars(with = "Option<PlanDate>")]
    pub promised: Option<Spanned<DateValue>>,
    /// When it was finished.
    #[serde(default, deserialize_with = "optional_date")]
    #[schemars(with = "Option<PlanDate>")]
    pub done: Option<Date>,
    /// `false`: internal only, never on a shared screen or in customer minutes.
    #[serde(default = "yes")]
    pub visible: bool,
}

impl Milestone {
    /// The date now expected: the forecast, or the baseline when none is given.
    pub fn expected(&self) -> Date {
        self.forecast.unwrap_or(self.baseline)
    }

    pub fn promised_date(&self) -> Option<Date> {
        self.promised.as_ref().map(|p| p.get_ref().0)
    }
}

/// A date that can sit inside `Spanned` (so a warning can point at it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(transparent)]
pub struct DateValue(#[serde(deserialize_with = "date")] pub Date);

fn yes() -> bool {
    true
}

/// `[financials]`: the money, for CPI, SPI and the burn chart.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct Financials {
    /// The currency of every amount, like "USD" or "EUR".
    #[serde(default = "default_currency")]
    pub currency: String,
    /// The whole budget (BAC).
    #[schemars(with = "f64", range(min = 0))]
    pub budget: Spanned<f64>,
    /// Planned value to date (PV): the work that should be done by now, in money.
    #[serde(default)]
    #[schemars(with = "Option<f64>", range(min = 0))]
    pub planned_value: Option<Spanned<f64>>,
    /// Earned value to date (EV): the work done, in money. Or give `percent_complete`.
    #[serde(default)]
    #[schemars(with = "Option<f64>", range(min = 0))]
    pub earned_value: Option<Spanned<f64>>,
    /// How much of the work is done, 0 to 100; instead of `earned_value`.
    #[serde(default)]
    #[schemars(with = "Option<f64>", range(min = 0, max = 100))]
    pub percent_complete: Option<Spanned<f64>>,
    /// Actual cost to date (AC).
    #[serde(default)]
    #[schemars(with = "Option<f64>", range(min = 0))]
    pub actual_cost: Option<Spanned<f64>>,
    /// Where CPI and SPI turn amber and red.
    #[serde(default)]
    #[schemars(with = "Option<Thresholds>")]
    pub thresholds: Option<Spanned<Thresholds>>,
    /// `false`: internal only (a fixed-price contract's margin, say): no
    /// amount, index or cost reason on a shared screen, the projector, the
    /// customer report or the customer minutes.
    #[serde(default = "yes")]
    pub visible: bool,
    /// Planned and actual spend month by month, for the burn chart.
    #[serde(default)]
    pub periods: Vec<Period>,
    /// Change requests and what they cost.
    #[serde(default)]
    pub changes: Vec<ChangeRequest>,
}

fn default_currency() -> String {
    "USD".to_owned()
}

impl Financials {
    /// Earned value to date: given directly, or budget × percent complete.
    pub fn earned(&self) -> Option<f64> {
        match (&self.earned_value, &self.percent_complete) {
            (Some(ev), _) => Some(*ev.get_ref()),
            (None, Some(pct)) => Some(self.budget.get_ref() * pct.get_ref() / 100.0),
            (None, None) => None,
        }
    }

    pub fn thresholds(&self) -> Thresholds {
        self.thresholds
            .as_ref()
            .map_or_else(Thresholds::default, |t| *t.get_ref())
    }
}

/// CPI/SPI colour bands: green at or above `green`, red below `red`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize, JsonSchema)]
pub struct Thresholds {
    /// CPI or SPI at or above this is green.
    #[serde(default = "default_green")]
    pub green: f64,
    /// CPI or SPI below this is red; between the two, amber.
    #[serde(default = "default_red")]
    pub red: f64,
}

fn default_green() -> f64 {
    0.95
}
fn default_red() -> f64 {
    0.90
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            green: default_green(),
            red: default_red(),
        }
    }
}

/// `[[financials.periods]]`: one month's spend.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct Period {
    /// The month, as "YYYY-MM", like "2026-07".
    #[schemars(with = "String", regex(pattern = r"^\d{4}-(0[1-9]|1[0-2])$"))]
    pub month: Spanned<String>,
    /// What was planned to be spent that month.
    #[serde(default)]
    pub planned: f64,
    /// What was spent that month.
    #[serde(default)]
    pub actual: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ChangeStatus {
    #[default]
    Pending,
    Approved,
    Rejected,
}

/// `[[financials.changes]]`: a change request.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct ChangeRequest {
    /// A short id, like "CR-1".
    #[schemars(with = "String", regex(pattern = r"\S"))]
    pub id: Spanned<String>,
    /// What the change is.
    pub title: String,
    /// What it costs, in the plan's currency.
    #[serde(default)]
    pub amount: f64,
    /// `pending`, `approved` or `rejected`.
    #[serde(default)]
    pub status: ChangeStatus,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum IssueStatus {
    #[default]
    Open,
    InProgress,
    Resolved,
}

/// `[[issues]]`: a problem happening now.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct Issue {
    /// A short id, like "I-3".
    #[schemars(with = "String", regex(pattern = r"\S"))]
    pub id: Spanned<String>,
    /// What the problem is.
    pub title: String,
    /// Who works it: a person id.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub owner: Option<Spanned<String>>,
    /// `low`, `medium`, `high` or `critical`.
    pub severity: Severity,
    /// `open`, `in-progress` or `resolved`.
    #[serde(default)]
    pub status: IssueStatus,
    /// When it should be resolved.
    #[serde(default, deserialize_with = "optional_date")]
    #[schemars(with = "Option<PlanDate>")]
    pub due: Option<Date>,
    /// `false`: internal only, never on a shared screen or in customer minutes.
    #[serde(default = "yes")]
    pub visible: bool,
}

impl Status {
    pub fn overall_setting(&self) -> OverallSetting {
        self.overall
            .as_ref()
            .map_or_else(OverallSetting::default, |o| *o.get_ref())
    }
}

impl Issue {
    pub fn is_open(&self) -> bool {
        self.status != IssueStatus::Resolved
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Response {
    Avoid,
    Mitigate,
    Transfer,
    Accept,
}

/// Whether a risk is still live; closed risks stay in the plan as history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RiskStatus {
    #[default]
    Open,
    Closed,
}

/// `[[risks]]`: something that may go wrong.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct Risk {
    /// A short id, like "R-1".
    #[schemars(with = "String", regex(pattern = r"\S"))]
    pub id: Spanned<String>,
    /// What may go wrong.
    pub title: String,
    /// How likely, from 1 (very unlikely) to 5 (almost certain).
    #[schemars(with = "i64", range(min = 1, max = 5))]
    pub probability: Spanned<i64>,
    /// How bad if it happens, from 1 (minor) to 5 (severe).
    #[schemars(with = "i64", range(min = 1, max = 5))]
    pub impact: Spanned<i64>,
    /// Who works it: a person id.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub owner: Option<Spanned<String>>,
    /// `avoid`, `mitigate`, `transfer` or `accept`.
    #[serde(default)]
    pub response: Option<Response>,
    /// What we do about it.
    #[serde(default)]
    pub plan: String,
    /// `open`, or `closed` once it can no longer happen.
    #[serde(default)]
    pub status: RiskStatus,
    /// `false`: internal only, never on a shared screen or in customer minutes.
    #[serde(default = "yes")]
    pub visible: bool,
}

impl Risk {
    /// Probability × impact, 1..=25 once validated.
    pub fn score(&self) -> i64 {
        self.probability.get_ref() * self.impact.get_ref()
    }
}

/// `[communication]`: the meeting rules and the communication plan.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Communication {
    /// The meeting rules, like "Decisions and actions sent within a day".
    #[serde(default)]
    pub rules: Vec<String>,
    /// Who escalates to whom, and how fast.
    #[serde(default)]
    pub escalation: Vec<String>,
    /// How each report or meeting reaches whom, and how often.
    #[serde(default)]
    pub channels: Vec<Channel>,
}

/// `[[communication.channels]]`: one line of the communication plan.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct Channel {
    /// What is sent or held, like "Status report".
    pub what: String,
    /// Who receives it.
    #[serde(default)]
    pub audience: String,
    /// How, like "email and a 30-minute call".
    #[serde(default)]
    pub method: String,
    /// How often, like "weekly".
    #[serde(default)]
    pub frequency: String,
    /// Who sends it: a person id.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub owner: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TaskKind {
    Review,
    Signoff,
    Testing,
    Risk,
    Requirements,
    #[default]
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TaskStatus {
    #[default]
    Open,
    InProgress,
    Done,
    Dropped,
}

/// `[[customer_tasks]]`: a task on the customer's side.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct CustomerTask {
    /// A short id, like "CT-1".
    #[schemars(with = "String", regex(pattern = r"\S"))]
    pub id: Spanned<String>,
    /// What the customer does.
    pub title: String,
    /// Who on the customer's side does it: a person id.
    #[schemars(with = "Option<String>")]
    pub owner: Option<Spanned<String>>,
    /// `review`, `signoff`, `testing`, `risk`, `requirements` or `other`.
    #[serde(default)]
    pub kind: TaskKind,
    /// When it is due.
    #[serde(default, deserialize_with = "optional_date")]
    #[schemars(with = "Option<PlanDate>")]
    pub due: Option<Date>,
    /// When it was given to the customer.
    #[serde(default, deserialize_with = "optional_date")]
    #[schemars(with = "Option<PlanDate>")]
    pub assigned: Option<Date>,
    /// `open`, `in-progress`, `done` or `dropped`.
    #[serde(default)]
    pub status: TaskStatus,
    /// What we do to help, in the customer's words: "a 2-hour scenario
    /// workshop". A promise of ours, followed up like our actions.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub help: String,
    /// Who on our side gives the help: a person id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub help_owner: Option<Spanned<String>>,
    /// By when we give it.
    #[serde(
        default,
        deserialize_with = "optional_date",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<PlanDate>")]
    pub help_by: Option<Date>,
}

/// `[[proposals]]`: part of the new course of action.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct Proposal {
    /// What we propose.
    pub title: String,
    /// Why it helps, in the customer's terms.
    #[serde(default)]
    pub why: String,
}

/// `[[pushback]]`: an objection you expect, for rehearsals.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct Pushback {
    /// What the customer may say.
    pub says: String,
    /// How you answer.
    #[serde(default)]
    pub answer: String,
}

/// `[[agenda]]`: one section of the plan's own agenda.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct AgendaItem {
    /// Which kind of section, like "listen" or "status".
    #[schemars(with = "SectionKey")]
    pub kind: super::section_kind::SectionKind,
    /// The section's title on screen; default: the kind's own.
    #[serde(default)]
    pub title: Option<String>,
    /// Its timebox in minutes, 1 to 600.
    #[serde(default)]
    #[schemars(with = "Option<i64>", range(min = 1, max = 600))]
    pub minutes: Option<Spanned<i64>>,
    /// Questions to ask in it: their text, or `{ text = "…", sensitive =
    /// true }` for one whose answers go to our management only.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// What you mean to say in it: on your laptop only, never on the
    /// projector or in a customer's document.
    #[serde(default)]
    pub notes: Option<String>,
}

/// A question of a section: its text, or its text marked sensitive.
/// Read by hand, so a mistake in the marked form is named as such.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Question {
    Plain(String),
    Marked(MarkedQuestion),
}

/// `{ text = "…", sensitive = true }`: its answers are typed masked while
/// presenting, never reach the projector, the customer's or the team's
/// minutes, and appear in `minutes --audience management`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkedQuestion {
    /// The question, as it is asked.
    pub text: String,
    /// `true`: its answers are for our management only.
    #[serde(default)]
    pub sensitive: bool,
}

impl<'de> Deserialize<'de> for Question {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Either;

        impl<'de> serde::de::Visitor<'de> for Either {
            type Value = Question;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a question: its text, or { text = \"…\", sensitive = true }")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Question, E> {
                Ok(Question::Plain(text.to_owned()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Question, A::Error> {
                MarkedQuestion::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Question::Marked)
            }
        }

        deserializer.deserialize_any(Either)
    }
}

impl Question {
    pub fn text(&self) -> &str {
        match self {
            Question::Plain(text) | Question::Marked(MarkedQuestion { text, .. }) => text,
        }
    }

    pub fn sensitive(&self) -> bool {
        matches!(
            self,
            Question::Marked(MarkedQuestion {
                sensitive: true,
                ..
            })
        )
    }
}

impl Plan {
    /// The agenda a meeting runs when none is named: the plan's own if it
    /// has one, else `meeting.agenda`, else `status`.
    pub fn default_agenda(&self) -> AgendaName {
        if !self.agenda.is_empty() {
            AgendaName::Plan
        } else {
            self.meeting
                .agenda
                .as_ref()
                .map_or(AgendaName::Status, |a| *a.get_ref())
        }
    }
}
