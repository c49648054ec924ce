//! Minutes from a scripted meeting, for the customer and for the team, and
//! the promise that typed text stays literal text in Markdown.

use crate::common;

use common::{demo_plan as plan, go_to as to, type_line as typed};

use jiff::{SignedDuration, Timestamp, tz::TimeZone};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use resetpoint::agenda::SectionKind;
use resetpoint::export::markdown::{escape, escape_inline};
use resetpoint::export::minutes::{Audience, html, markdown};
use resetpoint::meeting::capture::Earlier;
use resetpoint::meeting::{Action, Capture, Clock, Effect, Meeting, update};
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
    typed(
        &mut m,
        Action::Risk,
        "Vendor may fold @priya #internal p:2 i:4",
    );
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
    common::quit(&mut m);
    Record::of(&m)
}

#[test]
fn customer_minutes_hold_nothing_internal() {
    let record = scripted();
    let minutes = markdown(
        &record,
        Some(&plan()),
        &[],
        Audience::Customer,
        &TimeZone::UTC,
    );
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
fn a_risk_raised_in_the_meeting_is_on_the_minutes_heat_map() {
    let count = |record: &Record| {
        let page = html(
            record,
            Some(&plan()),
            &[],
            Audience::Customer,
            &TimeZone::UTC,
        );
        let title = page
            .split("<title id=\"risk-heat-map-title\">")
            .nth(1)
            .unwrap();
        title.split("</title>").next().unwrap().to_owned()
    };
    let before = scripted();
    let mut m = Meeting::new(
        plan(),
        AgendaName::Status,
        Clock::at(before.meeting.started, TimeZone::UTC),
        false,
    );
    to(&mut m, SectionKind::Raid);
    typed(
        &mut m,
        Action::Risk,
        "Depot strike halts the roll-out @priya p:5 i:5",
    );
    let mut after = before.clone();
    after.risks.extend(Record::of(&m).risks);
    let (was, now) = (count(&before), count(&after));
    let open = |title: &str| -> usize {
        title
            .split_whitespace()
            .find_map(|w| w.parse().ok())
            .unwrap()
    };
    assert_eq!(open(&now), open(&was) + 1, "{was} → {now}");
}

#[test]
fn an_accepted_customer_task_reads_as_accepted_not_as_a_plan_approved() {
    let mut m = Meeting::new(
        plan(),
        AgendaName::Status,
        Clock::at(common::meeting_start(), TimeZone::UTC),
        false,
    );
    to(&mut m, SectionKind::CustomerTasks);
    update(&mut m, Action::Select);
    common::quit(&mut m);
    let record = Record::of(&m);
    // Accepted, it is done: the next meeting does not carry it as open.
    let plan_tasks_open = |said: &[resetpoint::meeting::Captured]| {
        resetpoint::left_open::tasks::tasks_open(&plan(), said)
    };
    let after = resetpoint::left_open::tasks::said_of_tasks(&[("m".into(), record.clone())]);
    assert_eq!(plan_tasks_open(&after), plan_tasks_open(&[]) - 1);
    let minutes = markdown(
        &record,
        Some(&plan()),
        &[],
        Audience::Customer,
        &TimeZone::UTC,
    );
    let agreed = minutes.split("## Sign-offs and buy-in").nth(1).unwrap();
    let agreed = agreed.split("\n## ").next().unwrap();
    assert!(
        agreed.contains(
            "Customer task CT-1, Prepare acceptance test scenarios for the tracking page: accepted as done by Ola Nordmann"
        ),
        "{agreed}"
    );
    assert!(!agreed.contains("approved"), "{agreed}");
    let tasks = minutes.split("## Tasks on your side").nth(1).unwrap();
    let tasks = tasks.split("\n## ").next().unwrap();
    assert!(
        !tasks.contains("CT-1"),
        "accepted, it is not open:\n{tasks}"
    );
}

#[test]
fn would_recommend_us_is_the_teams_unless_the_plan_shares_it() {
    let mut record = scripted();
    record.pulse.push(resetpoint::meeting::Captured {
        id: "PU-9".into(),
        order: 999,
        section: 0,
        at: record.meeting.started,
        what: resetpoint::meeting::Capture::Recommend { score: 4 },
    });
    let said = "Would recommend us: 4 of 10";
    let minutes_for = |plan: &resetpoint::plan::model::Plan, audience| {
        markdown(&record, Some(plan), &[], audience, &TimeZone::UTC)
    };
    let mut plan = plan();
    assert!(!minutes_for(&plan, Audience::Customer).contains(said));
    assert!(minutes_for(&plan, Audience::Internal).contains(said));
    plan.meeting.share_recommend = true;
    assert!(minutes_for(&plan, Audience::Customer).contains(said));
}

#[test]
fn internal_minutes_include_and_mark_internal_items() {
    let record = scripted();
    let minutes = markdown(
        &record,
        Some(&plan()),
        &[],
        Audience::Internal,
        &TimeZone::UTC,
    );
    assert!(
        minutes.contains("Ola hinted at a budget freeze *(private)*"),
        "{minutes}"
    );
    assert!(
        minutes.contains(
            "Vendor may fold — Priya Raman, score 8 (medium: probability 2, impact 4) *(internal)*"
        ),
        "{minutes}"
    );
    insta::assert_snapshot!("minutes_internal", minutes);
}

/// Every Markdown extension a reader's mail client or viewer may turn on,
/// except smart quotes (they change the text on purpose).
fn every_extension() -> Options {
    Options::all() - Options::ENABLE_SMART_PUNCTUATION
}

/// The headings of a Markdown document, as read back.
fn headings(markdown: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut inside = None;
    for event in Parser::new_ext(markdown, every_extension()) {
        match event {
            Event::Start(Tag::Heading { .. }) => inside = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => found.extend(inside.take()),
            Event::Text(t) => {
                if let Some(h) = inside.as_mut() {
                    h.push_str(&t);
                }
            }
            _ => {}
        }
    }
    found
}

#[test]
fn typed_markdown_cannot_make_structure() {
    let minutes = markdown(
        &scripted(),
        Some(&plan()),
        &[],
        Audience::Customer,
        &TimeZone::UTC,
    );
    // Our own headings, and not one more: the typed "# We were…" stays text.
    assert_eq!(
        headings(&minutes),
        [
            "Minutes: Shipment Tracking Rebuild",
            "Attendees",
            "What we heard",
            "Where the project stands",
            "Decisions",
            "Actions",
            "Tasks on your side",
            "Sign-offs and buy-in",
            "Risks and issues raised",
            "Notes",
            "Pulse",
            "Plain words",
            "Next meeting",
        ]
    );
    let typed = "“# We were *never* told | [see](http://x.example) <b>late</b>”";
    assert!(
        text_of(&minutes).lines().any(|l| l == typed),
        "{typed} read back whole:\n{}",
        text_of(&minutes)
    );
    for event in Parser::new_ext(&minutes, every_extension()) {
        assert!(
            !matches!(
                event,
                Event::Html(_)
                    | Event::InlineHtml(_)
                    | Event::Code(_)
                    | Event::InlineMath(_)
                    | Event::DisplayMath(_)
                    | Event::FootnoteReference(_)
                    | Event::TaskListMarker(_)
                    | Event::Start(
                        Tag::Link { .. }
                            | Tag::Image { .. }
                            | Tag::Table(_)
                            | Tag::Emphasis
                            | Tag::Strikethrough
                            | Tag::BlockQuote(_)
                            | Tag::CodeBlock(_)
                    )
            ),
            "{event:?} in the customer's minutes:\n{minutes}"
        );
    }
}

#[test]
fn the_raw_minutes_read_like_a_normal_email() {
    let minutes = markdown(
        &scripted(),
        Some(&plan()),
        &[],
        Audience::Customer,
        &TimeZone::UTC,
    );
    for line in [
        "**Meeting:** Tuesday 24 November 2026, 14:00–15:25  ",
        "**Agenda:** reset-point",
        "**What is your view of the project's status?**",
        "- Weekly written report, Thursdays",
        "- **A-1** Send the revised plan — Sam Okafor, due Tue 1 Dec 2026",
        "- Ola Nordmann: confidence 3 of 5: “better, not there yet”",
        "- UAT: your team's acceptance testing",
    ] {
        assert!(
            minutes.lines().any(|l| l == line),
            "{line:?} not as typed:\n{minutes}"
        );
    }
    // Only the line that tries to make markup carries backslashes.
    let escaped: Vec<&str> = minutes.lines().filter(|l| l.contains('\\')).collect();
    assert_eq!(
        escaped,
        ["- “# We were \\*never\\* told \\| \\[see](http\\://x.example) \\<b>late\\</b>”"]
    );
}

#[test]
fn control_characters_and_bidi_overrides_never_reach_the_documents_raw() {
    let mut record = scripted();
    let hostile =
        "Paid \u{202e}0001$\u{202c} \u{2066}x\u{2069} \u{85}\u{9b}31m \u{1b}]52;c;AA\u{7}\u{7f}";
    record.notes[0].what = Capture::Note {
        text: hostile.into(),
        private: false,
        unsent: false,
    };
    let plan = plan();
    for audience in [Audience::Customer, Audience::Internal] {
        for document in [
            markdown(&record, Some(&plan), &[], audience, &TimeZone::UTC),
            html(&record, Some(&plan), &[], audience, &TimeZone::UTC),
        ] {
            let raw: Vec<char> = document
                .chars()
                .filter(|c| *c != '\n' && resetpoint::text::is_unsafe(*c))
                .collect();
            assert!(raw.is_empty(), "{raw:?} raw in:\n{document}");
            assert!(document.contains("\\u{202e}0001"), "{document}");
            assert!(document.contains("\\u{2066}x\\u{2069}"), "{document}");
            assert!(document.contains("\\u{1b}]52;c;AA\\u{7}"), "{document}");
        }
    }
}

/// The text of a Markdown document, with hard line breaks as newlines; any
/// structure but paragraphs, lists and our bold leads shows as `<…>`.
fn text_of(markdown: &str) -> String {
    let mut text = String::new();
    for event in Parser::new_ext(markdown, every_extension()) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::HardBreak | Event::SoftBreak => text.push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => text.push('\n'),
            Event::Start(
                Tag::Paragraph | Tag::List(_) | Tag::Item | Tag::Heading { .. } | Tag::Strong,
            )
            | Event::End(TagEnd::List(_) | TagEnd::Strong) => {}
            other => text.push_str(&format!("<{other:?}>")),
        }
    }
    text
}

