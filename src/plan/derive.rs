//! The figures resetpoint works out from the plan's facts: earned value and
//! its colours, risk scores and bands, milestone slip and colour, and the
//! overall colour with the reasons behind it.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::model::{Financials, Milestone, OverallSetting, Plan, Rag, Risk, Severity, Thresholds};

/// Earned-value figures; `None` where a figure cannot be computed (shown "n/a").
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct EarnedValue {
    pub cpi: Option<f64>,
    pub spi: Option<f64>,
    pub eac: Option<f64>,
    pub etc: Option<f64>,
    pub vac: Option<f64>,
    pub tcpi: Option<f64>,
    pub cpi_rag: Rag,
    pub spi_rag: Rag,
}

/// How serious a risk is, from its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    Low,
    Medium,
    High,
    Critical,
}

impl Band {
    /// 1–4 low, 5–9 medium, 10–16 high, 20–25 critical.
    pub fn of(score: i64) -> Band {
        match score {
            ..=4 => Band::Low,
            5..=9 => Band::Medium,
            10..=16 => Band::High,
            _ => Band::Critical,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Band::Low => "low",
            Band::Medium => "medium",
            Band::High => "high",
            Band::Critical => "critical",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskScore {
    pub id: String,
    pub score: i64,
    pub band: Band,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MilestoneSlip {
    pub name: String,
    pub slip_days: i64,
    pub rag: Rag,
}

/// Everything `check --format json` reports under `derived`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Derived {
    #[serde(flatten)]
    pub earned_value: EarnedValue,
    pub overall: Rag,
    /// Why, worst first.
    pub overall_reasons: Vec<String>,
    /// How many of the reasons, from the first, are of the overall colour
    /// itself: what a screen shows first, however small.
    #[serde(default)]
    pub reasons_for_colour: usize,
    pub risks: Vec<RiskScore>,
    pub milestones: Vec<MilestoneSlip>,
}

/// `a / b`, or `None` when that is not a finite number.
fn ratio(a: f64, b: f64) -> Option<f64> {
    let r = a / b;
    (b != 0.0 && r.is_finite()).then_some(r)
}

/// Green at or above `green`, red below `red`, amber between; grey for n/a.
pub fn index_rag(value: Option<f64>, thresholds: Thresholds) -> Rag {
    match value {
        None => Rag::Grey,
        Some(v) if v >= thresholds.green => Rag::Green,
        Some(v) if v < thresholds.red => Rag::Red,
        Some(_) => Rag::Amber,
    }
}

pub fn earned_value(money: &Financials) -> EarnedValue {
    let bac = *money.budget.get_ref();
    let ev = money.earned();
    let pv = money.planned_value.as_ref().map(|v| *v.get_ref());
    let ac = money.actual_cost.as_ref().map(|v| *v.get_ref());
    let cpi = ev.zip(ac).and_then(|(ev, ac)| ratio(ev, ac));
    let spi = ev.zip(pv).and_then(|(ev, pv)| ratio(ev, pv));
    let eac = cpi.and_then(|cpi| ratio(bac, cpi));
    let etc = eac.zip(ac).map(|(eac, ac)| eac - ac);
    let vac = eac.map(|eac| bac - eac);
    let tcpi = ev.zip(ac).and_then(|(ev, ac)| ratio(bac - ev, bac - ac));
    let thresholds = money.thresholds();
    EarnedValue {
        cpi,
        spi,
        eac,
        etc,
        vac,
        tcpi,
        cpi_rag: index_rag(cpi, thresholds),
        spi_rag: index_rag(spi, thresholds),
    }
}

/// Days between baseline and the expected date (forecast, else baseline).
pub fn slip_days(milestone: &Milestone) -> i64 {
    days_between(milestone.baseline, milestone.expected())
}

pub fn days_between(from: Date, to: Date) -> i64 {
    from.until(to).map_or(0, |span| i64::from(span.get_days()))
}

/// Red when the promise is broken or about to be: `as_of` (the status
/// date) after the promised date with the milestone not done, or the
/// forecast after the promised date; amber when the forecast is after the
/// baseline; green otherwise; grey once done.
pub fn milestone_rag(milestone: &Milestone, as_of: Option<Date>) -> Rag {
    milestone_state(milestone, as_of).0
}

/// A milestone's colour and, when it is not green or grey, why: the words
/// the status screen, the quick look and the minutes show.
pub fn milestone_state(milestone: &Milestone, as_of: Option<Date>) -> (Rag, Option<String>) {
    if milestone.done.is_some() {
        return (Rag::Grey, None);
    }
    let name = milestone.name.get_ref();
    let expected = milestone.expected();
    if let Some(promised) = milestone.promised_date() {
        if as_of.is_some_and(|today| today > promised) {
            return (
                Rag::Red,
                Some(format!(
                    "milestone \"{name}\" is not done: promise broken on {}",
                    short_date(promised)
                )),
            );
        }
        if expected > promised {
            return (
                Rag::Red,
                Some(format!(
                    "milestone \"{name}\" is forecast for {}, after the {} promised to you",
                    expected.strftime(day_format(milestone)),
                    promised.strftime(day_format(milestone))
                )),
            );
        }
    }
    if expected > milestone.baseline {
        let days = slip_days(milestone);
        let unit = if days == 1 { "day" } else { "days" };
        return (
            Rag::Amber,
            Some(format!(
                "milestone \"{name}\" is {days} {unit} behind its baseline"
            )),
        );
    }
    (Rag::Green, None)
}

/// A milestone's colour as words a reader sees without colour: DONE,
/// ON TRACK, LATE, PROMISE AT RISK, or PROMISE BROKEN once the promised
/// date has passed without it.
pub fn milestone_word(milestone: &Milestone, as_of: Option<Date>) -> &'static str {
    match milestone_rag(milestone, as_of) {
        Rag::Grey => "DONE",
        Rag::Green => "ON TRACK",
        Rag::Amber => "LATE",
        Rag::Red
            if milestone
                .promised_date()
                .is_some_and(|promised| as_of.is_some_and(|today| today > promised)) =>
        {
            "PROMISE BROKEN"
        }
        Rag::Red => "PROMISE AT RISK",
    }
}

/// "1 Nov 2026": a date as a reader says it.
pub fn short_date(date: Date) -> String {
    date.strftime("%-d %b %Y").to_string()
}

/// "20 Jan", as a customer says a date; with the year when the forecast
/// and the promise fall in different years, so a slip never hides a year.
fn day_format(milestone: &Milestone) -> &'static str {
    let years_differ = milestone
        .promised_date()
        .is_some_and(|p| p.year() != milestone.expected().year());
    if years_differ { "%-d %b %Y" } else { "%-d %b" }
}

pub fn risk_score(risk: &Risk) -> RiskScore {
    RiskScore {
        id: risk.id.get_ref().clone(),
        score: risk.score(),
        band: Band::of(risk.score()),
    }
}

pub fn derive(plan: &Plan) -> Derived {
    let earned_value = plan
        .financials
        .as_ref()
        .map(earned_value)
        .unwrap_or_default();
    let milestones = plan
        .milestones
        .iter()
        .map(|m| MilestoneSlip {
            name: m.name.get_ref().clone(),
            slip_days: slip_days(m),
            rag: milestone_rag(m, plan.status.as_of),
        })
        .collect();
    let (overall, reasons) = overall(plan, &earned_value);
    let reasons_for_colour = reasons
        .iter()
        .take_while(|(rag, _)| *rag == overall)
        .count();
    Derived {
        earned_value,
        overall,
        overall_reasons: reasons.into_iter().map(|(_, why)| why).collect(),
        reasons_for_colour,
        risks: plan.risks.iter().map(risk_score).collect(),
        milestones,
    }
}

/// The overall colour and why. `auto` takes the worst of schedule, cost,
/// issues and risks; a colour set by hand stands, with its evidence.
fn overall(plan: &Plan, ev: &EarnedValue) -> (Rag, Vec<(Rag, String)>) {
    let setting = plan.status.overall_setting();
    let manual = match setting {
        OverallSetting::Auto => None,
        OverallSetting::Green => Some(Rag::Green),
        OverallSetting::Amber => Some(Rag::Amber),
        OverallSetting::Red => Some(Rag::Red),
    };
    if let Some(rag) = manual {
        let evidence = plan.status.evidence.trim();
        let reason = if evidence.is_empty() {
            "set by hand, with no evidence given".to_owned()
        } else {
            format!("set by hand: {evidence}")
        };
        return (rag, vec![(rag, reason)]);
    }
    let mut reasons: Vec<(Rag, String)> = Vec::new();
    for m in plan.milestones.iter() {
        if let (rag, Some(why)) = milestone_state(m, plan.status.as_of) {
            reasons.push((rag, why));
        }
    }
    if matches!(ev.cpi_rag, Rag::Red | Rag::Amber) {
        let cpi = ev.cpi.unwrap_or_default();
        let thresholds = plan
            .financials
            .as_ref()
            .map(Financials::thresholds)
            .unwrap_or_default();
        let limit = if ev.cpi_rag == Rag::Red {
            thresholds.red
        } else {
            thresholds.green
        };
        reasons.push((
            ev.cpi_rag,
            format!("cost: CPI {cpi:.2} is below {limit:.2}; each 1.00 spent has earned {cpi:.2} of planned work"),
        ));
    }
    for issue in plan.issues.iter().filter(|i| i.is_open()) {
        let rag = match issue.severity {
            Severity::Critical => Rag::Red,
            Severity::High => Rag::Amber,
            _ => continue,
        };
        reasons.push((
            rag,
            format!(
                "issue {} \"{}\" is open and {}",
                issue.id.get_ref(),
                issue.title,
                issue.severity.as_str()
            ),
        ));
    }
    for risk in plan
        .risks
        .iter()
        .filter(|r| r.status == super::model::RiskStatus::Open)
    {
        if Band::of(risk.score()) == Band::Critical {
            reasons.push((
                Rag::Amber,
                format!(
                    "risk {} \"{}\" scores {}, critical",
                    risk.id.get_ref(),
                    risk.title,
                    risk.score()
                ),
            ));
        }
    }
    reasons.sort_by_key(|(rag, _)| std::cmp::Reverse(*rag));
    let worst = reasons.first().map_or(Rag::Green, |(rag, _)| *rag);
    (worst, reasons)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::load_bytes;

    fn plan(toml: &str) -> Plan {
        let text = format!("[project]\nname = \"P\"\ncustomer = \"C\"\n{toml}");
        let checked = load_bytes("test.toml", text.as_bytes());
        let report = checked.render();
        checked.plan.unwrap_or_else(|| panic!("{report}"))
    }

    fn money(budget: f64, pv: f64, ev: f64, ac: f64) -> EarnedValue {
        let p = plan(&format!(
            "[financials]\nbudget = {budget}\nplanned_value = {pv}\nearned_value = {ev}\nactual_cost = {ac}\n"
        ));
        earned_value(p.financials.as_ref().unwrap())
    }

    #[test]
    fn a_promise_about_to_be_broken_reads_as_a_sentence() {
        let p = plan(
            "[[milestones]]\nname = \"Reports\"\nbaseline = 2027-01-05\nforecast = 2027-01-20\npromised = 2027-01-10\n",
        );
        assert_eq!(
            derive(&p).overall_reasons,
            ["milestone \"Reports\" is forecast for 20 Jan, after the 10 Jan promised to you"]
        );
        let across_years = plan(
            "[[milestones]]\nname = \"Go-live\"\nbaseline = 2026-12-01\nforecast = 2027-01-20\npromised = 2026-12-20\n",
        );
        assert_eq!(
            derive(&across_years).overall_reasons[0],
            "milestone \"Go-live\" is forecast for 20 Jan 2027, after the 20 Dec 2026 promised to you"
        );
    }

    #[test]
    fn earned_value_formulas() {
        let ev = money(480000.0, 240000.0, 204000.0, 231000.0);
        let cpi = 204000.0 / 231000.0;
        assert_eq!(ev.cpi, Some(cpi));
        assert_eq!(ev.spi, Some(204000.0 / 240000.0));
        assert_eq!(ev.eac, Some(480000.0 / cpi));
        assert_eq!(ev.etc, Some(480000.0 / cpi - 231000.0));
        assert_eq!(ev.vac, Some(480000.0 - 480000.0 / cpi));
        assert_eq!(ev.tcpi, Some((480000.0 - 204000.0) / (480000.0 - 231000.0)));
        assert_eq!(ev.cpi_rag, Rag::Red);
        assert_eq!(ev.spi_rag, Rag::Red);
    }

    #[test]
    fn colour_at_exactly_the_thresholds() {
        // CPI exactly 0.95 is green; exactly 0.90 is amber (red is below it).
        assert_eq!(money(100.0, 100.0, 95.0, 100.0).cpi_rag, Rag::Green);
        assert_eq!(money(100.0, 100.0, 90.0, 100.0).cpi_rag, Rag::Amber);
        assert_eq!(money(100.0, 100.0, 89.0, 100.0).cpi_rag, Rag::Red);
        let t = Thresholds::default();
        assert_eq!(index_rag(Some(0.95), t), Rag::Green);
        assert_eq!(index_rag(Some(0.9499), t), Rag::Amber);
        assert_eq!(index_rag(Some(0.90), t), Rag::Amber);
        assert_eq!(index_rag(Some(0.8999), t), Rag::Red);
    }

    #[test]
    fn nothing_spent_gives_n_a_not_infinity() {
        let ev = money(100.0, 50.0, 10.0, 0.0);
        assert_eq!(ev.cpi, None);
        assert_eq!(ev.eac, None);
        assert_eq!(ev.etc, None);
        assert_eq!(ev.vac, None);
        assert_eq!(ev.cpi_rag, Rag::Grey);
        assert_eq!(ev.spi, Some(0.2));
    }

    #[test]
    fn nothing_planned_gives_no_spi() {
        let ev = money(100.0, 0.0, 10.0, 10.0);
        assert_eq!(ev.spi, None);
        assert_eq!(ev.spi_rag, Rag::Grey);
        assert_eq!(ev.cpi, Some(1.0));
    }

    #[test]
    fn nothing_earned_gives_no_forecast() {
        let ev = money(100.0, 10.0, 0.0, 10.0);
        assert_eq!(ev.cpi, Some(0.0));
        assert_eq!(ev.eac, None, "BAC / 0 is not a forecast");
    }

    #[test]
    fn budget_all_spent_gives_no_tcpi() {
        assert_eq!(money(100.0, 100.0, 80.0, 100.0).tcpi, None);
    }

    #[test]
    fn percent_complete_earns_that_share_of_the_budget() {
        let p = plan("[financials]\nbudget = 200\npercent_complete = 25\nactual_cost = 100\n");
        assert_eq!(earned_value(p.financials.as_ref().unwrap()).cpi, Some(0.5));
    }

    #[test]
    fn risk_bands_at_their_boundaries() {
        let bands: Vec<(i64, Band)> = [1, 4, 5, 9, 10, 16, 20, 25]
            .into_iter()
            .map(|s| (s, Band::of(s)))
            .collect();
        assert_eq!(
            bands,
            [
                (1, Band::Low),
                (4, Band::Low),
                (5, Band::Medium),
                (9, Band::Medium),
                (10, Band::High),
                (16, Band::High),
                (20, Band::Critical),
                (25, Band::Critical)
            ]
        );
    }

    fn milestone(dates: &str) -> (i64, Rag) {
        let p = plan(&format!("[[milestones]]\nname = \"M\"\n{dates}\n"));
        (
            slip_days(&p.milestones[0]),
            milestone_rag(&p.milestones[0], None),
        )
    }

    fn on(as_of: &str, dates: &str) -> (Rag, Vec<String>) {
        let d = derive(&plan(&format!(
            "[status]\nas_of = {as_of}\n[[milestones]]\nname = \"Go-live\"\n{dates}\n"
        )));
        (d.milestones[0].rag, d.overall_reasons)
    }

    #[test]
    fn a_promised_date_passed_without_done_is_a_broken_promise() {
        let dates = "baseline = 2026-10-20\nforecast = 2026-10-30\npromised = 2026-11-01";
        // The day itself still keeps the promise; the day after breaks it.
        assert_eq!(on("2026-11-01", dates).0, Rag::Amber);
        let (rag, reasons) = on("2026-11-02", dates);
        assert_eq!(rag, Rag::Red);
        assert_eq!(
            reasons,
            ["milestone \"Go-live\" is not done: promise broken on 1 Nov 2026"]
        );
        let p = plan(&format!("[[milestones]]\nname = \"M\"\n{dates}\n"));
        let as_of = |d: &str| Some(d.parse().unwrap());
        assert_eq!(
            milestone_word(&p.milestones[0], as_of("2026-11-02")),
            "PROMISE BROKEN"
        );
        assert_eq!(
            milestone_word(&p.milestones[0], as_of("2026-11-01")),
            "LATE"
        );
        let done = format!("{dates}\ndone = 2026-11-05");
        assert_eq!(on("2026-11-20", &done), (Rag::Grey, vec![]));
    }

    #[test]
    fn milestone_slip_and_colour() {
        assert_eq!(milestone("baseline = 2026-12-01"), (0, Rag::Green));
        assert_eq!(
            milestone("baseline = 2026-12-01\nforecast = 2026-11-28"),
            (-3, Rag::Green)
        );
        assert_eq!(
            milestone("baseline = 2026-12-01\nforecast = 2026-12-22\npromised = 2027-01-05"),
            (21, Rag::Amber)
        );
        // Forecast on the promised date is kept, just; one day after is broken.
        assert_eq!(
            milestone("baseline = 2026-12-01\nforecast = 2026-12-22\npromised = 2026-12-22"),
            (21, Rag::Amber)
        );
        assert_eq!(
            milestone("baseline = 2026-12-01\nforecast = 2026-12-23\npromised = 2026-12-22"),
            (22, Rag::Red)
        );
        assert_eq!(
            milestone(
                "baseline = 2026-12-01\nforecast = 2027-02-01\npromised = 2026-12-22\ndone = 2027-01-30"
            ),
            (62, Rag::Grey)
        );
    }

    fn overall_of(toml: &str) -> (Rag, Vec<String>) {
        let d = derive(&plan(toml));
        (d.overall, d.overall_reasons)
    }

    #[test]
    fn overall_is_the_worst_part() {
        assert_eq!(overall_of("").0, Rag::Green);
        let issue = |severity: &str, status: &str| {
            format!(
                "[[issues]]\nid = \"I-1\"\ntitle = \"T\"\nseverity = \"{severity}\"\nstatus = \"{status}\"\n"
            )
        };
        assert_eq!(overall_of(&issue("critical", "open")).0, Rag::Red);
        assert_eq!(overall_of(&issue("critical", "in-progress")).0, Rag::Red);
        assert_eq!(overall_of(&issue("critical", "resolved")).0, Rag::Green);
        assert_eq!(overall_of(&issue("high", "open")).0, Rag::Amber);
        assert_eq!(overall_of(&issue("medium", "open")).0, Rag::Green);
        let risk = |p: u8, status: &str| {
            format!(
                "[[risks]]\nid = \"R-1\"\ntitle = \"T\"\nprobability = {p}\nimpact = 5\nstatus = \"{status}\"\n"
            )
        };
        assert_eq!(overall_of(&risk(4, "open")).0, Rag::Amber);
        assert_eq!(overall_of(&risk(3, "open")).0, Rag::Green);
        assert_eq!(overall_of(&risk(5, "closed")).0, Rag::Green);
        let cost =
            "[financials]\nbudget = 100\nplanned_value = 50\nearned_value = 45\nactual_cost = 50\n";
        let (rag, reasons) = overall_of(cost);
        assert_eq!(rag, Rag::Amber);
        assert!(reasons[0].starts_with("cost: CPI 0.90"), "{reasons:?}");
        let both = format!("{}{}", risk(5, "open"), issue("critical", "open"));
        let (rag, reasons) = overall_of(&both);
        assert_eq!(rag, Rag::Red);
        assert!(
            reasons[0].starts_with("issue I-1"),
            "worst reason first: {reasons:?}"
        );
    }

    #[test]
    fn a_colour_set_by_hand_stands_with_its_evidence() {
        let (rag, reasons) = overall_of(
            "[status]\noverall = \"green\"\nevidence = \"Customer confirmed the new dates\"\n[[issues]]\nid = \"I-1\"\ntitle = \"T\"\nseverity = \"critical\"\n",
        );
        assert_eq!(rag, Rag::Green);
        assert_eq!(reasons, ["set by hand: Customer confirmed the new dates"]);
    }
}
