//! Minutes from a scripted meeting, for the customer and for the team, and
//! the promise that typed text stays literal text in Markdown.

mod common;

use common::{demo_plan as plan, go_to as to, type_line as typed};

use jiff::{SignedDuration, Timestamp, tz::TimeZone};
use proptest::prelude::*;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use resetpoint::agenda::SectionKind;
use resetpoint::export::markdown::escape;
use resetpoint::export::minutes::{Audience, html, markdown};
use resetpoint::meeting::{Action, Clock, Meeting, update};
use resetpoint::plan::model::AgendaName;
use resetpoint::record::format::Record;

/// A reset-point meeting with something in every part of the minutes,
/// including text that tries to break Markdown.
fn scripted() -> Record {
    let start: Timestamp = "2026-11-24T14:00:00Z".parse().unwrap();
    let mut m = Meeting::new(
        plan(),
        AgendaName::ResetPoint,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    for _ in 0..4 {
        update(&mut m, Action::Select);
        update(&mut m, Action::Down);
    }
    to(&mut m, SectionKind::Listen);
    typed(
        &mut m,
        Action::Select,
        "# We were *never* told | [see](http://x.example) <b>late</b>",
    );
    update(&mut m, Action::Down);
    typed(&mut m, Action::Select, "Reports came late");
    to(&mut m, SectionKind::Playback);
    typed(&mut m, Action::Select, "");
    to(&mut m, SectionKind::Status);
    typed(&mut m, Action::Decision, "Weekly written report, Thursdays");
    typed(
        &mut m,
        Action::NewAction,
        "Send the revised plan @sam due:2026-12-01",
    );
    typed(&mut m, Action::PrivateNote, "Ola hinted at a budget freeze");
    typed(&mut m, Action::Note, "Marcus wants the risk log weekly");
    to(&mut m, SectionKind::Raid);
    typed(&mut m, Action::Risk, "Vendor may fold @priya #internal");
    typed(&mut m, Action::Issue, "UAT data not ready @marcus");
    to(&mut m, SectionKind::Rules);
    typed(&mut m, Action::Signoff, "approved @ola");
    to(&mut m, SectionKind::Proposals);
    // Enter, then 1: agreed.
    typed(&mut m, Action::Select, "1");
    to(&mut m, SectionKind::Pulse);
    typed(&mut m, Action::Select, "3 better, not there yet");
    update(
        &mut m,
        Action::Tick(start + SignedDuration::from_secs(85 * 60)),
    );
    update(&mut m, Action::Quit);
    Record::of(&m)
}

#[test]
fn customer_minutes_hold_nothing_internal() {
    let record = scripted();
    let minutes = markdown(&record, Some(&plan()), Audience::Customer, &TimeZone::UTC);
    for internal in [
        "budget freeze",
        "Vendor may fold",
        "Internal minutes",
        "internal",
    ] {
        assert!(
            !minutes.contains(internal),
            "{internal:?} in the customer's minutes:\n{minutes}"
        );
    }
    assert!(minutes.contains("Marcus wants the risk log weekly"));
    insta::assert_snapshot!("minutes_customer", minutes);
}

#[test]
fn internal_minutes_include_and_mark_internal_items() {
    let record = scripted();
    let minutes = markdown(&record, Some(&plan()), Audience::Internal, &TimeZone::UTC);
    assert!(
        minutes.contains("Ola hinted at a budget freeze *(private)*"),
        "{minutes}"
    );
    assert!(
        minutes.contains("Vendor may fold — Priya Raman *(internal)*"),
        "{minutes}"
    );
    insta::assert_snapshot!("minutes_internal", minutes);
}

#[test]
fn typed_markdown_cannot_make_structure() {
    let minutes = markdown(
        &scripted(),
        Some(&plan()),
        Audience::Customer,
        &TimeZone::UTC,
    );
    let headings = Parser::new(&minutes)
        .filter(|e| matches!(e, Event::Start(Tag::Heading { .. })))
        .count();
    let expected = minutes.lines().filter(|l| l.starts_with('#')).count();
    assert_eq!(headings, expected, "only our own headings");
    assert!(!Parser::new(&minutes).any(|e| matches!(
        e,
        Event::Html(_)
            | Event::InlineHtml(_)
            | Event::Start(Tag::Link { .. })
            | Event::Start(Tag::Table(_))
    )));
}

/// The text of a Markdown document, with hard line breaks as newlines.
fn text_of(markdown: &str) -> String {
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::HardBreak | Event::SoftBreak => text.push('\n'),
            Event::End(TagEnd::Paragraph) | Event::Start(_) | Event::End(_) => {}
            other => text.push_str(&format!("<{other:?}>")),
        }
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_typed_text_survives_markdown_escaping(text in "[ -~\u{a0}éü日✅\n\t]{0,60}") {
        // What a reader should see: the text itself, controls made visible.
        let expected: Vec<String> = text.trim_matches('\n').split('\n').map(resetpoint::text::visible).collect();
        let expected = expected.join("\n");
        let rendered = text_of(&format!("- {}\n", escape(&text).replace('\n', "\n  ")));
        prop_assert_eq!(rendered, expected);
    }
}

