//! Plans from the spreadsheets a PM already keeps: `[[sources]]` read from
//! real .xlsx files (written with rust_xlsxwriter), .ods files (written as
//! a spreadsheet program writes them) and .csv files. Each row is an entry
//! of the plan with every check an entry written by hand has; a mistake is
//! named by file, sheet and cell; a missing file, sheet or column is one
//! clear error; the files are only read.

use std::io::Write as _;
use std::path::Path;

use resetpoint::plan::model::{RiskStatus, TaskStatus};
use resetpoint::plan::{Checked, Plan, load_file};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

const DEMO: &str = include_str!("../../assets/demo.toml");

/// The demo plan with `sources` after it, in `dir`.
fn plan_with(dir: &Path, sources: &str) -> Checked {
    let path = dir.join("plan.toml");
    std::fs::write(&path, format!("{DEMO}\n{sources}")).unwrap();
    load_file(&path).expect("the plan file opens")
}

fn rendered(checked: &Checked) -> String {
    checked.render()
}

/// The demo plan reading `kind` from `file`, a CSV file holding `rows`.
fn with_csv(dir: &Path, file: &str, kind: &str, rows: &str) -> Checked {
    std::fs::write(dir.join(file), rows).unwrap();
    plan_with(
        dir,
        &format!("[[sources]]\nfile = \"{file}\"\nkind = \"{kind}\"\n"),
    )
}

/// The plan read, or the test stops with what `check` would say.
fn read(checked: &Checked) -> Plan {
    checked
        .plan
        .clone()
        .unwrap_or_else(|| panic!("{}", rendered(checked)))
}

/// A RAID workbook: a risks sheet in a PM's own headers (an owner by
/// name, an "Internal only" column, a column resetpoint has no use for)
/// and a milestones sheet with real spreadsheet dates.
fn raid_workbook(path: &Path, likelihood_of_second: f64) {
    let mut book = Workbook::new();
    let risks = book.add_worksheet().set_name("Risks").unwrap();
    for (column, header) in [
        "Ref",
        "Description",
        "Likelihood",
        "Impact",
        "Owner",
        "Internal only",
        "Comments",
    ]
    .iter()
    .enumerate()
    {
        risks.write_string(0, column as u16, *header).unwrap();
    }
    let rows: [(&str, &str, f64, f64, &str, &str); 2] = [
        (
            "R-7",
            "Label printers short before the peak",
            4.0,
            3.0,
            "Ola Nordmann",
            "",
        ),
        (
            "R-8",
            "Margin below the floor",
            likelihood_of_second,
            5.0,
            "dana",
            "x",
        ),
    ];
    for (n, (id, title, p, i, owner, internal)) in rows.iter().enumerate() {
        let row = n as u32 + 1;
        risks.write_string(row, 0, *id).unwrap();
        risks.write_string(row, 1, *title).unwrap();
        risks.write_number(row, 2, *p).unwrap();
        risks.write_number(row, 3, *i).unwrap();
        risks.write_string(row, 4, *owner).unwrap();
        risks.write_string(row, 5, *internal).unwrap();
        risks.write_string(row, 6, "discussed 3 Dec").unwrap();
    }
    let milestones = book.add_worksheet().set_name("Milestones").unwrap();
    let day = Format::new().set_num_format("dd/mm/yyyy");
    for (column, header) in ["Name", "Baseline", "Forecast"].iter().enumerate() {
        milestones.write_string(0, column as u16, *header).unwrap();
    }
    milestones.write_string(1, 0, "Depot roll-out").unwrap();
    let baseline = ExcelDateTime::from_ymd(2027, 3, 1).unwrap();
    let forecast = ExcelDateTime::from_ymd(2027, 3, 15).unwrap();
    milestones
        .write_datetime_with_format(1, 1, &baseline, &day)
        .unwrap();
    milestones
        .write_datetime_with_format(1, 2, &forecast, &day)
        .unwrap();
    book.save(path).unwrap();
}

const RAID_SOURCES: &str = r#"
[[sources]]
file = "raid.xlsx"
sheet = "Risks"
kind = "risks"
columns = { id = "Ref", title = "Description", probability = "Likelihood", impact = "Impact", internal = "Internal only" }

[[sources]]
file = "raid.xlsx"
sheet = "Milestones"
kind = "milestones"
"#;

