//! `actions --format xlsx` and `history --format xlsx` read back with a
//! real spreadsheet reader (calamine), and the sheet's own XML for what
//! calamine does not read: text cells are text (a typed formula too),
//! dates are date cells, the header row is frozen and carries the filters.

use crate::common;
use crate::meetings;

use std::io::{Cursor, Read as _};
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use jiff::tz::TimeZone;
use meetings::{EXCEL_ESCAPE, FORMULA, project};
use resetpoint::export::workbook::actions::actions_workbook;
use resetpoint::export::workbook::history::history_workbook;
use resetpoint::left_open::actions::{ActionRow, meetings as records, rows};
use resetpoint::left_open::history::history;
use resetpoint::meeting::capture::ActionStatus;

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes.to_vec())).expect("a workbook calamine reads")
}

/// The first sheet's XML, straight from the zip.
fn sheet_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// The attributes of every `<name …>` element in `xml`.
fn elements(xml: &str, name: &str) -> Vec<Vec<(String, String)>> {
    use quick_xml::XmlVersion;
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut found = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == name => {
                found.push(
                    e.attributes()
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
                );
            }
            Event::Eof => return found,
            _ => {}
        }
    }
}

fn attribute<'a>(element: &'a [(String, String)], key: &str) -> Option<&'a str> {
    element
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// The day a date cell holds.
fn day(cell: &Data) -> (u16, u8, u8) {
    let Data::DateTime(at) = cell else {
        panic!("not a date cell: {cell:?}");
    };
    let (y, m, d, ..) = at.to_ymd_hms_milli();
    (y, m, d)
}

fn actions_book() -> (Vec<u8>, Vec<ActionRow>) {
    let (dir, _) = project();
    let found = records(&dir.path().join("meetings"), "shipment-tracking");
    let rows = rows(&found, &meetings::plan(), false);
    let bytes = actions_workbook(&rows, &meetings::plan(), false, &TimeZone::UTC).unwrap();
    (bytes, rows)
}

#[test]
fn every_action_is_a_row_of_typed_cells() {
    let (bytes, rows) = actions_book();
    let mut book = open(&bytes);
    assert_eq!(book.sheet_names(), ["Open actions"], "one sheet");
    let sheet = book.worksheet_range("Open actions").unwrap();
    let header: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        header,
        [
            "Id",
            "Title",
            "Owner",
            "Side",
            "Due",
            "Moved from",
            "Status",
            "Meeting",
            "Raised"
        ]
    );
    let body: Vec<&[Data]> = sheet.rows().skip(1).collect();
    assert_eq!(body.len(), rows.len());
    assert_eq!(body.len(), 6);

    let first = body[0];
    assert_eq!(first[0], Data::String("A-1".into()));
    assert_eq!(
        first[1],
        Data::String(FORMULA.into()),
        "a typed formula is a text cell, exactly as typed"
    );
    assert_eq!(first[2], Data::String("Søren Kjærgaard".into()));
    assert_eq!(first[3], Data::String("customer".into()));
    assert_eq!(day(&first[4]), (2026, 12, 8), "the due date is a date cell");
    assert_eq!(first[5], Data::Empty, "never moved");
    assert_eq!(first[6], Data::String("open".into()));
    assert_eq!(first[7], Data::String("2026-11-24-1400-status".into()));
    let Data::DateTime(raised) = &first[8] else {
        panic!("raised is a date and time: {:?}", first[8]);
    };
    assert_eq!(raised.to_ymd_hms_milli(), (2026, 11, 24, 14, 0, 0, 0));

    let guest = body[2];
    assert_eq!(guest[1], Data::String("Book UAT rooms".into()));
    assert_eq!(guest[3], Data::Empty, "a guest's side is not known");
    assert_eq!(
        guest[4],
        Data::Empty,
        "no due date is an empty cell, not text"
    );

    let names: Vec<String> = body.iter().map(|r| r[2].to_string()).collect();
    assert!(names.contains(&"李梅".to_owned()), "{names:?}");
    assert_eq!(
        body[5][1],
        Data::String(EXCEL_ESCAPE.into()),
        "a typed _x0041_ is not read as Excel's escape for A"
    );
}

