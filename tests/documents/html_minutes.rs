//! The HTML minutes read for everyone, on screen and on paper: every text
//! at WCAG AA contrast against what it sits on (and against white, which is
//! what a background becomes printed without background graphics), badges
//! that keep a word and a border, charts whose numbers are text too, and a
//! page that reads back as well-formed markup.

use crate::common;

use common::{demo_plan as plan, go_to as to, type_line as typed};

use jiff::{Timestamp, tz::TimeZone};
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use resetpoint::agenda::SectionKind;
use resetpoint::export::html::colours::{PAPER, contrast};
use resetpoint::export::minutes::{Audience, html};
use resetpoint::figures::{money, thousands};
use resetpoint::meeting::{Action, Clock, Meeting, public_only};
use resetpoint::plan::model::{AgendaName, Plan, RiskStatus};
use resetpoint::record::format::Record;

const AA: f64 = 4.5;

/// A short reset-point meeting with a private note and an internal risk,
/// so the internal minutes carry their markers and their warning.
fn meeting() -> Record {
    let start: Timestamp = "2026-11-24T14:00:00Z".parse().unwrap();
    let mut m = Meeting::new(
        plan(),
        AgendaName::ResetPoint,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    to(&mut m, SectionKind::Status);
    typed(&mut m, Action::PrivateNote, "Ola hinted at a budget freeze");
    typed(&mut m, Action::Note, "Marcus wants the risk log weekly");
    to(&mut m, SectionKind::Raid);
    typed(&mut m, Action::Risk, "Vendor may fold @priya #internal");
    common::quit(&mut m);
    Record::of(&m)
}

fn page(plan: &Plan, audience: Audience) -> String {
    html(&meeting(), Some(plan), &[], audience, &TimeZone::UTC)
}

/// One element of the page as read back: its name, its attributes, the
/// text directly inside it.
#[derive(Debug)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
}

impl Element {
    fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn num(&self, name: &str) -> f64 {
        self.get(name).map_or(0.0, |v| v.parse().unwrap())
    }
}

/// Every element of `page` in document order. Reading it with a strict XML
/// reader (end tags must match) is the check that the page is well formed.
fn elements(page: &str) -> Vec<Element> {
    let mut reader = quick_xml::Reader::from_str(page);
    let mut found: Vec<Element> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    loop {
        match reader.read_event() {
            Err(e) => panic!(
                "the page is not well formed at {}: {e}",
                reader.buffer_position()
            ),
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                found.push(element(&e));
                open.push(found.len() - 1);
            }
            Ok(Event::Empty(e)) => found.push(element(&e)),
            Ok(Event::End(_)) => {
                open.pop();
            }
            Ok(Event::Text(t)) => {
                if let Some(&at) = open.last() {
                    found[at].text.push_str(&t.xml10_content());
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if let Some(&at) = open.last() {
                    let name = r.into_inner();
                    found[at].text.push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "#39" => "'",
                        other => panic!("unexpected reference {other}"),
                    });
                }
            }
            Ok(_) => {}
        }
    }
    assert!(open.is_empty(), "elements left open: {open:?}");
    found
}

fn element(e: &BytesStart) -> Element {
    Element {
        name: e.name().as_ref().to_owned(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.unwrap();
                (
                    a.key.as_ref().to_owned(),
                    a.normalized_value(XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned(),
                )
            })
            .collect(),
        text: String::new(),
    }
}

/// The value of `property` in a CSS declaration block, not matching a
/// longer name that ends the same way (`border-color` for `color`).
fn declared(block: &str, property: &str) -> Option<String> {
    block.split(';').find_map(|decl| {
        let (name, value) = decl.split_once(':')?;
        (name.trim() == property).then(|| value.trim().to_owned())
    })
}

/// The page's CSS rules as (selector, declarations), `@media` unwrapped.
fn rules(css: &str) -> Vec<(String, String)> {
    css.split('}')
        .filter_map(|chunk| {
            let (selector, block) = chunk.rsplit_once('{')?;
            let selector = selector.rsplit('{').next().unwrap_or(selector);
            Some((selector.trim().to_owned(), block.to_owned()))
        })
        .collect()
}