#[test]
fn rows_of_a_workbook_are_entries_of_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    raid_workbook(&dir.path().join("raid.xlsx"), 2.0);
    let checked = plan_with(dir.path(), RAID_SOURCES);
    let plan = read(&checked);
    let r7 = plan
        .risks
        .iter()
        .find(|r| r.id.get_ref() == "R-7")
        .expect("R-7 read");
    assert_eq!(r7.title, "Label printers short before the peak");
    assert_eq!((*r7.probability.get_ref(), *r7.impact.get_ref()), (4, 3));
    // An owner by name is the person of that name; no mark, visible.
    assert_eq!(r7.owner.as_ref().map(|o| o.get_ref().as_str()), Some("ola"));
    assert!(r7.visible);
    assert_eq!(r7.status, RiskStatus::Open);
    // "x" in the Internal only column keeps it off the customer's screens.
    let r8 = plan
        .risks
        .iter()
        .find(|r| r.id.get_ref() == "R-8")
        .expect("R-8 read");
    assert!(!r8.visible);
    let public = resetpoint::meeting::public_only(&plan);
    assert!(public.risks.iter().all(|r| r.id.get_ref() != "R-8"));
    // Real spreadsheet dates are days.
    let roll_out = plan
        .milestones
        .iter()
        .find(|m| m.name.get_ref() == "Depot roll-out")
        .expect("the milestone read");
    assert_eq!(roll_out.baseline, jiff::civil::date(2027, 3, 1));
    assert_eq!(roll_out.forecast, Some(jiff::civil::date(2027, 3, 15)));
    // The plan's own entries are still there, before the sheet's.
    assert_eq!(plan.risks[0].id.get_ref(), "R-1");
}

#[test]
fn a_mistake_in_a_row_is_named_by_file_sheet_and_cell() {
    let dir = tempfile::tempdir().unwrap();
    raid_workbook(&dir.path().join("raid.xlsx"), 7.0);
    let checked = plan_with(dir.path(), RAID_SOURCES);
    assert!(checked.plan.is_none(), "refused");
    let text = rendered(&checked);
    assert!(
        text.contains("error[out-of-range]: probability 7 of risk R-8 is out of range\n --> raid.xlsx › Risks › C3\n"),
        "{text}"
    );
    // The same in check --format json: file, sheet and cell.
    let json = checked.source.to_json(checked.errors().next().unwrap());
    assert_eq!(json["source"]["file"], "raid.xlsx");
    assert_eq!(json["source"]["sheet"], "Risks");
    assert_eq!(json["source"]["cell"], "C3");
    assert!(json["line"].is_null());
}

#[test]
fn a_missing_file_sheet_or_column_is_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    raid_workbook(&dir.path().join("raid.xlsx"), 2.0);
    for (sources, said) in [
        (
            RAID_SOURCES.replace("\"raid.xlsx\"", "\"risks.xlsx\""),
            "error[source-missing]: the source risks.xlsx is not there",
        ),
        (
            RAID_SOURCES.replace("sheet = \"Risks\"", "sheet = \"Risk\""),
            "error[source-sheet]: raid.xlsx has no sheet `Risk`",
        ),
        (
            RAID_SOURCES.replace("\"Likelihood\"", "\"Likelyhood\""),
            "error[source-column]: raid.xlsx › Risks has no column `Likelyhood` (for probability)",
        ),
        (
            RAID_SOURCES.replace("probability = ", "probabilty = "),
            "error[source-column]: `probabilty` is not a key of risks",
        ),
        (
            RAID_SOURCES.replace("sheet = \"Risks\"\n", ""),
            "error[source-sheet]: raid.xlsx is a workbook: say which sheet to read",
        ),
    ] {
        let checked = plan_with(dir.path(), &sources);
        let text = rendered(&checked);
        assert!(checked.plan.is_none(), "{said}: not refused\n{text}");
        assert!(text.contains(said), "{said}\n{text}");
        // One error, at the line of the plan that names it.
        assert_eq!(checked.errors().count(), 1, "{text}");
        assert!(text.contains("plan.toml:"), "{text}");
    }
    // A sheet or a column that is close is offered.
    let checked = plan_with(
        dir.path(),
        &RAID_SOURCES.replace("sheet = \"Risks\"", "sheet = \"Risk\""),
    );
    assert!(rendered(&checked).contains("did you mean `Risks`?"));
    let checked = plan_with(
        dir.path(),
        &RAID_SOURCES.replace("\"Likelihood\"", "\"Likelyhood\""),
    );
    assert!(rendered(&checked).contains("did you mean `likelihood`?"));
}

