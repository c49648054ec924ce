//! The figures resetpoint works out from the plan's facts: earned value and
//! its colours, risk scores and bands, milestone slip and colour, and the
//! overall colour with the reasons behind it.

use jiff::civil::Date;
use serde::Serialize;

use super::model::{Financials, Milestone, OverallSetting, Plan, Rag, Risk, Severity, Thresholds};

/// Earned-value figures; `None` where a figure cannot be computed (shown "n/a").
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskScore {
    pub id: String,
    pub score: i64,
    pub band: Band,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MilestoneSlip {
    pub name: String,
    pub slip_days: i64,
    pub rag: Rag,
}

/// Everything `check --format json` reports under `derived`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Derived {
    #[serde(flatten)]
    pub earned_value: EarnedValue,
    pub overall: Rag,
    pub overall_reasons: Vec<String>,
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

/// Red when the forecast is after the promised date, amber when after the
/// baseline, green otherwise; grey once done.
pub fn milestone_rag(milestone: &Milestone) -> Rag {
    if milestone.done.is_some() {
        Rag::Grey
    } else if milestone
        .promised_date()
        .is_some_and(|promised| milestone.expected() > promised)
    {
        Rag::Red
    } else if milestone.expected() > milestone.baseline {
        Rag::Amber
    } else {
        Rag::Green
    }
}

pub fn risk_score(risk: &Risk) -> RiskScore {
    RiskScore {
        id: risk.id.get_ref().clone(),
        score: risk.score(),
        band: Band::of(risk.score()),
    }
}

pub fn derive(plan: &Plan) -> Derived {
    let earned_value = plan.financials.as_ref().map(earned_value).unwrap_or_default();
    let milestones = plan
        .milestones
        .iter()
        .map(|m| MilestoneSlip {
            name: m.name.get_ref().clone(),
            slip_days: slip_days(m),
            rag: milestone_rag(m),
        })
        .collect();
    let (overall, overall_reasons) = overall(plan, &earned_value);
    Derived {
        earned_value,
        overall,
        overall_reasons,
        risks: plan.risks.iter().map(risk_score).collect(),
        milestones,
    }
}

/// The overall colour and why. `auto` takes the worst of schedule, cost,
/// issues and risks; a colour set by hand stands, with its evidence.
fn overall(plan: &Plan, ev: &EarnedValue) -> (Rag, Vec<String>) {
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
        return (rag, vec![reason]);
    }
    let mut reasons: Vec<(Rag, String)> = Vec::new();
    for m in plan.milestones.iter() {
        let name = m.name.get_ref();
        match milestone_rag(m) {
            Rag::Red => reasons.push((
                Rag::Red,
                format!(
                    "milestone \"{name}\" is forecast for {}, after the {} promised",
                    m.expected(),
                    m.promised_date().map_or_else(String::new, |d| d.to_string())
                ),
            )),
            Rag::Amber => reasons.push((
                Rag::Amber,
                format!("milestone \"{name}\" is {} days behind its baseline", slip_days(m)),
            )),
            _ => {}
        }
    }
    if matches!(ev.cpi_rag, Rag::Red | Rag::Amber) {
        let cpi = ev.cpi.unwrap_or_default();
        let thresholds = plan.financials.as_ref().map(Financials::thresholds).unwrap_or_default();
        let limit = if ev.cpi_rag == Rag::Red { thresholds.red } else { thresholds.green };
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
    for risk in plan.risks.iter().filter(|r| r.status == super::model::RiskStatus::Open) {
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
    (worst, reasons.into_iter().map(|(_, why)| why).collect())
}
