//! Every account in a checkout of many plans, one row each, worst first:
//! the customer's and the internal colour, CPI and SPI, promises broken and
//! at risk, how long since we last met the customer, the pulse trend,
//! what is overdue, and the advice the practice calls for. Plans are read
//! in parallel, one plan and its records at a time per worker, so memory
//! stays bounded by one plan's records whatever the size of the folder.
//! A plan that cannot be read is listed with its first error, never skipped.

pub mod write;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;

use super::report::{colours, open_customer_tasks};
use crate::left_open::actions::{meetings_and_unreadable, rows};
use crate::left_open::history::history;
use crate::meeting::capture::ActionStatus;
use crate::plan::derive::{days_between, derive};
use crate::plan::model::{Plan, Rag};
use crate::record::open::records_dir;

/// Days without a live meeting after which the customer has not heard from
/// us for three weeks.
pub const NO_CONTACT_DAYS: i64 = 21;
/// A mean confidence below this calls for senior management.
pub const LOW_PULSE: f64 = 2.5;
/// How many meetings' pulse the trend shows.
pub const TREND_MEETINGS: usize = 5;

pub const INVOLVE_SENIOR_MANAGEMENT: &str = "involve senior management";
pub const RESET_POINT_DUE: &str = "reset-point meeting due";
pub const NO_CONTACT: &str = "no customer contact in 3 weeks";

/// One account: a plan that loaded, with what its meetings say.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Account {
    /// The plan file, as found under the folders given.
    pub plan: String,
    pub project: String,
    pub customer: String,
    /// The colour the customer sees (internal items left out).
    pub overall_customer: Rag,
    /// The colour with everything in.
    pub overall_internal: Rag,
    pub cpi: Option<f64>,
    pub spi: Option<f64>,
    pub promises_broken: usize,
    /// Not broken yet, but forecast after the promised date.
    pub promises_at_risk: usize,
    pub last_meeting: Option<Date>,
    pub days_since_last_meeting: Option<i64>,
    /// Mean customer confidence (1–5) of the last meetings that asked,
    /// oldest first.
    pub pulse_trend: Vec<f64>,
    pub overdue_actions: usize,
    pub overdue_customer_tasks: usize,
    pub advice: Vec<&'static str>,
    /// Meeting records beside the plan that could not be read.
    pub unreadable_records: usize,
}

/// A plan that could not be read, with its first error.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanError {
    pub plan: String,
    pub error: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Portfolio {
    pub today: Date,
    /// Worst first.
    pub accounts: Vec<Account>,
    /// In the order of their paths.
    pub errors: Vec<PlanError>,
}

/// Every plan file under `dirs`, in path order: each `.toml` file, not
/// looking into `meetings/` folders (a plan's records), `target/` or
/// hidden folders such as `.git`, and never following a symlinked folder.
pub fn find_plans(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders: Vec<PathBuf> = Vec::new();
    for dir in dirs {
        if dir.is_file() {
            found.push(dir.clone());
        } else {
            folders.push(dir.clone());
        }
    }
    while let Some(dir) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if kind.is_dir() {
                if !(name == "meetings" || name == "target" || name.starts_with('.')) {
                    folders.push(entry.path());
                }
            } else if kind.is_file() && name.ends_with(".toml") {
                found.push(entry.path());
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// The portfolio of every plan under `dirs`, as of `today`, read by
/// `workers` threads taking plans from one queue.
pub fn portfolio(dirs: &[PathBuf], today: Date, zone: &TimeZone, workers: usize) -> Portfolio {
    let plans = find_plans(dirs);
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, Result<Account, PlanError>)>> =
        Mutex::new(Vec::with_capacity(plans.len()));
    std::thread::scope(|scope| {
        for _ in 0..workers.clamp(1, plans.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = plans.get(n) else {
                        break;
                    };
                    let row = account(path, today, zone);
                    if let Ok(mut done) = done.lock() {
                        done.push((n, row));
                    }
                }
            });
        }
    });
    let mut done = done.into_inner().unwrap_or_default();
    done.sort_by_key(|(n, _)| *n);
    let (mut accounts, mut errors) = (Vec::new(), Vec::new());
    for (_, row) in done {
        match row {
            Ok(account) => accounts.push(account),
            Err(error) => errors.push(error),
        }
    }
    sort_worst_first(&mut accounts);
    Portfolio {
        today,
        accounts,
        errors,
    }
}