/// Text built from the pieces of Markdown and its extensions, in every
/// position, with the characters that must never reach a document raw.
fn markup_heavy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "# ",
        "## ",
        "###### ",
        "####### ",
        "#",
        "> ",
        ">",
        "- ",
        "-",
        "+ ",
        "* ",
        "1. ",
        "12) ",
        "2026. ",
        "|",
        " | ",
        "---",
        "===",
        "***",
        "___",
        "~~~",
        "```",
        "`",
        "[",
        "]",
        "](",
        "(",
        ")",
        "[x]: /u",
        "[^1]",
        "[^1]: n",
        "[[w]]",
        "![i](j)",
        "[ ] ",
        "[x] ",
        "<",
        ">",
        "<b>",
        "</b>",
        "<!--",
        "-->",
        "<http://a.b>",
        "<a@b.co>",
        "&amp;",
        "&#32;",
        "&#x41;",
        "&",
        ";",
        "*",
        "**",
        "_",
        "__",
        "~",
        "~~",
        "^",
        "$",
        "$$",
        "\\",
        "\\\\",
        ":",
        ": ",
        "::: ",
        "http://x.y",
        "www.x.y",
        "a@b.co",
        "{#id}",
        " ",
        "  ",
        "    ",
        "\t",
        "\n",
        "\n\n",
        "word",
        "snake_case",
        "12:57",
        "St. Brigid's",
        "4,100",
        "é",
        "日本",
        "\u{a0}",
        "\u{2028}",
        "\u{3000}",
        "\u{200b}",
        "\u{202e}",
        "\u{2066}",
        "\u{85}",
        "\u{9b}",
        "\u{1b}[31m",
        "\u{7f}",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|pieces| pieces.concat())
}