#[test]
fn an_id_in_the_plan_and_in_a_sheet_is_named_in_both_places() {
    let dir = tempfile::tempdir().unwrap();
    let checked = with_csv(
        dir.path(),
        "risks.csv",
        "risks",
        "Id,Title,Probability,Impact\nR-1,Written twice,2,2\n",
    );
    let text = rendered(&checked);
    let line = DEMO
        .lines()
        .position(|l| l.trim() == "id = \"R-1\"")
        .expect("the demo's R-1")
        + 1;
    assert!(
        text.contains(&format!(
            "error[duplicate-id]: risk `R-1` is defined twice\n --> risks.csv › A2\n  = help: give this risk another id; the first `R-1` is on line {line}"
        )),
        "{text}"
    );
}

#[test]
fn a_csv_of_issues_reads_iso_dates_words_in_any_case_and_yes_or_no() {
    let dir = tempfile::tempdir().unwrap();
    let checked = with_csv(
        dir.path(),
        "issues.csv",
        "issues",
        "ID , Title,Owner,Severity,Status,Due,Visible\n\
         I-7,Printer firmware crashes,priya,High,In progress,2026-12-18,yes\n\
         I-8,Depot Wi-Fi drops,Lin Chen,low,open,,no\n\
         ,,,,,,\n",
    );
    let plan = read(&checked);
    let i7 = plan
        .issues
        .iter()
        .find(|i| i.id.get_ref() == "I-7")
        .expect("I-7");
    assert_eq!(i7.due, Some(jiff::civil::date(2026, 12, 18)));
    assert!(i7.visible);
    let i8 = plan
        .issues
        .iter()
        .find(|i| i.id.get_ref() == "I-8")
        .expect("I-8");
    assert_eq!(i8.owner.as_ref().map(|o| o.get_ref().as_str()), Some("lin"));
    assert!(!i8.visible);
    let in_plan = DEMO.matches("[[issues]]").count();
    assert_eq!(plan.issues.len(), in_plan + 2, "the blank row is no issue");
    // A word that is neither yes nor no is named at its cell.
    let checked = with_csv(
        dir.path(),
        "issues.csv",
        "issues",
        "Id,Title,Visible\nI-7,Printer firmware crashes,perhaps\n",
    );
    let text = rendered(&checked);
    assert!(
        text.contains("visible: `perhaps` is neither yes nor no\n --> issues.csv › C2"),
        "{text}"
    );
}

/// An OpenDocument spreadsheet as LibreOffice writes one: a zip whose
/// first entry is its type, stored, then its content.
fn ods(path: &Path, sheet: &str, rows: &[&[(&str, &str)]]) {
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
    );
    content.push_str(&format!(r#"<table:table table:name="{sheet}">"#));
    for row in rows {
        content.push_str("<table:table-row>");
        for (kind, value) in *row {
            match *kind {
                "date" => content.push_str(&format!(
                    r#"<table:table-cell office:value-type="date" office:date-value="{value}"><text:p>{value}</text:p></table:table-cell>"#
                )),
                _ => content.push_str(&format!(
                    r#"<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>"#
                )),
            }
        }
        content.push_str("</table:table-row>");
    }
    content.push_str("</table:table></office:spreadsheet></office:body></office:document-content>");
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.finish().unwrap();
}

#[test]
fn customer_tasks_from_an_ods_sheet() {
    let dir = tempfile::tempdir().unwrap();
    ods(
        &dir.path().join("tasks.ods"),
        "Their tasks",
        &[
            &[
                ("s", "Id"),
                ("s", "Title"),
                ("s", "Owner"),
                ("s", "Due"),
                ("s", "Kind"),
            ],
            &[
                ("s", "CT-7"),
                ("s", "Approve the depot roll-out order"),
                ("s", "Marcus Bell"),
                ("date", "2027-01-12"),
                ("s", "Signoff"),
            ],
        ],
    );
    let checked = plan_with(
        dir.path(),
        "[[sources]]\nfile = \"tasks.ods\"\nsheet = \"Their tasks\"\nkind = \"customer_tasks\"\n",
    );
    let plan = read(&checked);
    let task = plan
        .customer_tasks
        .iter()
        .find(|t| t.id.get_ref() == "CT-7")
        .expect("CT-7 read");
    assert_eq!(task.due, Some(jiff::civil::date(2027, 1, 12)));
    assert_eq!(
        task.owner.as_ref().map(|o| o.get_ref().as_str()),
        Some("marcus")
    );
    assert_eq!(task.status, TaskStatus::Open);
}

#[test]
fn the_files_are_read_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("raid.xlsx");
    raid_workbook(&path, 2.0);
    let before = std::fs::read(&path).unwrap();
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let checked = plan_with(dir.path(), RAID_SOURCES);
    assert!(checked.plan.is_some(), "{}", rendered(&checked));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        modified
    );
}