#[test]
fn minutes_of_a_record_on_disk_and_of_a_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.toml");
    std::fs::write(&path, scripted().to_toml()).unwrap();
    let out = common::resetpoint(dir.path(), &["minutes", "meeting.toml"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("# Minutes: Shipment Tracking Rebuild")
    );
    let written = common::resetpoint(
        dir.path(),
        &[
            "minutes",
            "meeting.toml",
            "--audience",
            "internal",
            "-o",
            "internal.md",
        ],
    );
    assert_eq!(written.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(dir.path().join("internal.md"))
            .unwrap()
            .contains("budget freeze")
    );
    std::fs::write(dir.path().join("bad.toml"), "[meeting]\nproject = 3\n").unwrap();
    let bad = common::resetpoint(dir.path(), &["minutes", "bad.toml"]);
    assert_eq!(bad.status.code(), Some(1));
    let text = String::from_utf8(bad.stderr).unwrap();
    assert!(text.contains("error[bad-record]"), "{text}");
    assert!(text.contains("bad.toml:"), "{text}");
}

#[test]
fn html_minutes_are_one_self_contained_page() {
    let record = scripted();
    let page = html(&record, Some(&plan()), Audience::Customer, &TimeZone::UTC);
    for absent in [
        "<script",
        "src=",
        "href=",
        "@import",
        "url(",
        "budget freeze",
        "Vendor may fold",
        "Margin on this account",
    ] {
        assert!(
            !page.contains(absent),
            "{absent:?} in the customer's HTML minutes"
        );
    }
    assert!(
        page.contains("&lt;b&gt;late&lt;/b&gt;"),
        "typed HTML stays text"
    );
    assert_eq!(page.matches("<svg").count(), 2, "heat map and burn chart");
    assert!(page.contains("class=\"badge red\">RED</span>"));
    insta::assert_snapshot!("minutes_customer_html", page);
    let internal = html(&record, Some(&plan()), Audience::Internal, &TimeZone::UTC);
    assert!(
        internal
            .contains("Ola hinted at a budget freeze <span class=\"internal\">(private)</span>")
    );
    insta::assert_snapshot!("minutes_internal_html", internal);
    // Kept where scripts/minutes-screenshot.sh looks for it.
    let sample = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("minutes-sample.html");
    std::fs::write(sample, &page).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_typed_text_survives_html_escaping(text in "[ -~\u{a0}éü日✅\n\t\u{1b}]{0,60}") {
        let escaped = resetpoint::export::html::escape(&text);
        let document = format!("<p>{escaped}</p>");
        let mut reader = quick_xml::Reader::from_str(&document);
        let mut read_back = String::new();
        loop {
            match reader.read_event().unwrap() {
                quick_xml::events::Event::Text(t) => read_back.push_str(&t.xml10_content()),
                quick_xml::events::Event::GeneralRef(r) => {
                    let name = r.into_inner();
                    read_back.push_str(match name.as_ref() {
                        "amp" => "&", "lt" => "<", "gt" => ">", "quot" => "\"", "#39" => "'",
                        other => panic!("unexpected reference {other}"),
                    });
                }
                quick_xml::events::Event::Empty(e) if e.name().0 == "br" => read_back.push('\n'),
                quick_xml::events::Event::Eof => break,
                _ => {}
            }
        }
        let expected: String = text
            .chars()
            .map(|c| if c.is_control() && c != '\n' { c.escape_unicode().to_string() } else { c.to_string() })
            .collect();
        prop_assert_eq!(read_back, expected);
    }
}

#[test]
fn minutes_written_before_the_end_say_when_the_meeting_began() {
    let mut record = scripted();
    let ended = html(&record, Some(&plan()), Audience::Customer, &TimeZone::UTC);
    assert!(ended.contains("Tuesday 24 November 2026, 14:00–15:25"));
    record.meeting.ended = None;
    let running = html(&record, Some(&plan()), Audience::Customer, &TimeZone::UTC);
    assert!(
        running.contains("Tuesday 24 November 2026, from 14:00"),
        "{running}"
    );
    assert!(!running.contains("not finished"));
}
