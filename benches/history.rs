//! What years of earlier meetings cost: a records folder of 800 weekly
//! meetings of the demo plan with 50 actions each (and the follow-ups,
//! risks, notes and pulse a real meeting leaves), generated under
//! target/tmp and removed after. Each figure is printed beside its
//! baseline as a ratio, with its target (issue 16):
//!
//! - `actions` and `history` (the folder read, the rows worked out and
//!   written) against reading and parsing every record once: within 1.5x;
//! - a meeting's set-up from the folder (`session`, then the
//!   earlier meetings read and taken in: carry-over, follow-ups, ids,
//!   pulse trend) against parsing every record once; and the part of it
//!   before the first frame (finding a meeting to resume) against the same
//!   with an empty folder (the first frame itself is measured in a
//!   terminal by `benches/figures.py`).
//!
//!     cargo bench --bench history
//!
//! With `RESETPOINT_KEEP_RECORDS=DIR` the folder is written there and
//! kept, for `benches/figures.py` to time `run`'s first frame on it.
//! Lines starting `figure\t` are for that script: name, value and
//! baseline in ms, target ratio.
//!
//! Measured on the 2-core build machine (December 2026): before the
//! follow-ups were looked up by id, `actions` took 8.9 s and `history`
//! 5.8 s on 800 x 50 (issue 16); after, see `benches/figures.py` output in
//! docs/performance.md, "Speed".

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan as _};
use resetpoint::export::actions::markdown;
use resetpoint::export::history::human;
use resetpoint::left_open::actions::{meetings, rows};
use resetpoint::left_open::history::history;
use resetpoint::meeting::capture::ActionStatus;
use resetpoint::meeting::{Capture, Captured, Clock, Meeting, Origin};
use resetpoint::plan::load_bytes;
use resetpoint::plan::model::{AgendaName, Plan};
use resetpoint::record::format::Record;
use resetpoint::record::open::read_record;
use resetpoint::session::{Session, SessionOptions, Unfinished};

const MEETINGS: usize = 800;
const ACTIONS: usize = 50;
const RUNS: usize = 5;

fn plan() -> Plan {
    load_bytes("demo.toml", include_str!("../assets/demo.toml").as_bytes())
        .plan
        .unwrap()
}

/// A cheap deterministic generator: the same folder every run.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % sides as u64) as usize
    }
}