#[test]
fn every_text_in_the_html_minutes_reads_at_aa_contrast_on_screen_and_on_paper() {
    for audience in [Audience::Customer, Audience::Internal] {
        let page = page(&plan(), audience);
        crate::common::assert_one_main(&page);
        let all = elements(&page);
        let css = &all.iter().find(|e| e.name == "style").unwrap().text;
        let rules = rules(css);
        let body = rules
            .iter()
            .find(|(s, _)| s == "body")
            .and_then(|(_, b)| declared(b, "color"))
            .expect("the body's text colour");
        let mut checked = Vec::new();
        for (selector, block) in &rules {
            let text = declared(block, "color");
            let ground = declared(block, "background");
            if text.is_none() && ground.is_none() {
                continue;
            }
            let text = text.unwrap_or_else(|| body.clone());
            // On its own background, and on bare paper: printed without
            // background graphics every background turns white.
            for under in ground.iter().map(String::as_str).chain([PAPER]) {
                let ratio = contrast(&text, under);
                assert!(
                    ratio >= AA,
                    "{selector}: {text} on {under} is {ratio:.2}:1 ({audience:?})"
                );
            }
            checked.push(selector.clone());
        }
        for needed in [
            ".internal",
            ".meta",
            ".warn",
            ".badge.red",
            ".badge.amber",
            ".badge.green",
        ] {
            assert!(
                checked.iter().any(|s| s == needed),
                "{needed} not checked: {checked:?}"
            );
        }
        // Badges keep a word and a border on paper, and ask for their tint.
        let badge = &rules.iter().find(|(s, _)| s == ".badge").unwrap().1;
        assert!(declared(badge, "border").is_some(), "{badge}");
        assert_eq!(
            declared(badge, "print-color-adjust").as_deref(),
            Some("exact")
        );
        assert_eq!(
            declared(badge, "-webkit-print-color-adjust").as_deref(),
            Some("exact")
        );
        assert!(page.contains(">RED</span>"), "the overall colour is a word");

        // Chart text against the shape it is drawn on (the last one drawn
        // under it), or the paper.
        let mut shapes: Vec<&Element> = Vec::new();
        let mut texts = 0;
        for e in &all {
            match e.name.as_str() {
                "svg" => shapes.clear(),
                "rect" => shapes.push(e),
                "text" => {
                    let fill = e.get("fill").expect("chart text names its colour");
                    let (x, y) = (e.num("x"), e.num("y") - 5.0);
                    let under = shapes
                        .iter()
                        .rev()
                        .find(|r| {
                            (r.num("x")..=r.num("x") + r.num("width")).contains(&x)
                                && (r.num("y")..=r.num("y") + r.num("height")).contains(&y)
                        })
                        .and_then(|r| r.get("fill"))
                        .unwrap_or(PAPER);
                    let ratio = contrast(fill, under);
                    assert!(
                        ratio >= AA,
                        "chart text {:?}: {fill} on {under} is {ratio:.2}:1",
                        e.text
                    );
                    texts += 1;
                }
                _ => {}
            }
        }
        assert!(texts > 20, "chart texts checked: {texts}");
    }
}

/// The elements of each `<svg>` in `page`, one list a chart.
fn charts(page: &str) -> Vec<Vec<Element>> {
    let mut charts: Vec<Vec<Element>> = Vec::new();
    let mut inside = false;
    for e in elements(page) {
        match e.name.as_str() {
            "svg" => {
                inside = true;
                charts.push(vec![e]);
            }
            "figcaption" | "table" | "figure" | "div" => inside = false,
            _ if inside => charts.last_mut().unwrap().push(e),
            _ => {}
        }
    }
    charts
}

/// The text a screen reader is given for a chart: what its
/// `aria-labelledby` points at, which must be its own title and desc.
fn text_alternative(chart: &[Element]) -> String {
    let svg = &chart[0];
    assert_eq!(svg.get("role"), Some("img"));
    let ids: Vec<&str> = svg
        .get("aria-labelledby")
        .expect("aria-labelledby")
        .split(' ')
        .collect();
    let said: Vec<&str> = ids
        .iter()
        .map(|id| {
            let e = chart
                .iter()
                .find(|e| e.get("id") == Some(*id))
                .unwrap_or_else(|| panic!("{id} is not in the chart"));
            assert!(["title", "desc"].contains(&e.name.as_str()), "{id}");
            e.text.as_str()
        })
        .collect();
    assert!(chart.iter().any(|e| e.name == "title"));
    assert!(chart.iter().any(|e| e.name == "desc"));
    said.join(" ")
}