#[test]
fn no_cell_holds_a_formula() {
    let (bytes, _) = actions_book();
    let mut book = open(&bytes);
    let formulas = book.worksheet_formula("Open actions").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "{formulas:?}"
    );
    assert!(
        !sheet_xml(&bytes).contains("<f>"),
        "no formula element at all"
    );
}

#[test]
fn the_header_stays_in_view_with_filters_and_columns_fit() {
    let (bytes, _) = actions_book();
    let xml = sheet_xml(&bytes);
    let panes = elements(&xml, "pane");
    assert_eq!(panes.len(), 1, "{xml}");
    assert_eq!(attribute(&panes[0], "state"), Some("frozen"));
    assert_eq!(attribute(&panes[0], "ySplit"), Some("1"));
    assert_eq!(attribute(&panes[0], "topLeftCell"), Some("A2"));
    assert_eq!(attribute(&panes[0], "xSplit"), None, "no column is frozen");
    let filters = elements(&xml, "autoFilter");
    assert_eq!(filters.len(), 1);
    assert_eq!(
        attribute(&filters[0], "ref"),
        Some("A1:I7"),
        "the filter covers the header and every row"
    );
    let widths: Vec<f64> = elements(&xml, "col")
        .iter()
        .map(|c| attribute(c, "width").unwrap().parse().unwrap())
        .collect();
    assert_eq!(widths.len(), 9, "{xml}");
    assert!(
        widths.iter().all(|w| (8.0..=61.0).contains(w)),
        "{widths:?}"
    );
    assert!(
        widths[1] > widths[0] + 20.0,
        "the title column is wider than the id column: {widths:?}"
    );
}

#[test]
fn a_long_title_gets_the_height_of_its_lines_and_the_sheet_prints_one_page_wide() {
    let plan = meetings::plan();
    let long = "Agree with the depot managers which exception codes the scanners send, \
                which the tracking page shows, and who reads the daily report of the rest";
    let due = "2026-12-01".parse().unwrap();
    let bytes = actions_workbook(
        &[row("Short", due), row(long, due)],
        &plan,
        false,
        &TimeZone::UTC,
    )
    .unwrap();
    let xml = sheet_xml(&bytes);
    let rows = elements(&xml, "row");
    let height = |r: &str| {
        rows.iter()
            .find(|row| attribute(row, "r") == Some(r))
            .and_then(|row| attribute(row, "ht"))
            .map(|h| h.parse::<f64>().unwrap())
    };
    assert_eq!(height("2"), None, "a one-line row keeps the default height");
    assert!(
        height("3").is_some_and(|h| h >= 30.0),
        "the wrapped title's row is as tall as its lines: {xml}"
    );
    let setup = elements(&xml, "pageSetup");
    assert_eq!(
        attribute(&setup[0], "orientation"),
        Some("landscape"),
        "{xml}"
    );
    assert_eq!(attribute(&setup[0], "fitToHeight"), Some("0"), "{xml}");
    let fit = elements(&xml, "pageSetUpPr");
    assert_eq!(attribute(&fit[0], "fitToPage"), Some("1"), "{xml}");
}

fn row(title: &str, due: jiff::civil::Date) -> ActionRow {
    ActionRow {
        id: "A-1".into(),
        title: title.to_owned(),
        owner: None,
        owner_id: None,
        due: Some(due),
        moved_from: None,
        status: ActionStatus::Open,
        side: None,
        meeting: "2026-11-24-1400-status".into(),
        created: "2026-11-24T14:05:00Z".parse().unwrap(),
    }
}