/// Write the folder: weekly meetings up to late 2026, each with
/// `ACTIONS` actions, ten notes, two risks, a pulse, and follow-ups on 20
/// actions of earlier meetings and on the plan's customer tasks.
fn write_folder(dir: &Path, plan: &Plan) {
    std::fs::create_dir_all(dir).unwrap();
    let mut dice = Dice(800);
    // 800 weeks back from before today, so every one is an earlier meeting.
    let first: Timestamp = "2011-06-06T09:00:00Z".parse().unwrap();
    let mut stems: Vec<String> = Vec::new();
    let mut next_id = 0;
    for n in 0..MEETINGS {
        let started = first + (n as i64 * 7 * 24).hours();
        let mut m = Meeting::new(
            plan.clone(),
            AgendaName::Status,
            Clock::at(started, TimeZone::UTC),
            false,
        );
        m.origin = Origin {
            plan_path: "demo.toml".into(),
            plan_sha256: "abc".into(),
            rehearsal: false,
        };
        m.ended = Some(started + 1.hours());
        let mut order = 0;
        let mut put = |m: &mut Meeting, letter: char, what: Capture| {
            order += 1;
            next_id += 1;
            m.captures.push(Captured {
                id: format!("{letter}-{next_id}"),
                order,
                section: 2,
                at: started + (order as i64).seconds(),
                what,
            });
        };
        for a in 0..ACTIONS {
            put(
                &mut m,
                'A',
                Capture::Action {
                    title: format!("Send the revised figures for point {a} of meeting {n}"),
                    owner: Some(["sam", "priya", "ola"][dice.roll(3)].into()),
                    due: Some(
                        started.to_zoned(TimeZone::UTC).date() + (7 + dice.roll(21) as i64).days(),
                    ),
                    side: None,
                    status: ActionStatus::Open,
                },
            );
        }
        for t in 0..10 {
            put(
                &mut m,
                'N',
                Capture::Note {
                    text: format!("The customer said point {t} matters most to the depots"),
                    private: t % 4 == 0,
                    unsent: false,
                },
            );
        }
        for r in 0..2 {
            put(
                &mut m,
                'R',
                Capture::Risk {
                    title: format!("Raised risk {r} of meeting {n}"),
                    owner: None,
                    visible: true,
                    probability: Some(3),
                    impact: Some(2),
                },
            );
        }
        for f in 0..20 {
            if stems.is_empty() {
                break;
            }
            let from = dice.roll(stems.len().min(12));
            let earlier = stems.len() - 1 - from;
            let first_of = earlier * (ACTIONS + 12 + 24) + 1;
            put(
                &mut m,
                'F',
                Capture::Followup {
                    item: format!("A-{}", first_of + dice.roll(ACTIONS)),
                    meeting: stems[earlier].clone(),
                    status: [
                        ActionStatus::Done,
                        ActionStatus::Open,
                        ActionStatus::Dropped,
                    ][dice.roll(3).min(f % 3)],
                    due: None,
                    owner: None,
                },
            );
        }
        for task in plan.customer_tasks.iter().take(2) {
            put(
                &mut m,
                'F',
                Capture::Followup {
                    item: task.id.get_ref().clone(),
                    meeting: "plan".into(),
                    status: ActionStatus::Open,
                    due: None,
                    owner: None,
                },
            );
        }
        for p in ["dana", "sam"] {
            put(
                &mut m,
                'C',
                Capture::Pulse {
                    person: p.into(),
                    confidence: 1 + dice.roll(5) as u8,
                    comment: String::new(),
                },
            );
        }
        let stem = Record::file_stem(&started.to_zoned(TimeZone::UTC), "status");
        let record = Record::of(&m);
        std::fs::write(dir.join(format!("{stem}.toml")), record.to_toml()).unwrap();
        stems.push(stem);
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Every record of the folder read and parsed once, and nothing more.
fn parse_once(dir: &Path) -> Duration {
    let started = Instant::now();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "toml") {
            std::hint::black_box(read_record(&path).unwrap());
        }
    }
    started.elapsed()
}

fn actions_of(dir: &Path, plan: &Plan) -> Duration {
    let started = Instant::now();
    let found = meetings(dir, &plan.project.slug());
    let rows = rows(&found, plan, false);
    std::hint::black_box(markdown(&rows, plan, false));
    started.elapsed()
}

fn history_of(dir: &Path, plan: &Plan) -> Duration {
    let started = Instant::now();
    let found = meetings(dir, &plan.project.slug());
    let rows = history(&found, plan, &TimeZone::UTC);
    std::hint::black_box(human(&rows, plan));
    started.elapsed()
}

/// The meeting set up from the folder: what `run` does before its first
/// frame, and with `earlier`, the earlier meetings read and taken in too
/// (what the loop does once the frame is drawn). The new meeting's own
/// files are removed after.
fn set_up(dir: &Path, plan: &Plan, earlier: bool) -> Duration {
    let options = SessionOptions {
        origin: Origin {
            plan_path: "demo.toml".into(),
            plan_sha256: "abc".into(),
            rehearsal: false,
        },
        agenda: AgendaName::Status,
        presenting: false,
        records_dir: dir.to_path_buf(),
        unfinished: Unfinished::Fresh,
    };
    let started = Instant::now();
    let mut session = Session::open(plan.clone(), options, &mut common::Answers(false)).unwrap();
    if earlier {
        session = session.whole();
    }
    let took = started.elapsed();
    let paths = session.paths.clone();
    drop(session);
    for path in [&paths.record, &paths.journal, &paths.lock] {
        let _ = std::fs::remove_file(path);
    }
    took
}