#[test]
fn every_chart_carries_its_numbers_as_text() {
    let full = plan();
    for (audience, shown) in [
        (Audience::Customer, public_only(&full)),
        (Audience::Internal, full.clone()),
    ] {
        let page = page(&full, audience);
        let charts = charts(&page);
        assert_eq!(charts.len(), 2, "heat map and budget burn ({audience:?})");

        // The heat map: every occupied cell's count, as the reader's plan
        // holds them, and both axes named on the chart itself.
        let heat = &charts[0];
        let said = text_alternative(heat);
        let open: Vec<_> = shown
            .risks
            .iter()
            .filter(|r| r.status == RiskStatus::Open)
            .collect();
        let total = match open.len() {
            1 => "1 open risk".to_owned(),
            n => format!("{n} open risks"),
        };
        assert!(said.contains(&total), "{total:?} not in {said:?}");
        for risk in &open {
            let (p, i) = (*risk.probability.get_ref(), *risk.impact.get_ref());
            let n = open
                .iter()
                .filter(|r| *r.probability.get_ref() == p && *r.impact.get_ref() == i)
                .count();
            let cell = format!("Impact {i}, probability {p}: {n} risk");
            assert!(
                said.contains(&cell),
                "{cell:?} not in {said:?} ({audience:?})"
            );
        }
        let drawn: Vec<&str> = heat
            .iter()
            .filter(|e| e.name == "text")
            .map(|e| e.text.as_str())
            .collect();
        assert!(drawn.iter().any(|t| t.starts_with("impact")), "{drawn:?}");
        assert!(
            drawn.iter().any(|t| t.starts_with("probability")),
            "{drawn:?}"
        );
        for band in ["low", "medium", "high", "critical"] {
            assert!(drawn.contains(&band), "legend names {band}: {drawn:?}");
        }

        // The budget burn: each month's amounts with the currency, in the
        // chart's text and in the table beside it; months over plan marked
        // by a shape, not only a colour.
        let burn = &charts[1];
        let said = text_alternative(burn);
        let money_plan = shown.financials.as_ref().unwrap();
        let figures = page.split("<table class=\"figures\">").nth(1).unwrap();
        let figures = figures.split("</table>").next().unwrap();
        // The table names the currency once, in its headings.
        let currency = &money_plan.currency;
        assert!(
            figures.contains(&format!("<th>Planned ({currency})</th>")),
            "{figures}"
        );
        let mut over = 0;
        for p in &money_plan.periods {
            let planned = money(Some(p.planned), currency);
            let actual = money(Some(p.actual), currency);
            let month = p.month.get_ref();
            let both = format!("{month}: planned {planned}, actual {actual}");
            assert!(said.contains(&both), "{both:?} not in {said:?}");
            let (planned, actual) = (thousands(p.planned), thousands(p.actual));
            let row = format!("<tr><td>{month}</td><td>{planned}</td><td>{actual}</td><td>");
            assert!(
                figures.contains(&row),
                "{row:?} not in the table:\n{figures}"
            );
            if p.actual > p.planned {
                over += 1;
                let gap = money(Some(p.actual - p.planned), &money_plan.currency);
                assert!(said.contains(&format!("{gap} over plan")), "{said}");
                let gap = thousands(p.actual - p.planned);
                assert!(figures.contains(&format!("▲ {gap} over</td>")), "{figures}");
            }
        }
        assert!(over > 0, "the demo has months over plan");
        let planned: f64 = money_plan.periods.iter().map(|p| p.planned).sum();
        let actual: f64 = money_plan.periods.iter().map(|p| p.actual).sum();
        let totals = format!(
            "In all: planned {}, actual {}",
            money(Some(planned), &money_plan.currency),
            money(Some(actual), &money_plan.currency)
        );
        assert!(said.contains(&totals), "{totals:?} not in {said:?}");
        let markers = burn.iter().filter(|e| e.name == "path").count();
        assert_eq!(
            markers,
            over + 1,
            "one marker a month over plan, and the legend's"
        );
        let legend: Vec<&str> = burn
            .iter()
            .filter(|e| e.name == "text")
            .map(|e| e.text.as_str())
            .collect();
        for word in ["planned", "actual", "over plan"] {
            assert!(legend.contains(&word), "legend names {word}: {legend:?}");
        }
    }
}

#[test]
fn typed_currency_and_months_stay_text_in_the_charts() {
    let mut hostile = plan();
    let money_plan = hostile.financials.as_mut().unwrap();
    money_plan.currency = "<b>&\"£".into();
    let page = page(&hostile, Audience::Customer);
    assert!(!page.contains("<b>"), "typed markup in the charts");
    assert!(
        page.contains("&lt;b&gt;&amp;&quot;£ 45,000"),
        "the amounts keep the currency as typed"
    );
    let charts = charts(&page);
    assert!(text_alternative(&charts[1]).contains("planned <b>&\"£ 45,000"));
}