/// What a reader should see of `text`: the text itself, controls and bidi
/// overrides made visible, blank lines at its ends dropped.
fn as_read(text: &str) -> String {
    let lines: Vec<String> = text
        .trim_matches('\n')
        .split('\n')
        .map(resetpoint::text::visible)
        .collect();
    lines.join("\n")
}

/// `text` escaped at the start of a list item and after a bold lead reads
/// back as typed.
fn survives_markdown(text: &str) -> Result<(), TestCaseError> {
    let document = format!("- {}\n", escape(text).replace('\n', "\n  "));
    let rendered = text_of(&document);
    prop_assert_eq!(
        rendered.strip_suffix('\n').unwrap_or(&rendered),
        as_read(text),
        "document: {:?}",
        document
    );
    if !as_read(text).is_empty() {
        let document = format!("- **A-1** {}\n", escape_inline(text).replace('\n', "\n  "));
        let rendered = text_of(&document);
        prop_assert_eq!(
            rendered.strip_suffix('\n').unwrap_or(&rendered),
            format!("A-1 {}", as_read(text)),
            "document: {:?}",
            document
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_typed_text_survives_markdown_escaping(text in "[ -~\u{a0}éü日✅\n\t]{0,60}") {
        survives_markdown(&text)?;
    }

    #[test]
    fn markup_heavy_text_survives_markdown_escaping(text in markup_heavy()) {
        survives_markdown(&text)?;
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
    let page = html(
        &record,
        Some(&plan()),
        &[],
        Audience::Customer,
        &TimeZone::UTC,
    );
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
    // Kept where scripts/minutes-screenshot.sh looks for it, before any
    // snapshot check, so a changed page can be looked at.
    let sample = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("minutes-sample.html");
    std::fs::write(sample, &page).unwrap();
    insta::assert_snapshot!("minutes_customer_html", page);
    let internal = html(
        &record,
        Some(&plan()),
        &[],
        Audience::Internal,
        &TimeZone::UTC,
    );
    assert!(
        internal
            .contains("Ola hinted at a budget freeze <span class=\"internal\">(private)</span>")
    );
    let sample = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("minutes-internal.html");
    std::fs::write(sample, &internal).unwrap();
    insta::assert_snapshot!("minutes_internal_html", internal);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_typed_text_survives_html_escaping(text in "[ -~\u{a0}éü日✅\n\t\u{1b}\u{7f}\u{85}\u{9b}\u{200e}\u{202a}-\u{202e}\u{2066}-\u{2069}]{0,60}") {
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
            .map(|c| if resetpoint::text::is_unsafe(c) && c != '\n' { c.escape_unicode().to_string() } else { c.to_string() })
            .collect();
        prop_assert_eq!(read_back, expected);
    }
}

#[test]
fn minutes_written_before_the_end_say_when_the_meeting_began() {
    let mut record = scripted();
    let ended = html(
        &record,
        Some(&plan()),
        &[],
        Audience::Customer,
        &TimeZone::UTC,
    );
    assert!(ended.contains("Tuesday 24 November 2026, 14:00–15:25"));
    record.meeting.ended = None;
    let running = html(
        &record,
        Some(&plan()),
        &[],
        Audience::Customer,
        &TimeZone::UTC,
    );
    assert!(
        running.contains("Tuesday 24 November 2026, from 14:00"),
        "{running}"
    );
    assert!(!running.contains("not finished"));
}

#[test]
fn minutes_are_written_when_the_meeting_ends_and_again_after_m() {
    let start: Timestamp = "2026-11-24T14:00:00Z".parse().unwrap();
    let meeting = || {
        Meeting::new(
            plan(),
            AgendaName::ResetPoint,
            Clock::at(start, TimeZone::UTC),
            false,
        )
    };
    let ends = |m: &mut Meeting| {
        to(m, SectionKind::Pulse);
        common::quit(m)
    };
    let mut written = meeting();
    to(&mut written, SectionKind::Review);
    assert!(update(&mut written, Action::Minutes).contains(&Effect::WriteMinutes));
    let at_end = ends(&mut written);
    assert!(written.ended.is_some());
    assert!(
        at_end.contains(&Effect::WriteMinutes),
        "the minutes from the review screen are brought up to date: {at_end:?}"
    );
    // The end of a live meeting writes them whether or not `m` was pressed.
    let mut never = meeting();
    assert!(ends(&mut never).contains(&Effect::WriteMinutes));
}

/// A status meeting where attendance was not taken, with follow-ups of an
/// earlier action and of customer tasks, and an action with no due date.
fn followed_up() -> (Record, Vec<Earlier>) {
    let start: Timestamp = "2026-12-01T09:30:00Z".parse().unwrap();
    let mut m = Meeting::new(
        plan(),
        AgendaName::Status,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    m.earlier = vec![Earlier {
        id: "A-9".into(),
        meeting: "2026-11-24-1400-reset-point".into(),
        title: "Book the UAT rooms".into(),
        owner: Some("sam".into()),
        due: None,
        moved_from: None,
        side: None,
    }];
    to(&mut m, SectionKind::Followups);
    typed(&mut m, Action::Select, "done");
    update(&mut m, Action::Down);
    typed(&mut m, Action::Select, "open due:2026-12-15");
    update(&mut m, Action::Down);
    typed(&mut m, Action::Select, "dropped");
    to(&mut m, SectionKind::Raid);
    typed(&mut m, Action::NewAction, "Call the depot managers @sam");
    let last = m.sections.len() - 1;
    update(&mut m, Action::JumpTo(last));
    update(
        &mut m,
        Action::Tick(start + SignedDuration::from_secs(45 * 60)),
    );
    common::quit(&mut m);
    let earlier = m.earlier.clone();
    (Record::of(&m), earlier)
}

#[test]
fn minutes_say_who_was_expected_and_what_became_of_last_time() {
    let (record, earlier) = followed_up();
    let minutes = markdown(
        &record,
        Some(&plan()),
        &earlier,
        Audience::Customer,
        &TimeZone::UTC,
    );
    for line in [
        "**Meeting:** Tuesday 1 December 2026, 09:30–10:15  ",
        "- Sam Okafor — Project manager (expected)",
        "Attendance was not taken in the meeting.",
        "- **A-9** Book the UAT rooms: done",
        "- **CT-1** Prepare acceptance test scenarios for the tracking page: still open, new date Tue 15 Dec 2026 (moved from Thu 10 Dec 2026)",
        "- **CT-2** Agree one list of depot exception codes: dropped",
        "- **CT-1** Prepare acceptance test scenarios for the tracking page — Ola Nordmann, due Tue 15 Dec 2026 (moved from Thu 10 Dec 2026)",
    ] {
        assert!(
            minutes.lines().any(|l| l == line),
            "{line:?} missing:\n{minutes}"
        );
    }
    assert!(minutes.contains("** Call the depot managers — Sam Okafor, no due date\n"));
    let tasks = minutes.split("## Tasks on your side").nth(1).unwrap();
    let tasks = tasks.split("\n## ").next().unwrap();
    assert!(
        !tasks.contains("CT-2"),
        "dropped in the follow-ups:\n{tasks}"
    );
    for wrong in ["None.", "no date yet", "due no", "from 09:30"] {
        assert!(!minutes.contains(wrong), "{wrong:?} in:\n{minutes}");
    }
    insta::assert_snapshot!("minutes_status_follow_ups", minutes);
    let page = html(
        &record,
        Some(&plan()),
        &earlier,
        Audience::Customer,
        &TimeZone::UTC,
    );
    assert!(page.contains("<h2>Follow-up outcomes</h2>"), "{page}");
    assert!(page.contains("<strong>A-9</strong> Book the UAT rooms: done"));
}

#[test]
fn follow_ups_the_meeting_did_not_come_to_are_listed_as_not_discussed() {
    let (record, mut earlier) = followed_up();
    earlier.push(Earlier {
        id: "A-4".into(),
        meeting: "2026-11-24-1400-reset-point".into(),
        title: "Send the revised plan".into(),
        owner: Some("sam".into()),
        due: Some("2026-11-30".parse().unwrap()),
        moved_from: None,
        side: None,
    });
    let minutes = markdown(
        &record,
        Some(&plan()),
        &earlier,
        Audience::Customer,
        &TimeZone::UTC,
    );
    let outcomes = minutes.split("## Follow-up outcomes").nth(1).unwrap();
    let outcomes = outcomes.split("\n## ").next().unwrap();
    assert!(
        outcomes.lines().any(|l| l
            == "- **A-4** Send the revised plan: still open, not discussed, due Mon 30 Nov 2026, with Sam Okafor"),
        "{outcomes}"
    );
    assert!(
        outcomes.contains("**A-9** Book the UAT rooms: done"),
        "the one followed up keeps its outcome:\n{outcomes}"
    );
    assert_eq!(outcomes.matches("not discussed").count(), 1, "{outcomes}");
}

#[test]
fn the_actions_list_reads_like_the_minutes() {
    use resetpoint::export::actions::markdown as actions;
    use resetpoint::left_open::actions::ActionRow;
    use resetpoint::meeting::capture::ActionStatus;
    let row = |id: &str, title: &str, due: Option<&str>, status| ActionRow {
        id: id.into(),
        title: title.into(),
        owner: Some("Sam Okafor".into()),
        owner_id: Some("sam".into()),
        due: due.map(|d| d.parse().unwrap()),
        moved_from: None,
        status,
        side: None,
        meeting: "2026-11-24-1400-reset-point".into(),
        created: "2026-11-24T14:10:00Z".parse().unwrap(),
    };
    let rows = [
        row(
            "A-1",
            "Book St. Brigid's hall, 12:57 train",
            None,
            ActionStatus::Open,
        ),
        row(
            "A-2",
            "# Not *a* heading",
            Some("2026-12-01"),
            ActionStatus::Done,
        ),
    ];
    let open = actions(&rows[..1], &plan(), false);
    assert!(open.starts_with("# Open actions: Shipment Tracking Rebuild\n"));
    assert!(
        open.contains("- **A-1** Book St. Brigid's hall, 12:57 train — Sam Okafor, no due date (open; from 2026-11-24-1400-reset-point)"),
        "{open}"
    );
    let all = actions(&rows, &plan(), true);
    assert!(
        all.starts_with("# Actions: Shipment Tracking Rebuild\n"),
        "{all}"
    );
    assert!(
        all.contains("**A-2** # Not \\*a\\* heading — Sam Okafor, due 2026-12-01 (done;"),
        "{all}"
    );
    assert_eq!(headings(&all), ["Actions: Shipment Tracking Rebuild"]);
    let hostile = [row(
        "A-3",
        "Pay \u{202e}0001\u{2066} \u{9b}2J \u{1b}[31m",
        None,
        ActionStatus::Open,
    )];
    let list = actions(&hostile, &plan(), false);
    assert!(
        !list
            .chars()
            .any(|c| c != '\n' && resetpoint::text::is_unsafe(c))
    );
    assert!(
        list.contains("Pay \\u{202e}0001\\u{2066} \\u{9b}2J \\u{1b}\\[31m"),
        "{list}"
    );
}

#[test]
fn people_marked_away_are_sent_apologies_not_listed_as_attendees() {
    let start: Timestamp = "2026-11-24T14:00:00Z".parse().unwrap();
    let mut m = Meeting::new(
        plan(),
        AgendaName::ResetPoint,
        Clock::at(start, TimeZone::UTC),
        false,
    );
    // Sam came; Priya is marked present, then away.
    update(&mut m, Action::Select);
    update(&mut m, Action::Down);
    update(&mut m, Action::Select);
    update(&mut m, Action::Select);
    let minutes = markdown(
        &Record::of(&m),
        Some(&plan()),
        &[],
        Audience::Customer,
        &TimeZone::UTC,
    );
    assert!(
        minutes.contains("## Attendees\n\n- Sam Okafor — Project manager\n\n## Apologies\n\n- Priya Raman — Tech lead\n"),
        "{minutes}"
    );
    assert!(!minutes.contains("(expected)"), "{minutes}");
    assert!(!minutes.contains("Attendance was not taken"), "{minutes}");
}

/// The headings the customer's minutes of `scripted()` have.
const SCRIPTED_HEADINGS: [&str; 13] = [
    "Minutes: Shipment Tracking Rebuild",
    "Attendees",
    "What we heard",
    "Where the project stands",
    "Decisions",
    "Actions",
    "Tasks on your side",
    "Sign-offs and buy-in",
    "Risks and issues raised",
    "Notes",
    "Pulse",
    "Plain words",
    "Next meeting",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever is typed as an answer, a decision, an action or a note, the
    /// minutes keep their own headings only and read the text back whole.
    #[test]
    fn typed_text_anywhere_in_the_minutes_stays_text(text in markup_heavy()) {
        let mut record = scripted();
        record.answers[0].what = Capture::Answer {
            question: "What is your view of the project's status?".into(),
            text: text.clone(),
            sensitive: false,
        };
        record.decisions[0].what = Capture::Decision { text: text.clone() };
        record.notes[0].what = Capture::Note { text: text.clone(), private: false, unsent: false };
        let minutes = markdown(&record, Some(&plan()), &[], Audience::Customer, &TimeZone::UTC);
        prop_assert_eq!(headings(&minutes), SCRIPTED_HEADINGS);
        let read = text_of(&minutes);
        prop_assert!(!read.contains("<Start") && !read.contains("<End"), "{}", read);
        prop_assert!(read.contains(&format!("“{}”", as_read(text.trim()))), "{}", read);
        prop_assert!(read.contains(&as_read(&text)), "{}", read);
    }
}