/// The loop's cost of a frame of section `section` of a reset-point
/// meeting set up from `dir` (the earlier meetings taken in).
fn frame_of(dir: &Path, plan: &Plan, section: usize) -> Duration {
    let options = SessionOptions {
        origin: Origin::default(),
        agenda: AgendaName::ResetPoint,
        presenting: false,
        records_dir: dir.to_path_buf(),
        unfinished: Unfinished::LeaveAlone,
    };
    let session = Session::open(plan.clone(), options, &mut common::Answers(false))
        .unwrap()
        .whole();
    let mut m = session.meeting;
    resetpoint::meeting::update(&mut m, resetpoint::meeting::Action::JumpTo(section));
    let took = common::screen::frame_cost(&m);
    for path in [
        &session.paths.record,
        &session.paths.journal,
        &session.paths.lock,
    ] {
        let _ = std::fs::remove_file(path);
    }
    took
}

/// Runs of each measure taken in turn, so a busy moment falls on all alike.
fn medians(measures: &[&dyn Fn() -> Duration]) -> Vec<Duration> {
    let mut times = vec![Vec::new(); measures.len()];
    for _ in 0..RUNS {
        for (measure, times) in measures.iter().zip(&mut times) {
            times.push(measure());
        }
    }
    times.into_iter().map(median).collect()
}

fn figure(name: &str, value: Duration, baseline: Duration, target: f64) {
    let ratio = value.as_secs_f64() / baseline.as_secs_f64();
    println!(
        "{name}: {:.1} ms, baseline {:.1} ms: {ratio:.2}x (target under {target}x)",
        ms(value),
        ms(baseline)
    );
    println!(
        "figure\t{name}\t{:.3}\t{:.3}\t{target}",
        ms(value),
        ms(baseline)
    );
}

fn main() {
    let plan = plan();
    let kept = std::env::var_os("RESETPOINT_KEEP_RECORDS").map(PathBuf::from);
    let scratch = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tmp/history-bench");
    let dir = kept.clone().unwrap_or_else(|| scratch.join("records"));
    let empty = scratch.join("empty");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&empty);
    std::fs::create_dir_all(&empty).unwrap();
    let started = Instant::now();
    write_folder(&dir, &plan);
    println!(
        "{MEETINGS} records of {ACTIONS} actions written in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    // A frame of the welcome and of the follow-ups, with 800 records
    // carried over and with none.
    // The second section is the follow-ups with 800 records carried over
    // (thousands still open) and the listen section with none: a figure
    // to watch, not to judge by.
    for (section, name, target) in [(0, "welcome", "2"), (1, "second section", "-")] {
        let carried = frame_of(&dir, &plan, section);
        let alone = frame_of(&empty, &plan, section);
        println!(
            "a frame of the {name}, 800 records carried over: {:.2} ms, none: {:.2} ms",
            ms(carried),
            ms(alone)
        );
        println!(
            "figure\ta frame of the {name}, 800 records x 50 actions, against none\t{:.3}\t{:.3}\t{target}",
            ms(carried),
            ms(alone)
        );
    }
    let [parse, actions, history, full, first, none] = medians(&[
        &|| parse_once(&dir),
        &|| actions_of(&dir, &plan),
        &|| history_of(&dir, &plan),
        &|| set_up(&dir, &plan, true),
        &|| set_up(&dir, &plan, false),
        &|| set_up(&empty, &plan, false),
    ])[..] else {
        unreachable!("six measures")
    };
    figure(
        "actions, 800 records x 50 actions, against parsing them once",
        actions,
        parse,
        1.5,
    );
    figure(
        "history, 800 records x 50 actions, against parsing them once",
        history,
        parse,
        1.5,
    );
    figure(
        "meeting set-up with earlier meetings, 800 records, against a parse",
        full,
        parse,
        1.5,
    );
    // Fractions of a millisecond either way: a figure to watch, the first
    // frame itself is judged in a terminal by benches/figures.py.
    println!(
        "set-up before the first frame, 800 records: {:.2} ms, empty folder: {:.2} ms",
        ms(first),
        ms(none)
    );
    println!(
        "figure\tset-up before the first frame, 800 records, against none\t{:.3}\t{:.3}\t-",
        ms(first),
        ms(none)
    );

    let _ = std::fs::remove_dir_all(&empty);
    if kept.is_none() {
        let _ = std::fs::remove_dir_all(&scratch);
    } else {
        // Only the kept folder stays, wherever it was asked for.
        let _ = std::fs::remove_dir(&scratch);
    }
}
