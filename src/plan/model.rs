//! The plan file as the PM writes it: one serde type per table of DESIGN.md.
//!
//! Fields that a later check must point at (ids, owners, ranges) are kept
//! `Spanned`, so a diagnostic can name the exact line and column.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::dates::{date, optional_date};

/// A validated plan: everything the meeting screens and exports read.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Plan {
    pub project: Project,
    pub meeting: MeetingPlan,
    pub people: Vec<Person>,
    pub status: Status,
    pub milestones: Vec<Milestone>,
    pub financials: Option<Financials>,
    pub issues: Vec<Issue>,
    pub risks: Vec<Risk>,
    pub communication: Communication,
    pub customer_tasks: Vec<CustomerTask>,
    pub proposals: Vec<Proposal>,
    pub pushback: Vec<Pushback>,
    pub agenda: Vec<AgendaItem>,
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

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Project {
    pub name: String,
    pub customer: String,
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub sponsor: Option<Spanned<String>>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub objectives: Vec<String>,
    #[serde(default)]
    pub in_scope: Vec<String>,
    #[serde(default)]
    pub out_of_scope: Vec<String>,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum AgendaName {
    Kickoff,
    ResetPoint,
    Status,
    /// The plan's own `[[agenda]]`.
    Plan,
}

impl AgendaName {
    pub fn as_str(self) -> &'static str {
        match self {
            AgendaName::Kickoff => "kickoff",
            AgendaName::ResetPoint => "reset-point",
            AgendaName::Status => "status",
            AgendaName::Plan => "plan",
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct MeetingPlan {
    #[serde(default)]
    pub agenda: Option<Spanned<AgendaName>>,
    #[serde(default)]
    pub attendees: Vec<Spanned<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Us,
    Customer,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Person {
    pub id: Spanned<String>,
    pub name: String,
    pub side: Side,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub email: String,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OverallSetting {
    #[default]
    Auto,
    Green,
    Amber,
    Red,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Status {
    #[serde(default, deserialize_with = "optional_date")]
    pub as_of: Option<Date>,
    #[serde(default)]
    pub headline: String,
    #[serde(default)]
    pub accomplishments: Vec<String>,
    #[serde(default)]
    pub overall: Option<Spanned<OverallSetting>>,
    #[serde(default)]
    pub evidence: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Milestone {
    pub name: Spanned<String>,
    #[serde(deserialize_with = "date")]
    pub baseline: Date,
    #[serde(default, deserialize_with = "optional_date")]
    pub forecast: Option<Date>,
    #[serde(default)]
    pub promised: Option<Spanned<DateValue>>,
    #[serde(default, deserialize_with = "optional_date")]
    pub done: Option<Date>,
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

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Financials {
    #[serde(default = "default_currency")]
    pub currency: String,
    pub budget: Spanned<f64>,
    #[serde(default)]
    pub planned_value: Option<Spanned<f64>>,
    #[serde(default)]
    pub earned_value: Option<Spanned<f64>>,
    #[serde(default)]
    pub percent_complete: Option<Spanned<f64>>,
    #[serde(default)]
    pub actual_cost: Option<Spanned<f64>>,
    #[serde(default)]
    pub thresholds: Option<Spanned<Thresholds>>,
    #[serde(default)]
    pub periods: Vec<Period>,
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
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
pub struct Thresholds {
    #[serde(default = "default_green")]
    pub green: f64,
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

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Period {
    pub month: Spanned<String>,
    #[serde(default)]
    pub planned: f64,
    #[serde(default)]
    pub actual: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeStatus {
    #[default]
    Pending,
    Approved,
    Rejected,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct ChangeRequest {
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default)]
    pub amount: f64,
    #[serde(default)]
    pub status: ChangeStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum IssueStatus {
    #[default]
    Open,
    InProgress,
    Resolved,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Issue {
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default)]
    pub owner: Option<Spanned<String>>,
    pub severity: Severity,
    #[serde(default)]
    pub status: IssueStatus,
    #[serde(default, deserialize_with = "optional_date")]
    pub due: Option<Date>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Response {
    Avoid,
    Mitigate,
    Transfer,
    Accept,
}

/// Whether a risk is still live; closed risks stay in the plan as history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RiskStatus {
    #[default]
    Open,
    Closed,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Risk {
    pub id: Spanned<String>,
    pub title: String,
    pub probability: Spanned<i64>,
    pub impact: Spanned<i64>,
    #[serde(default)]
    pub owner: Option<Spanned<String>>,
    #[serde(default)]
    pub response: Option<Response>,
    #[serde(default)]
    pub plan: String,
    #[serde(default)]
    pub status: RiskStatus,
    #[serde(default = "yes")]
    pub visible: bool,
}

impl Risk {
    /// Probability × impact, 1..=25 once validated.
    pub fn score(&self) -> i64 {
        self.probability.get_ref() * self.impact.get_ref()
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Communication {
    #[serde(default)]
    pub rules: Vec<String>,
    #[serde(default)]
    pub escalation: Vec<String>,
    #[serde(default)]
    pub channels: Vec<Channel>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Channel {
    pub what: String,
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub method: String,
    #[serde(default)]
    pub frequency: String,
    #[serde(default)]
    pub owner: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaskStatus {
    #[default]
    Open,
    InProgress,
    Done,
    Dropped,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct CustomerTask {
    pub id: Spanned<String>,
    pub title: String,
    pub owner: Option<Spanned<String>>,
    #[serde(default)]
    pub kind: TaskKind,
    #[serde(default, deserialize_with = "optional_date")]
    pub due: Option<Date>,
    #[serde(default, deserialize_with = "optional_date")]
    pub assigned: Option<Date>,
    #[serde(default)]
    pub status: TaskStatus,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Proposal {
    pub title: String,
    #[serde(default)]
    pub why: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Pushback {
    pub says: String,
    #[serde(default)]
    pub answer: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct AgendaItem {
    pub kind: super::section_kind::SectionKind,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub minutes: Option<Spanned<i64>>,
    #[serde(default)]
    pub questions: Vec<String>,
}