#[test]
fn the_raid_demo_reads_the_demo_plans_risks_and_issues_from_its_workbook() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let load = |path: &Path| read(&load_file(path).unwrap());
    let (demo, raid) = (
        load(&root.join("demo.toml")),
        load(&root.join("raid/plan.toml")),
    );
    let risk = |r: &resetpoint::plan::model::Risk| {
        (
            r.id.get_ref().clone(),
            r.title.clone(),
            *r.probability.get_ref(),
            *r.impact.get_ref(),
            r.owner.as_ref().map(|o| o.get_ref().clone()),
            format!("{:?} {:?}", r.response, r.status),
            r.plan.clone(),
            r.visible,
        )
    };
    let issue = |i: &resetpoint::plan::model::Issue| {
        (
            i.id.get_ref().clone(),
            i.title.clone(),
            i.owner.as_ref().map(|o| o.get_ref().clone()),
            format!("{:?} {:?}", i.severity, i.status),
            i.due,
            i.visible,
        )
    };
    assert!(raid.risks.len() >= 6 && raid.issues.len() >= 4);
    assert_eq!(
        raid.risks.iter().map(risk).collect::<Vec<_>>(),
        demo.risks.iter().map(risk).collect::<Vec<_>>()
    );
    assert_eq!(
        raid.issues.iter().map(issue).collect::<Vec<_>>(),
        demo.issues.iter().map(issue).collect::<Vec<_>>()
    );
}

#[test]
fn the_schema_describes_sources() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_resetpoint"))
        .arg("schema")
        .output()
        .unwrap();
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sources = &schema["properties"]["sources"];
    assert_eq!(sources["type"], "array", "{sources:#}");
    let text = schema.to_string();
    for kind in ["risks", "issues", "milestones", "customer_tasks"] {
        assert!(text.contains(&format!("\"{kind}\"")), "{kind} missing");
    }
    assert!(
        text.contains("The sheet of a workbook"),
        "the keys are described"
    );
}

#[test]
fn a_sheet_far_larger_than_any_raid_log_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("Id,Title,Probability,Impact\n");
    for i in 0..=resetpoint::plan::sheets::MOST_ROWS {
        csv.push_str(&format!("X-{i},Row {i},1,1\n"));
    }
    let checked = with_csv(dir.path(), "export.csv", "risks", &csv);
    let text = rendered(&checked);
    assert!(checked.plan.is_none());
    assert!(
        text.contains("error[source-too-large]: export.csv has 100001 rows, more than the 100000 resetpoint reads"),
        "{text}"
    );
    assert_eq!(checked.errors().count(), 1, "one error, not one per row");
}

#[test]
fn a_csv_saved_by_a_european_spreadsheet_reads_too() {
    let dir = tempfile::tempdir().unwrap();
    // A byte order mark, semicolons, a comma inside a title.
    let checked = with_csv(
        dir.path(),
        "risks.csv",
        "risks",
        "\u{feff}Id;Title;Probability;Impact\nR-7;Printers, labels and ink run short;4;3\n",
    );
    let plan = read(&checked);
    let r7 = plan
        .risks
        .iter()
        .find(|r| r.id.get_ref() == "R-7")
        .expect("R-7");
    assert_eq!(r7.title, "Printers, labels and ink run short");
}

#[test]
fn a_follower_is_sent_the_sheets_rows_once_and_reads_them() {
    use resetpoint::meeting::{Clock, Meeting, Shared};
    use resetpoint::share::protocol::{Incoming, read_line, screen_line};
    let dir = tempfile::tempdir().unwrap();
    let checked = with_csv(
        dir.path(),
        "risks.csv",
        "risks",
        "Id,Title,Probability,Impact\nR-7,Label printers short,4,3\n",
    );
    let plan = read(&checked);
    let meeting = Meeting::new(
        plan,
        resetpoint::plan::model::AgendaName::ResetPoint,
        Clock::at(
            "2026-11-24T14:00:00Z".parse().unwrap(),
            jiff::tz::TimeZone::UTC,
        ),
        true,
    );
    // The follower reads the plan it is sent, wherever it runs: the rows
    // travel in it, not the name of a file beside the plan.
    let line = screen_line(&Shared::projector(&meeting)).unwrap();
    let Ok(Incoming::Screen(shared)) = read_line(line.trim_end()) else {
        panic!("the follower cannot read the screen it is sent");
    };
    let sevens = shared
        .plan
        .risks
        .iter()
        .filter(|r| r.id.get_ref() == "R-7")
        .count();
    assert_eq!(sevens, 1);
}
