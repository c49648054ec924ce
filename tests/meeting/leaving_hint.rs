//! Leaving an unfinished meeting while a later one of the same project is
//! unfinished too: `--resume` goes back to the latest, so the lines printed
//! on leaving say so and name it, instead of promising this one.

use crate::common;

use common::{DEMO_PLAN, write_unfinished_with_notes};
use resetpoint::commands::leaving::what_comes_next;
use resetpoint::record::format::Record;

#[test]
fn a_later_unfinished_meeting_is_named_where_resume_would_go_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let earlier = write_unfinished_with_notes(dir.path(), 2);
    // The same meeting a day later, left unfinished as well.
    let mut record: Record = toml::from_str(&std::fs::read_to_string(&earlier).unwrap()).unwrap();
    record.meeting.started = "2026-11-25T14:00:00Z".parse().unwrap();
    let later = dir.path().join("2026-11-25-1400-status.toml");
    std::fs::write(&later, record.to_toml()).unwrap();
    std::fs::write(later.with_extension("journal"), "").unwrap();

    let plan = std::path::Path::new(DEMO_PLAN);
    let said = what_comes_next(&earlier, false, Some(plan));
    assert!(said.contains("To resume it: resetpoint run"), "{said}");
    assert!(
        said.contains("A later meeting, 2026-11-25-1400-status, is not finished either"),
        "{said}"
    );
    // Leaving the latest one: nothing later to warn of.
    let said = what_comes_next(&later, false, Some(plan));
    assert!(!said.contains("A later meeting"), "{said}");
    // A finished meeting says nothing of the others.
    assert!(!what_comes_next(&earlier, true, Some(plan)).contains("A later meeting"));
}