#[test]
fn hostile_text_is_shown_never_obeyed() {
    let plan = meetings::plan();
    let rows = [
        row(
            "Call \u{1b}]52;c;eA==\u{7} back \u{202e}evil",
            jiff::civil::date(2026, 12, 1),
        ),
        row(&"long ".repeat(10_000), jiff::civil::date(1850, 1, 1)),
        row("+1 555 0100 -- @ops", jiff::civil::date(2026, 12, 2)),
    ];
    let bytes = actions_workbook(&rows, &plan, true, &TimeZone::UTC).unwrap();
    let mut book = open(&bytes);
    assert_eq!(book.sheet_names(), ["Actions"], "--all: every action");
    let sheet = book.worksheet_range("Actions").unwrap();
    let body: Vec<&[Data]> = sheet.rows().skip(1).collect();
    assert_eq!(
        body[0][1],
        Data::String("Call \\u{1b}]52;c;eA==\\u{7} back \\u{202e}evil".into()),
        "control characters and bidi overrides are visible escapes"
    );
    let Data::String(long) = &body[1][1] else {
        panic!("{:?}", body[1][1]);
    };
    assert_eq!(long.chars().count(), 32_767, "cut to what a cell holds");
    assert!(long.ends_with('…'));
    assert_eq!(
        body[1][4],
        Data::String("1850-01-01".into()),
        "a date Excel cannot hold is written as text"
    );
    assert_eq!(
        body[2][1],
        Data::String("+1 555 0100 -- @ops".into()),
        "no leading ' is needed: a text cell is never read as a formula"
    );
}

#[test]
fn history_is_one_sheet_of_dates_and_figures() {
    let (dir, _) = project();
    let plan = meetings::plan();
    let found = records(&dir.path().join("meetings"), "shipment-tracking");
    let rows = history(&found, &plan, &TimeZone::UTC);
    let bytes = history_workbook(&rows, &plan).unwrap();
    let mut book = open(&bytes);
    assert_eq!(book.sheet_names(), ["History"]);
    let sheet = book.worksheet_range("History").unwrap();
    let header: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header[0], "Date");
    assert_eq!(header[9], "Promises broken");
    let body: Vec<&[Data]> = sheet.rows().skip(1).collect();
    assert_eq!(body.len(), 2);
    assert_eq!(day(&body[0][0]), (2026, 11, 24));
    assert_eq!(day(&body[1][0]), (2026, 12, 1));
    assert_eq!(body[0][1], Data::String("status".into()));
    assert_eq!(body[0][2], Data::Empty, "no pulse was taken");
    assert_eq!(
        body[0][4],
        Data::Float(rows[0].actions_opened as f64),
        "a count is a number"
    );
    assert_eq!(rows[0].actions_opened, 4);
    assert_eq!(body[1][9], Data::Float(rows[1].promises_broken as f64));
    let xml = sheet_xml(&bytes);
    assert_eq!(
        attribute(&elements(&xml, "pane")[0], "state"),
        Some("frozen")
    );
    assert_eq!(
        attribute(&elements(&xml, "autoFilter")[0], "ref"),
        Some("A1:K3")
    );
}

/// `resetpoint ARGS…` in `dir`, with standard output a pipe.
fn piped(dir: &Path, args: &[&str]) -> std::process::Output {
    common::resetpoint(dir, args)
}

#[test]
fn the_commands_write_workbooks_to_a_file_or_a_pipe() {
    let (dir, plan_path) = project();
    let plan = plan_path.to_str().unwrap();
    let out = piped(dir.path(), &["actions", plan, "--format", "xlsx"]);
    assert_eq!(out.status.code(), Some(0));
    let mut book = open(&out.stdout);
    assert_eq!(book.worksheet_range("Open actions").unwrap().height(), 7);

    let file = dir.path().join("history.xlsx");
    let out = piped(
        dir.path(),
        &[
            "history",
            plan,
            "--format",
            "xlsx",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stdout.is_empty());
    let bytes = std::fs::read(&file).unwrap();
    assert_eq!(open(&bytes).sheet_names(), ["History"]);

    let out = piped(dir.path(), &["history", plan, "--format", "json"]);
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("{\"meetings\"")
    );
}
