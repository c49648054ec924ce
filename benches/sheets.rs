//! A plan whose 10,000 risks are read from a workbook (`[[sources]]`)
//! against the same plan with the same risks written in its TOML: the
//! load, checks included. Target: the workbook costs at most 2× the TOML.
//! Interleaved rounds; the median of the per-round ratios is printed, as
//! only ratios count on a shared machine.
//!
//!     cargo bench --bench sheets

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use resetpoint::plan::load_file;
use rust_xlsxwriter::Workbook;

const ROWS: usize = 10_000;
const ROUNDS: usize = 15;

const HEAD: &str = "[project]\nname = \"Large\"\ncustomer = \"Acme\"\n\n\
    [[people]]\nid = \"ola\"\nname = \"Ola Nordmann\"\nside = \"customer\"\n\n\
    [[people]]\nid = \"sam\"\nname = \"Sam Okafor\"\nside = \"us\"\n\n";

/// Risk `i`: id, title, probability, impact, owner's name, internal.
fn risk(i: usize) -> (String, String, i64, i64, &'static str, bool) {
    let owner = if i.is_multiple_of(2) {
        "Ola Nordmann"
    } else {
        "Sam Okafor"
    };
    (
        format!("R-{i}"),
        format!("Risk number {i} about the legacy API"),
        1 + (i % 5) as i64,
        1 + (i % 4) as i64,
        owner,
        i.is_multiple_of(7),
    )
}

fn written_in_toml(dir: &Path) -> std::path::PathBuf {
    let mut plan = String::from(HEAD);
    for i in 0..ROWS {
        let (id, title, p, impact, owner, internal) = risk(i);
        let owner = if owner.starts_with("Ola") {
            "ola"
        } else {
            "sam"
        };
        let _ = write!(
            plan,
            "[[risks]]\nid = \"{id}\"\ntitle = \"{title}\"\nprobability = {p}\nimpact = {impact}\nowner = \"{owner}\"\nvisible = {}\n\n",
            !internal
        );
    }
    let path = dir.join("toml.toml");
    std::fs::write(&path, plan).unwrap();
    path
}

fn read_from_a_workbook(dir: &Path) -> std::path::PathBuf {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Risks").unwrap();
    for (column, header) in [
        "Ref",
        "Description",
        "Likelihood",
        "Impact",
        "Owner",
        "Internal only",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, column as u16, *header).unwrap();
    }
    for i in 0..ROWS {
        let (id, title, p, impact, owner, internal) = risk(i);
        let row = i as u32 + 1;
        sheet.write_string(row, 0, id).unwrap();
        sheet.write_string(row, 1, title).unwrap();
        sheet.write_number(row, 2, p as f64).unwrap();
        sheet.write_number(row, 3, impact as f64).unwrap();
        sheet.write_string(row, 4, owner).unwrap();
        sheet
            .write_string(row, 5, if internal { "x" } else { "" })
            .unwrap();
    }
    book.save(dir.join("raid.xlsx")).unwrap();
    let plan = format!(
        "{HEAD}[[sources]]\nfile = \"raid.xlsx\"\nsheet = \"Risks\"\nkind = \"risks\"\n\
         columns = {{ id = \"Ref\", title = \"Description\", probability = \"Likelihood\", internal = \"Internal only\" }}\n"
    );
    let path = dir.join("sheet.toml");
    std::fs::write(&path, plan).unwrap();
    path
}

fn load_ms(path: &Path) -> f64 {
    let started = Instant::now();
    let checked = load_file(path).unwrap();
    let took = started.elapsed().as_secs_f64() * 1000.0;
    let read = checked.plan.as_ref().map(|p| p.risks.len());
    assert_eq!(read, Some(ROWS), "{}", checked.render());
    took
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let toml = written_in_toml(dir.path());
    let sheet = read_from_a_workbook(dir.path());
    let (mut in_toml, mut in_sheet, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        let (t, s) = if round.is_multiple_of(2) {
            let t = load_ms(&toml);
            (t, load_ms(&sheet))
        } else {
            let s = load_ms(&sheet);
            (load_ms(&toml), s)
        };
        in_toml.push(t);
        in_sheet.push(s);
        ratios.push(s / t);
    }
    println!("{ROWS} risks, {ROUNDS} interleaved rounds, load and check (median)");
    println!("written in the plan's TOML   {:8.1} ms", median(in_toml));
    println!("read from a workbook (xlsx)  {:8.1} ms", median(in_sheet));
    println!(
        "ratio (median per round)     {:8.2}x  (target: at most 2x)",
        median(ratios)
    );
}