/// Worst first: the internal colour, then how much advice, broken
/// promises, and the longest silence; then by customer.
pub fn sort_worst_first(accounts: &mut [Account]) {
    accounts.sort_by(|a, b| {
        let key = |x: &Account| {
            (
                std::cmp::Reverse(x.overall_internal),
                std::cmp::Reverse(x.advice.len()),
                std::cmp::Reverse(x.promises_broken),
                std::cmp::Reverse(x.days_since_last_meeting.unwrap_or(i64::MAX)),
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.customer.cmp(&b.customer))
            .then_with(|| a.plan.cmp(&b.plan))
    });
}

/// One plan's row, or its first error.
pub fn account(path: &Path, today: Date, zone: &TimeZone) -> Result<Account, PlanError> {
    let shown = crate::text::visible(&path.display().to_string());
    let failed = |error: String, place: Option<crate::plan::diagnostics::Place>| PlanError {
        plan: shown.clone(),
        error: crate::text::visible(&error),
        line: place.map(|p| p.line),
        column: place.map(|p| p.column),
    };
    let checked = crate::plan::load_file(path).map_err(|e| failed(e.to_string(), None))?;
    let Some(plan) = checked.plan else {
        let first = checked
            .errors()
            .min_by_key(|d| d.span.as_ref().map_or(usize::MAX, |s| s.start));
        return Err(match first {
            Some(d) => failed(
                d.message.clone(),
                d.span.as_ref().map(|s| checked.source.place(s.start)),
            ),
            None => failed("the plan could not be read".into(), None),
        });
    };
    let dir = records_dir(path, None);
    let (meetings, unreadable) = meetings_and_unreadable(&dir, &plan.project.slug());
    let history = history(&meetings, &plan, zone);
    let pulses: Vec<f64> = history.iter().filter_map(|h| h.pulse).collect();
    let met: Vec<(Date, &str)> = history
        .iter()
        .map(|h| (h.date, h.agenda.as_str()))
        .collect();
    let last_meeting = met.last().map(|(d, _)| *d);
    let days_since = last_meeting.map(|d| days_between(d, today));
    let overdue_actions = rows(&meetings, &plan, false)
        .iter()
        .filter(|a| a.status == ActionStatus::Open && a.due.is_some_and(|d| d < today))
        .count();
    let overdue_customer_tasks = open_customer_tasks(&plan, &meetings)
        .iter()
        .filter(|(_, _, due)| due.is_some_and(|d| d < today))
        .count();
    let broken = broken_promises(&plan, today);
    let ev = derive(&plan).earned_value;
    // The portfolio is read today: a promised date that passed since the
    // plan's status date is broken now, and the colours say so.
    let mut today_plan = plan.clone();
    if today_plan.status.as_of.is_none_or(|as_of| as_of < today) {
        today_plan.status.as_of = Some(today);
    }
    let (overall_customer, overall_internal) = colours(&today_plan);
    Ok(Account {
        plan: shown,
        project: plan.project.name.clone(),
        customer: plan.project.customer.clone(),
        overall_customer,
        overall_internal,
        cpi: ev.cpi,
        spi: ev.spi,
        promises_broken: broken.len(),
        promises_at_risk: promises_at_risk(&plan, today),
        last_meeting,
        days_since_last_meeting: days_since,
        pulse_trend: pulses[pulses.len().saturating_sub(TREND_MEETINGS)..].to_vec(),
        overdue_actions,
        overdue_customer_tasks,
        advice: advice(&pulses, &broken, &met, days_since),
        unreadable_records: unreadable.len(),
    })
}

/// The day each broken promise broke (the day after its promised date),
/// as of `today`: a milestone done after its promised date, or not done
/// with the date passed.
pub fn broken_promises(plan: &Plan, today: Date) -> Vec<Date> {
    plan.milestones
        .iter()
        .filter_map(|m| {
            let promised = m.promised_date()?;
            let broken = match m.done.filter(|d| *d <= today) {
                Some(done) => done > promised,
                None => today > promised,
            };
            broken.then(|| promised.tomorrow().unwrap_or(promised))
        })
        .collect()
}

/// Promises not broken yet whose milestone is forecast after them.
pub fn promises_at_risk(plan: &Plan, today: Date) -> usize {
    plan.milestones
        .iter()
        .filter(|m| m.done.is_none())
        .filter(|m| {
            m.promised_date()
                .is_some_and(|p| today <= p && m.expected() > p)
        })
        .count()
}

/// What the practice advises: senior management when the pulse fell in
/// two meetings in a row or the latest is below 2.5; a reset-point meeting
/// when a promise broke and no reset-point meeting was held since; contact
/// when there was no live meeting for more than three weeks (or none).
/// `pulses` and `met` (date, agenda) are oldest first.
pub fn advice(
    pulses: &[f64],
    broken: &[Date],
    met: &[(Date, &str)],
    days_since: Option<i64>,
) -> Vec<&'static str> {
    let mut advice = Vec::new();
    let fell_twice = pulses
        .windows(3)
        .last()
        .is_some_and(|w| w[0] > w[1] && w[1] > w[2]);
    let low = pulses.last().is_some_and(|p| *p < LOW_PULSE);
    if fell_twice || low {
        advice.push(INVOLVE_SENIOR_MANAGEMENT);
    }
    if let Some(latest_break) = broken.iter().max() {
        let reset_since = met
            .iter()
            .any(|(date, agenda)| *agenda == "reset-point" && date >= latest_break);
        if !reset_since {
            advice.push(RESET_POINT_DUE);
        }
    }
    if days_since.is_none_or(|d| d > NO_CONTACT_DAYS) {
        advice.push(NO_CONTACT);
    }
    advice
}
