//! `minutes PLAN` and `minutes DIR` give the latest finished meeting's
//! minutes; `--meeting N` (as `history` counts, 1 the first) or a day picks
//! another. A folder or a plan with no finished meeting is said to be so,
//! never called a special file to remove.

use crate::common;

use std::path::Path;

use common::{DEMO_PLAN, resetpoint};

/// A plan beside `meetings/` with three finished weekly meetings (6, 13
/// and 20 January 2020, 09:00).
fn plan_with_meetings() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    std::fs::copy(DEMO_PLAN, home.path().join("plan.toml")).unwrap();
    common::write_earlier_meetings(&home.path().join("meetings"), 3, 1);
    home
}

fn minutes(home: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["minutes"];
    all.extend(args);
    let out = resetpoint(home, &all);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_plan_or_a_folder_gives_the_latest_finished_meeting() {
    let home = plan_with_meetings();
    for asked in ["plan.toml", "meetings", "meetings/"] {
        let (code, out, err) = minutes(home.path(), &[asked]);
        assert_eq!(code, Some(0), "{asked}: {err}");
        assert!(
            out.starts_with("# Minutes: Shipment Tracking Rebuild"),
            "{out}"
        );
        assert!(
            out.contains("20 January 2020"),
            "{asked}: the latest:\n{out}"
        );
    }
}

#[test]
fn meeting_picks_another_by_number_or_day() {
    let home = plan_with_meetings();
    let (code, out, err) = minutes(home.path(), &["plan.toml", "--meeting", "1"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("6 January 2020"), "{out}");
    let (code, out, err) = minutes(home.path(), &["meetings", "--meeting", "2020-01-13"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("13 January 2020"), "{out}");
    let (code, _, err) = minutes(home.path(), &["plan.toml", "--meeting", "9"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("numbered 1 (the first) to 3"), "{err}");
    let (code, _, err) = minutes(home.path(), &["plan.toml", "--meeting", "2020-02-01"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("no finished meeting on 2020-02-01"), "{err}");
}

#[test]
fn nothing_finished_is_said_plainly_and_a_fifo_is_still_refused() {
    let home = tempfile::tempdir().unwrap();
    std::fs::copy(DEMO_PLAN, home.path().join("plan.toml")).unwrap();
    std::fs::create_dir(home.path().join("meetings")).unwrap();
    for asked in ["plan.toml", "meetings"] {
        let (code, _, err) = minutes(home.path(), &[asked]);
        assert_eq!(code, Some(1), "{asked}");
        assert!(err.contains("holds no finished meeting yet"), "{err}");
        assert!(!err.contains("symlink") && !err.contains("remove"), "{err}");
    }
    let fifo = home.path().join("meetings/2026-11-24-1400-status.toml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let (code, _, err) = minutes(home.path(), &["meetings/2026-11-24-1400-status.toml"]);
    assert_ne!(code, Some(0), "{err}");
    assert!(err.contains("special file"), "{err}");
}
